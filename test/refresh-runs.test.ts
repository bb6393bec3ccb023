/**
 * Whole refresh runs through the real CLI against the stand-ins: progress and summary, `runs` in every
 * format, a run killed midway, two refreshes at once, and transient GitHub faults.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lockFileFor } from '../src/store/pglite-lock.js';
import { runCli } from './support/cli.js';
import { spawnCli, sqlRows, stage, startStandins, type Standins } from './support/jobs.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const LONG = 120_000;

interface RunRow {
  id: number;
  trigger: string;
  command: string;
  status: string;
  duration: number | null;
  sources: number | null;
  stored: number | null;
  failed: number | null;
  error: string | null;
}

const logLines = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe.each(DRIVERS)('refresh runs on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let standins: Standins;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;
  const runs = async () => JSON.parse((await runCli(['runs', '--format', 'json'], { env })).stdout) as RunRow[];

  beforeAll(async () => {
    if (skip) return;
    standins = await startStandins();
    database = await createTestDatabase(driver);
    env = standins.env(database);
  });
  afterAll(async () => {
    if (skip) return;
    await standins.close();
    await database.drop();
  });
  beforeEach(() => {
    if (!skip) standins.github.setFaults({});
  });

  it.skipIf(skip)('stores a complete snapshot, logs one line per stage, and `runs` lists the run in every format', async () => {
    const result = await runCli(['refresh', '--format', 'json'], { env, timeoutMs: LONG });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(8);
    expect(logLines(result.stderr).flatMap((line) => (line.stage ? [line.stage] : []))).toEqual(['fetching', 'parsing', 'enriching', 'storing', 'registries', 'storing']);
    expect(result.stderr).toMatch(/enrich: stored 8 snapshot\(s\) \(laravel, cakephp, .*spring-boot\), 0 failed/);
    expect(result.stderr).toMatch(/refresh: run \d+ succeeded/);

    const [latest] = await runs();
    expect(latest).toMatchObject({ trigger: 'cli', command: 'refresh', status: 'succeeded', sources: 1, stored: 8, failed: 0, error: null });
    expect(latest!.duration).toBeGreaterThan(0);
    for (const format of ['table', 'csv', 'md']) {
      const printed = await runCli(['runs', '--limit', '1', '--format', format], { env });
      expect(printed.code).toBe(0);
      expect(printed.stdout).toMatch(/duration/);
      expect(printed.stdout).toMatch(/succeeded/);
    }
    const bad = await runCli(['runs', '--limit', '0'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--limit must be a positive whole number/);
  }, LONG);

  it.skipIf(skip)('a run killed midway leaves nothing visible; the next run succeeds and marks it abandoned', async () => {
    const previous = (await runs())[0]?.id ?? 0;
    standins.github.setFaults({ latencyMs: 4_000 });
    const victim = spawnCli(['refresh'], env);
    await victim.waitFor(stage('enriching'));
    if (driver === 'postgres') {
      expect(await sqlRows(`select status, pid from runs order by id desc limit 1`, env)).toEqual([{ status: 'running', pid: victim.child.pid }]);
    }
    victim.child.kill('SIGKILL');
    await victim.exited;
    standins.github.setFaults({});
    if (driver === 'pglite') {
      // The killed process's lock file stays behind, naming a dead process (and the port it served on).
      expect(readFileSync(lockFileFor(database.dataDir), 'utf8').split('\n')[0]).toBe(String(victim.child.pid));
    }

    const next = await runCli(['refresh'], { env, timeoutMs: LONG });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/marked run\(s\) \d+ abandoned/);
    const after = await runs();
    const killed = after.find((run) => run.status === 'abandoned')!;
    // Ids are not consecutive: after a crash PostgreSQL skips the sequence values it had logged ahead.
    expect(killed.id).toBeGreaterThan(previous);
    const good = after[0]!;
    expect(good.id).toBeGreaterThan(killed.id);
    expect(good).toMatchObject({ status: 'succeeded', stored: 8 });
    expect(await sqlRows(`select count(*) as n from framework_history where run_id = ${killed.id}`, env)).toEqual([{ n: 0 }]);
    expect(await sqlRows(`select distinct run_id from framework_history where run_id > ${previous}`, env)).toEqual([{ run_id: good.id }]);
    expect(await sqlRows(`select count(*) as n from snapshots where run_id = ${killed.id}`, env)).toEqual([{ n: 0 }]);
    const latest = `select count(*) as n from framework_latest l join framework_history h using (slug, captured_at) where h.run_id = ${good.id}`;
    expect(await sqlRows(latest, env)).toEqual([{ n: 8 }]);
    if (driver === 'pglite') expect(existsSync(lockFileFor(database.dataDir))).toBe(false);
  }, LONG);

  it.skipIf(skip)('a second refresh while one runs exits 75 at once, naming what holds the database', async () => {
    standins.github.setFaults({ latencyMs: 3_000 });
    const first = spawnCli(['refresh'], env);
    await first.waitFor(stage('enriching'));
    const started = Date.now();
    const second = await runCli(['refresh'], { env });
    expect(second.code, second.stderr).toBe(75);
    expect(Date.now() - started).toBeLessThan(15_000);
    if (driver === 'postgres') {
      const [running] = await sqlRows<{ id: number }>(`select id from runs where status = 'running'`, env);
      expect(second.stderr).toContain(`refresh: run ${running!.id} (refresh, pid ${first.child.pid} on `);
      expect(second.stderr).toMatch(/is in progress on .*; try again when it has finished/);
    } else {
      expect(second.stderr).toContain(`is in use by process ${first.child.pid}`);
    }
    expect((await first.exited).code, first.stderr()).toBe(0);
    const [latest] = await runs();
    expect(latest).toMatchObject({ status: 'succeeded', stored: 8 });
  }, LONG);

  it.skipIf(skip)('rides out transient GitHub server errors (REST, no token)', async () => {
    standins.github.resetLog();
    standins.github.setFaults({ serverErrors: { count: 2 } });
    const result = await runCli(['refresh', '--format', 'json'], { env: { ...env, GITHUB_TOKEN: undefined }, timeoutMs: LONG });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(8);
    expect(standins.github.requests.filter((request) => request.status === 502)).toHaveLength(2);
    expect(standins.github.requests.every((request) => !request.authenticated)).toBe(true);
    const [latest] = await runs();
    expect(latest).toMatchObject({ status: 'succeeded', stored: 8, failed: 0, error: null });
  }, LONG);
});
