import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from './support/cli.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

describe.each(DRIVERS)('stackradar sql on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase(driver);
    env = { DATABASE_URL: database.databaseUrl, STACKRADAR_DATA_DIR: database.dataDir };
  });
  afterAll(async () => {
    if (!skip) await database.drop();
  });

  it.skipIf(skip)('prints one JSON array on stdout and nothing else', async () => {
    const result = await runCli(['sql', 'select 1 as x', '--format', 'json'], { env });
    expect(result).toMatchObject({ code: 0, stdout: '[{"x":1}]\n' });
  });

  it.skipIf(skip)('prints a large result whole through a pipe before it exits', async () => {
    const result = await runCli(['sql', "select g as n, repeat('x', 1000) as pad from generate_series(1, 3000) g", '--format', 'json'], { env });
    expect(result.code, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout) as { n: number }[];
    expect(rows).toHaveLength(3000);
    expect(rows.at(-1)?.n).toBe(3000);
  });

  it.skipIf(skip)('prints csv and md with a header even without rows', async () => {
    const csv = await runCli(['sql', 'select id, status from runs', '--format', 'csv'], { env });
    expect(csv.stdout).toBe('id,status\r\n');
    const md = await runCli(['sql', "select 'a|b' as v, null as n", '--format', 'md'], { env });
    expect(md.stdout).toBe('| v | n |\n| --- | --- |\n| a\\|b |  |\n');
  });

  it.skipIf(skip)('refuses writes, DDL and several statements with exit 2, changing nothing', async () => {
    await runCli(['sql', 'select 1'], { env });
    const before = await runCli(['sql', 'select count(*) as n from runs', '--format', 'json'], { env });
    for (const query of ['delete from runs', 'drop table runs', 'select 1; drop table runs', 'with d as (delete from runs returning 1) select * from d']) {
      const result = await runCli(['sql', query], { env });
      expect(result.code, query).toBe(2);
      expect(result.stdout, query).toBe('');
      expect(result.stderr.trim().split('\n'), query).toHaveLength(1);
      expect(result.stderr, query).toMatch(/^stackradar: sql: /);
    }
    const tables = await runCli(['sql', "select count(*) as n from information_schema.tables where table_name = 'runs'", '--format', 'json'], { env });
    expect(tables.stdout).toBe('[{"n":1}]\n');
    const after = await runCli(['sql', 'select count(*) as n from runs', '--format', 'json'], { env });
    expect(after.stdout).toBe(before.stdout);
  });

  it.skipIf(skip)('reports a bad query in one line with exit 2', async () => {
    const result = await runCli(['sql', 'select nosuch from runs'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('stackradar: sql: column "nosuch" does not exist\n');
  });
});

describe('the embedded database is single-process', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(async () => database.drop());

  it('fails the second process fast with exit 75 naming the holder, and leaves the first unharmed', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, STACKRADAR_DATA_DIR: database.dataDir, LOG_LEVEL: "warn" };
    delete env.DATABASE_URL;
    const first = spawn(process.execPath, [CLI, 'sql', 'select pg_sleep(3) is null as slept, 42 as answer', '--format', 'json'], { env });
    let firstOut = '';
    first.stdout.on('data', (chunk) => (firstOut += chunk));
    const firstDone = new Promise<number | null>((resolve) => first.on('close', resolve));
    // Wait until the first process holds the lock (its lock file exists).
    const { existsSync } = await import('node:fs');
    const { lockFileFor } = await import('../src/store/pglite-lock.js');
    while (!existsSync(lockFileFor(database.dataDir))) await new Promise((r) => setTimeout(r, 20));

    const second = await runCli(['sql', 'select 1'], { env: { STACKRADAR_DATA_DIR: database.dataDir } });
    expect(second.code).toBe(75);
    expect(second.stderr).toContain(`in use by process ${first.pid}`);
    expect(second.stderr).toMatch(/DATABASE_URL/);
    // Fast: it gave up while the first still held the lock, rather than waiting for it.
    expect(first.exitCode).toBeNull();

    expect(await firstDone).toBe(0);
    expect(firstOut).toBe('[{"slept":false,"answer":42}]\n');
  });
});

describe('command line', () => {
  it('exits 2 on an unknown command', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('exits 2 with a one-line message naming a bad variable', async () => {
    const result = await runCli(['sql', 'select 1'], { env: { STACKRADAR_TZ: 'Nowhere/Never' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('stackradar: invalid STACKRADAR_TZ: expected an IANA time zone such as UTC or Europe/Berlin\n');
  });

  it('lists every documented command in --help', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['refresh', 'ingest', 'enrich', 'report', 'history', 'diff', 'sql', 'runs', 'schedule', 'db']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });

  it('never prints the password of a database URL', async () => {
    const result = await runCli(['sql', 'select 1'], { env: { DATABASE_URL: 'postgres://u:hunter2@127.0.0.1:1/x' } });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('hunter2');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
