/**
 * A database made before latest_version existed (migrations up to 0004) with snapshots in it: the next
 * command migrates it, and the stored history then shows latest_version / latest_version_at, filled from
 * the stored releases, on PGlite and on PostgreSQL.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const DRIZZLE = fileURLToPath(new URL('../drizzle/', import.meta.url));
/** The last migration before snapshots had latest_version. */
const PREVIOUS = '0004_snapshots_autovacuum';

/** A copy of drizzle/ that stops at PREVIOUS. */
function previousMigrations(): { folder: string; remove: () => void } {
  const folder = mkdtempSync(path.join(tmpdir(), 'stackradar-migrations-'));
  mkdirSync(path.join(folder, 'meta'));
  const journal = JSON.parse(readFileSync(path.join(DRIZZLE, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const upTo = journal.entries.findIndex((e) => e.tag === PREVIOUS);
  expect(upTo).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, upTo + 1);
  writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const { tag } of journal.entries) copyFileSync(path.join(DRIZZLE, `${tag}.sql`), path.join(folder, `${tag}.sql`));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * Alpha (Releases): two lines and a stored non-version name; Beta (tags, PEP 440 spellings, a Release
 * that its tag-based snapshots must not use); Gamma (Maven qualifiers); Delta: no release at all.
 * The releases the old code stored as stable include `2.3.x`: the migration must skip it.
 */
const SEED = `
insert into runs (id, trigger, command, status, run_at, pid, host) values
  (1, 'test', 'refresh', 'succeeded', '2025-03-15T06:00:00Z', 1, 'h'),
  (2, 'test', 'refresh', 'partial', '2025-05-01T06:00:00Z', 1, 'h'),
  (3, 'test', 'refresh', 'succeeded', '2025-07-01T06:00:00Z', 1, 'h');
insert into frameworks (id, slug, name) values (1, 'alpha', 'Alpha'), (2, 'beta', 'Beta'), (3, 'gamma', 'Gamma'), (4, 'delta', 'Delta');
insert into releases (id, framework_id, tag, source, is_prerelease, published_at) values
  (1, 1, 'v1.9.0', 'releases', false, '2025-01-01T00:00:00Z'),
  (2, 1, 'v2.0.9', 'releases', false, '2025-02-01T00:00:00Z'),
  (3, 1, 'v2.0.10', 'releases', false, '2025-03-01T00:00:00Z'),
  (4, 1, 'v1.9.1', 'releases', false, '2025-04-01T00:00:00Z'),
  (5, 1, 'v2.1.0-rc.1', 'releases', true, '2025-04-15T00:00:00Z'),
  (6, 1, '2.3.x', 'releases', false, '2025-04-20T00:00:00Z'),
  (7, 1, 'v3.0.0', 'releases', false, '2025-06-01T00:00:00Z'),
  (8, 2, '5.2', 'tags', false, '2024-12-01T00:00:00Z'),
  (9, 2, '5.2.1', 'tags', false, '2025-01-10T00:00:00Z'),
  (10, 2, '5.1.9', 'tags', false, '2025-02-01T00:00:00Z'),
  (11, 2, '6.0rc1', 'tags', true, '2025-02-20T00:00:00Z'),
  (12, 2, 'v9.0.0', 'releases', false, '2025-01-01T00:00:00Z'),
  (13, 3, 'v1.5.0.RELEASE', 'tags', false, '2025-01-01T00:00:00Z'),
  (14, 3, 'v1.10.0.RELEASE', 'tags', false, '2025-02-01T00:00:00Z'),
  (15, 3, 'v1.9.3.RELEASE', 'tags', false, '2025-03-01T00:00:00Z'),
  (16, 3, 'v2.0.0.M1', 'tags', true, '2025-03-05T00:00:00Z');
insert into snapshots (run_id, framework_id, captured_at, cadence_source, latest_release_id) values
  (1, 1, '2025-03-15T06:00:00Z', 'releases', 3),
  (2, 1, '2025-05-01T06:00:00Z', 'releases', 6),
  (3, 1, '2025-07-01T06:00:00Z', 'releases', 7),
  (1, 2, '2025-03-15T06:00:00Z', 'tags', 10),
  (1, 3, '2025-03-15T06:00:00Z', 'tags', 15),
  (1, 4, '2025-03-15T06:00:00Z', null, null);
select setval('runs_id_seq', 3);
select setval('frameworks_id_seq', 4);
select setval('releases_id_seq', 16);
`;

async function seedAtPrevious(database: TestDatabase, migrationsFolder: string): Promise<void> {
  if (database.driver === 'pglite') {
    const pglite = await PGlite.create(database.dataDir);
    await migratePglite(drizzlePglite(pglite), { migrationsFolder });
    await pglite.exec(SEED);
    await pglite.close();
    return;
  }
  const client = postgres(database.databaseUrl ?? '', { max: 1, onnotice: () => {} });
  await migratePostgres(drizzlePostgres(client), { migrationsFolder });
  await client.unsafe(SEED);
  await client.end({ timeout: 5 });
}

describe.each(DRIVERS)('an existing %s database gets latest_version', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;
  const json = async (...args: string[]) => {
    const result = await runCli([...args, '--format', 'json'], { env });
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown>[];
  };

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase(driver);
    const previous = previousMigrations();
    try {
      await seedAtPrevious(database, previous.folder);
    } finally {
      previous.remove();
    }
    env = { DATABASE_URL: database.databaseUrl, STACKRADAR_DATA_DIR: database.dataDir };
  });
  afterAll(async () => {
    if (!skip) await database.drop();
  });

  it.skipIf(skip)('history shows the highest stable version each snapshot could see', async () => {
    const rows = await json('history', 'alpha');
    expect(rows.map((r) => [r.latest_release, r.latest_version, r.latest_version_at])).toEqual([
      ['v2.0.10', 'v2.0.10', '2025-03-01T00:00:00.000Z'],
      // newest by date is the old line's v1.9.1 (and the stored 2.3.x, no version); v2.1.0-rc.1 is a prerelease
      ['2.3.x', 'v2.0.10', '2025-03-01T00:00:00.000Z'],
      ['v3.0.0', 'v3.0.0', '2025-06-01T00:00:00.000Z'],
    ]);
  });

  it.skipIf(skip)('from the snapshot\'s own source, with PEP 440 and Maven spellings; none without releases', async () => {
    const rows = await json('sql', 'select slug, latest_version, latest_version_at from framework_latest order by slug');
    expect(rows).toEqual([
      { slug: 'alpha', latest_version: 'v3.0.0', latest_version_at: '2025-06-01T00:00:00.000Z' },
      { slug: 'beta', latest_version: '5.2.1', latest_version_at: '2025-01-10T00:00:00.000Z' },
      { slug: 'delta', latest_version: null, latest_version_at: null },
      { slug: 'gamma', latest_version: 'v1.10.0.RELEASE', latest_version_at: '2025-02-01T00:00:00.000Z' },
    ]);
  });
});
