/**
 * A scheduler runs for months: 50 consecutive runs in one process must not grow its memory. Each run
 * logs the process RSS when it finishes; the median of the last ten is compared with runs 10–20
 * (the first runs warm up caches, JIT and PGlite's buffers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFinished, spawnCli, startStandins, type CliChild, type Standins } from './support/jobs.js';
import { createTestDatabase, type TestDatabase } from './support/stores.js';

const RUNS = 50;
const ALLOWED_GROWTH_MB = 60;
const MB = 1024 * 1024;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

describe('scheduler memory', () => {
  let standins: Standins;
  let database: TestDatabase;

  beforeAll(async () => {
    standins = await startStandins({ packages: false });
    database = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await standins.close();
    await database.drop();
  });

  it(`stays flat over ${RUNS} consecutive runs in one process (embedded database)`, async () => {
    let scheduler: CliChild | undefined;
    try {
      scheduler = spawnCli(['schedule', '--cron', '* * * * * *', '--no-serve'], standins.env(database));
      const finished = () => scheduler!.lines.filter(runFinished);
      await scheduler.waitFor(() => finished().length >= RUNS, 230_000);
      const runs = finished().slice(0, RUNS);
      expect(runs.every((run) => run.status === 'succeeded')).toBe(true);

      const rss = runs.map((run) => (run.rssBytes as number) / MB);
      const warm = median(rss.slice(10, 20));
      const last = median(rss.slice(-10));
      console.info(
        `RSS over ${RUNS} runs (MB): first ${rss[0]!.toFixed(0)}, runs 10–20 median ${warm.toFixed(0)}, last 10 median ${last.toFixed(0)}, ` +
          `max ${Math.max(...rss).toFixed(0)}; mean run ${(runs.reduce((n, run) => n + (run.durationMs as number), 0) / RUNS).toFixed(0)} ms`,
      );
      expect(last - warm).toBeLessThan(ALLOWED_GROWTH_MB);
      const { code } = await (scheduler.child.kill('SIGTERM'), scheduler.exited);
      expect(code).toBe(0);
    } finally {
      scheduler?.child.kill('SIGKILL');
    }
  }, 240_000);
});
