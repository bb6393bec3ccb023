/**
 * What a new user reads: `db migrate` names the migrations it applied, `enrich` on an empty database
 * says to ingest first and prints no empty table, a bad value is blamed on the flag, the variable or
 * `.env` that gave it, in words, and an offline first run says that the network is the problem.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
  it.skipIf(skip)('names the variable and .env behind a bad value, in words rather than raw validation text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stackradar-dotenv-'));
    try {
      writeFileSync(path.join(dir, '.env'), 'STACKRADAR_CRON=every day\nSTACKRADAR_FETCH_TIMEOUT=abc\n');
      const cron = await runCli(['schedule'], { env: { ...env, STACKRADAR_FETCH_TIMEOUT: '10' }, cwd: dir });
      expect(cron.code).toBe(2);
      expect(cron.stderr).toBe('stackradar: invalid STACKRADAR_CRON (from .env): "every day" is not a cron expression: expected 5 or 6 fields but got 2\n');
      const timeout = await runCli(['runs'], { env, cwd: dir });
      expect(timeout.code).toBe(2);
      expect(timeout.stderr).toBe('stackradar: invalid STACKRADAR_FETCH_TIMEOUT (from .env): expected a whole number of seconds from 1 to 600\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const level = await runCli(['runs'], { env: { ...env, LOG_LEVEL: 'loud' } });
    expect(level.stderr).toBe('stackradar: invalid LOG_LEVEL: expected one of trace, debug, info, warn, error, fatal, silent\n');
    const maybe = await runCli(['runs'], { env: { ...env, STACKRADAR_ALLOW_PRIVATE_NETWORK: 'maybe' } });
    expect(maybe.stderr).toBe('stackradar: invalid STACKRADAR_ALLOW_PRIVATE_NETWORK: expected true or false (also 1/0, yes/no, on/off, in any case)\n');
    for (const value of ['TRUE', 'True', 'Off']) {
      const result = await runCli(['runs', '--format', 'json'], { env: { ...env, STACKRADAR_ALLOW_PRIVATE_NETWORK: value } });
      expect(result.code, `${value}: ${result.stderr}`).toBe(0);
    }
  });

  it.skipIf(skip)('an offline first run ends by naming the network problem, not "ingest an article first"', async () => {
    const source = 'http://127.0.0.1:9/article.html';
    const result = await runCli(['refresh'], { env: { ...env, STACKRADAR_SOURCE_URL: source, STACKRADAR_FETCH_RETRIES: '0' } });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('ingest an article first');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.at(-2)).toBe(`enrich: nothing to enrich: no source could be fetched (${source}: connection refused); check the network or the URL, then run again`);
    expect(lines.at(-1)).toMatch(new RegExp(`^refresh: run \\d+ failed: ${source.replace(/[.]/g, '\\.')}: connection refused; `));
  });
});
