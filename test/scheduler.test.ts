/**
 * `stackradar schedule` as a child process against the stand-ins: seconds-level crons fire on time, the
 * embedded database is readable while the scheduler owns it, SIGTERM ends cleanly (a run in progress
 * finishes, or is marked failed when the grace runs out), and replicas on PostgreSQL run each slot once.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockFileFor } from '../src/store/pglite-lock.js';
import { runCli } from './support/cli.js';
import { runFinished, spawnCli, sqlRows, stage, startStandins, type CliChild, type LogLine, type Standins } from './support/jobs.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const LONG = 120_000;
const started = (line: LogLine) => typeof line.msg === 'string' && line.msg.startsWith('scheduler started');
const stopped = (line: LogLine) => typeof line.msg === 'string' && line.msg.startsWith('scheduler stopped');
/** The first line matching `match` after the first `skip` lines. */
const after = (scheduler: CliChild, skip: number, match: (line: LogLine) => boolean) => (line: LogLine) =>
  scheduler.lines.indexOf(line) >= skip && match(line);
const count = (scheduler: CliChild, match: (line: LogLine) => boolean, n: number) => () => scheduler.lines.filter(match).length >= n;

async function terminate(scheduler: CliChild): Promise<{ code: number | null; ms: number }> {
  const t0 = Date.now();
  scheduler.child.kill('SIGTERM');
  const { code } = await scheduler.exited;
  return { code, ms: Date.now() - t0 };
}

describe('schedule usage', () => {
  it('rejects a bad cron expression in one line with exit 2, before opening the database', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stackradar-cron-'));
    try {
      const env = { STACKRADAR_DATA_DIR: path.join(dir, 'data') };
      const flag = await runCli(['schedule', '--cron', '61 * * * *'], { env });
      expect(flag.code).toBe(2);
      expect(flag.stderr).toBe('stackradar: invalid --cron: "61 * * * *" is not a cron expression: minute: 61 is a invalid expression for minute\n');
      const variable = await runCli(['schedule'], { env: { ...env, STACKRADAR_CRON: 'every day' } });
      expect(variable.code).toBe(2);
      expect(variable.stderr).toBe('stackradar: invalid STACKRADAR_CRON: "every day" is not a cron expression: expected 5 or 6 fields but got 2\n');
      expect(existsSync(path.join(dir, 'data'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(DRIVERS)('stackradar schedule on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let standins: Standins;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    if (skip) return;
    standins = await startStandins({ packages: false });
    database = await createTestDatabase(driver);
    env = standins.env(database);
  });
  afterAll(async () => {
    if (skip) return;
    await standins.close();
    await database.drop();
  });

  it.skipIf(skip)('fires a seconds-level cron on time, is readable while it runs, and lets a run finish on SIGTERM', async () => {
    standins.github.setFaults({});
    const scheduler = spawnCli(['schedule', '--cron', '*/2 * * * * *', '--port', '0', '--grace', '20'], env);
    try {
      await scheduler.waitFor(started);
      await scheduler.waitFor(count(scheduler, runFinished, 3), 60_000);
      const runs = scheduler.lines.filter(runFinished).slice(0, 3);
      expect(runs.map((run) => run.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);

      // While it runs, the embedded database is served on 127.0.0.1; a server is read directly.
      const served = scheduler.lines.find((line) => typeof line.port === 'number');
      expect(served === undefined).toBe(driver === 'postgres');
      const readEnv = served ? { ...env, DATABASE_URL: `postgres://postgres@127.0.0.1:${served.port}/postgres` } : env;
      const rows = await sqlRows<{ id: number; started_at: string }>(`select id, started_at from runs where trigger = 'schedule' order by id`, readEnv);
      for (const run of runs) {
        const slot = Date.parse(run.slot as string);
        expect(slot % 2_000).toBe(0);
        const startedAt = Date.parse(rows.find((row) => row.id === run.runId)!.started_at);
        expect(startedAt - slot).toBeGreaterThanOrEqual(0);
        expect(startedAt - slot).toBeLessThan(1_500);
      }
      const gaps = runs.slice(1).map((run, i) => Date.parse(run.slot as string) - Date.parse(runs[i]!.slot as string));
      // A slot that finds the previous run still going is skipped (noOverlap): gaps are whole slots.
      for (const gap of gaps) expect(gap % 2_000).toBe(0);
      expect(gaps).toContain(2_000);

      // SIGTERM while a run waits on a slow GitHub: the run finishes within the grace, then the process exits 0.
      standins.github.setFaults({ latencyMs: 3_000 });
      await scheduler.waitFor(after(scheduler, scheduler.lines.length, stage('enriching')), 30_000);
      const { code, ms } = await terminate(scheduler);
      expect(code, scheduler.stderr()).toBe(0);
      expect(ms).toBeLessThan(20_000);
      expect(scheduler.lines.find(stopped)).toMatchObject({ outcome: 'finished' });
      expect(scheduler.stdout()).toBe('');
      if (driver === 'pglite') expect(existsSync(lockFileFor(database.dataDir))).toBe(false);
      const [last] = await sqlRows(`select status from runs order by id desc limit 1`, env);
      expect(last).toEqual({ status: 'succeeded' });
      console.info(`[${driver}] SIGTERM during a run: exited ${code} after ${ms} ms (run finished)`);
    } finally {
      scheduler.child.kill('SIGKILL');
      standins.github.setFaults({});
    }
  }, LONG);

  it.skipIf(skip)('marks a run failed when it outlasts the grace, and the next run is not affected', async () => {
    standins.github.setFaults({ latencyMs: 15_000 });
    const scheduler = spawnCli(['schedule', '--cron', '0 0 1 1 *', '--run-now', '--port', '0', '--grace', '1'], env);
    try {
      await scheduler.waitFor(stage('enriching'), 60_000);
      const { code, ms } = await terminate(scheduler);
      expect(code, scheduler.stderr()).toBe(0);
      // The grace, then the run drops its requests and records itself failed: bounded, and no raw query error.
      expect(ms).toBeLessThan(6_000);
      expect(scheduler.stderr()).not.toMatch(/DrizzleQueryError|Failed query/);
      expect(scheduler.lines.find(stopped)).toMatchObject({ outcome: 'interrupted' });
      if (driver === 'pglite') expect(existsSync(lockFileFor(database.dataDir))).toBe(false);
      console.info(`[${driver}] SIGTERM with --grace 1 during a 15 s GitHub wait: exited ${code} after ${ms} ms (run marked failed)`);
    } finally {
      scheduler.child.kill('SIGKILL');
      standins.github.setFaults({});
    }
    const [interrupted] = await sqlRows<{ id: number; status: string; trigger: string; error: string }>(
      `select id, status, trigger, error from runs order by id desc limit 1`,
      env,
    );
    expect(interrupted).toMatchObject({ status: 'failed', trigger: 'schedule', error: 'interrupted: the scheduler was stopped (SIGTERM) before the run finished' });
    expect(await sqlRows(`select count(*) as n from framework_history where run_id = ${interrupted!.id}`, env)).toEqual([{ n: 0 }]);
    const next = await runCli(['refresh'], { env, timeoutMs: LONG });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).not.toMatch(/abandoned/);
  }, LONG);
});

describe.skipIf(skipPostgres)('two scheduler replicas on one PostgreSQL', () => {
  let standins: Standins;
  let database: TestDatabase;

  beforeAll(async () => {
    standins = await startStandins({ packages: false });
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await standins.close();
    await database.drop();
  });

  it('run each slot once', async () => {
    const env = standins.env(database);
    const replicas = [0, 1].map(() => spawnCli(['schedule', '--cron', '*/2 * * * * *'], env));
    try {
      await Promise.all(replicas.map((replica) => replica.waitFor(started)));
      const total = () => replicas.reduce((n, replica) => n + replica.lines.filter(runFinished).length, 0);
      await replicas[0]!.waitFor(() => total() >= 6, 60_000);
      for (const { code } of await Promise.all(replicas.map(terminate))) expect(code).toBe(0);
    } finally {
      for (const replica of replicas) replica.child.kill('SIGKILL');
    }
    const ran = replicas.map((replica) => replica.lines.filter(runFinished).map((line) => line.slot as string));
    const slots = ran.flat();
    expect(new Set(slots).size).toBe(slots.length);
    // Every slot one replica ran, the other skipped as claimed (unless it was still busy with its own run).
    const declined = replicas.map((replica) => new Set(replica.lines.filter((line) => /claimed by another replica/.test(line.msg ?? '')).map((line) => line.slot)));
    const busyOrDeclined = ran.flatMap((own, i) => own.filter((slot) => declined[1 - i]!.has(slot)));
    expect(busyOrDeclined.length).toBeGreaterThanOrEqual(slots.length / 2);

    const [runs] = await sqlRows<{ n: number; pids: number }>(`select count(*) as n, count(distinct pid) as pids from runs where trigger = 'schedule'`, env);
    expect(runs!.n).toBe(slots.length);
    const claims = await sqlRows<{ slot_key: string }>(`select slot_key from schedule_claims`, env);
    for (const slot of slots) expect(claims.map((claim) => claim.slot_key)).toContain(`stackradar-refresh:${slot}`);
    console.info(`replicas: ${slots.length} slots run (${ran[0]!.length} + ${ran[1]!.length}), ${claims.length} claims, ${runs!.pids} replica(s) ran, no slot twice`);
  }, LONG);
});
