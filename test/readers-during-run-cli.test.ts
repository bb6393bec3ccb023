/**
 * Readers during a one-off run (issue 24, item 6), through the built CLI on both drivers: while a
 * `refresh` holds the embedded database it serves it read-only, as the scheduler does, and `runs`,
 * `report` and `sql` read through that server instead of exiting 75; `db serve` is told where to read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { spawnCli, stage, startStandins, type Standins } from './support/jobs.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const LONG = 180_000;

describe.each(DRIVERS)('readers during a one-off refresh on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let standins: Standins;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    if (skip) return;
    standins = await startStandins({ packages: false });
    database = await createTestDatabase(driver);
    env = standins.env(database, { LOG_LEVEL: 'warn', STACKRADAR_NOW: '2026-12-01T06:00:00Z' });
    // A first run, so the readers have something to read.
    expect((await runCli(['refresh'], { env })).code).toBe(0);
  }, LONG);
  afterAll(async () => {
    if (skip) return;
    await standins.close();
    await database.drop();
  });

  it.skipIf(skip)(
    'runs, report and sql answer while the run holds the database',
    async () => {
      // A slow article keeps the run fetching for a while.
      const article = standins.articles.pages.get('/article.html');
      standins.articles.pages.set('/article.html', { ...article, delayMs: 10_000 });
      const run = spawnCli(['refresh'], { ...env, LOG_LEVEL: 'info', STACKRADAR_FETCH_TIMEOUT: '30', STACKRADAR_NOW: '2026-12-02T06:00:00Z' });
      try {
        await run.waitFor(stage('fetching'));
        const runs = await runCli(['runs', '--format', 'json'], { env });
        expect(runs.code, runs.stderr).toBe(0);
        expect((JSON.parse(runs.stdout) as { status: string }[]).map((row) => row.status)).toEqual(['running', 'succeeded']);
        const report = await runCli(['report', '--format', 'json'], { env });
        expect(report.code, report.stderr).toBe(0);
        expect(JSON.parse(report.stdout)).toHaveLength(8);
        const sql = await runCli(['sql', 'select count(*) as n from article_versions', '--format', 'json'], { env });
        expect(sql.code, sql.stderr).toBe(0);
        expect(JSON.parse(sql.stdout)).toEqual([{ n: 1 }]);
        if (driver === 'pglite') {
          const serve = await runCli(['db', 'serve', '--port', '0'], { env, timeoutMs: 20_000 });
          expect(serve.code).toBe(75);
          expect(serve.stderr).toMatch(/in use by process \d+ \(stackradar refresh, serving it read-only on 127\.0\.0\.1:\d+: read it with psql/);
        }
        expect(run.lines.some((line) => line.stage === 'parsing')).toBe(false);
      } finally {
        standins.articles.pages.set('/article.html', { ...article });
      }
      expect((await run.exited).code, run.stderr()).toBe(0);
    },
    LONG,
  );
});
