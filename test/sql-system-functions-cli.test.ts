/** `stackradar sql` refuses file, process and settings functions on both drivers; on a server it reads as a read-only role. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

describe.each(DRIVERS)('stackradar sql and system functions on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;
  const sql = (query: string) => runCli(['sql', query, '--format', 'json'], { env });

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase(driver);
    env = { DATABASE_URL: database.databaseUrl, STACKRADAR_DATA_DIR: database.dataDir };
  });
  afterAll(async () => {
    if (!skip) await database.drop();
  });

  it.skipIf(skip).each([
    ["select pg_read_file('/etc/hostname')", 'pg_read_file'],
    ["select pg_read_binary_file('/etc/hostname')", 'pg_read_binary_file'],
    ["select * from pg_ls_dir('.')", 'pg_ls_dir'],
    ["select pg_stat_file('/etc/hostname')", 'pg_stat_file'],
    ["select lo_import('/etc/hostname')", 'lo_import'],
    ["select lo_export(1, '/tmp/x')", 'lo_export'],
    ["select set_config('statement_timeout', '1', false)", 'set_config'],
    ['select pg_reload_conf()', 'pg_reload_conf'],
    ['select pg_terminate_backend(pg_backend_pid())', 'pg_terminate_backend'],
    ['select pg_cancel_backend(1)', 'pg_cancel_backend'],
    ["select dblink('dbname=x', 'select 1')", 'dblink'],
    ['select "pg_read_file"(\'/etc/hostname\')', 'pg_read_file'],
    ['select pg_catalog.PG_LS_DIR(\'/\')', 'pg_ls_dir'],
  ])('refuses %s with exit 2', async (query, name) => {
    const result = await sql(query);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^stackradar: sql: ${name}\\(\\) is not allowed`, 'm'));
  });

  it.skipIf(skip)('still answers reads that only mention such a name, and pg_sleep', async () => {
    const result = await sql("select 'pg_read_file' as name, pg_sleep(0)::text as slept -- pg_ls_dir()");
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([{ name: 'pg_read_file', slept: '' }]);
  });

  it.skipIf(skip || driver === 'pglite')('runs the statement as a role that may only read', async () => {
    const who = await sql('select current_user as who');
    expect(who.code, who.stderr).toBe(0);
    expect(JSON.parse(who.stdout)).toEqual([{ who: 'stackradar_reader' }]);
    // A view over a superuser-only function: no name to refuse, but the role may not call it.
    const hba = await sql('select count(*) from pg_hba_file_rules');
    expect(hba.code).toBe(2);
    expect(hba.stderr).toMatch(/permission denied/);
    // The data itself stays readable.
    const runs = await sql('select count(*)::int as n from runs');
    expect(JSON.parse(runs.stdout)).toEqual([{ n: 0 }]);
  });
});
