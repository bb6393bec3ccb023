/**
 * What a new user reads: `db migrate` names the migrations it applied, `enrich` on an empty database
 * says to ingest first and prints no empty table, and a bad `--source` is blamed on the flag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

describe.each(DRIVERS)('CLI messages on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase(driver);
    env = { DATABASE_URL: database.databaseUrl, STACKRADAR_DATA_DIR: database.dataDir, GITHUB_API_URL: 'http://127.0.0.1:9' };
  });
  afterAll(async () => {
    if (!skip) await database.drop();
  });

  it.skipIf(skip)('db migrate says which migrations it applied, then that none is pending', async () => {
    const first = await runCli(['db', 'migrate'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^db migrate: .*: applied \d+ migration\(s\): 0000_init, 0001_current_entries_view, .*0008_sources_backfill_and_views/m);
    const second = await runCli(['db', 'migrate'], { env });
    expect(second.stderr).toMatch(/^db migrate: .*: no pending migration: the schema is up to date$/m);
  });

  it.skipIf(skip)('enrich on an empty database fails with the hint to ingest first and prints nothing on stdout', async () => {
    for (const format of ['table', 'csv', 'md', 'json']) {
      const result = await runCli(['enrich', '--format', format], { env });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout, format).toBe('');
      expect(result.stderr).toContain('ingest an article first (stackradar ingest --source URL)');
    }
  });

  it.skipIf(skip)('a bad --source is blamed on the flag, not on STACKRADAR_SOURCE_URL', async () => {
    const result = await runCli(['refresh', '--source', 'not-a-url'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('stackradar: invalid --source: expected an http(s) URL\n');
  });
});
