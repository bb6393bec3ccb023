/**
 * A database made before the package registries (migrations up to 0008) with a history in it: the next
 * command migrates it without losing a row, the views keep every figure and gain the package columns
 * (null: nothing was fetched yet), and the new tables start empty, on PGlite and on PostgreSQL.
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
/** The last migration before the package tables and columns. */
const PREVIOUS = '0008_sources_backfill_and_views';

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

const SEED = `
insert into runs (id, trigger, command, status, run_at, pid, host) values
  (1, 'test', 'refresh', 'succeeded', '2026-11-01T06:00:00Z', 1, 'h'),
  (2, 'test', 'refresh', 'partial', '2026-11-02T06:00:00Z', 1, 'h');
insert into repositories (id, full_name) values (1, 'expressjs/express'), (2, 'django/django');
insert into frameworks (id, slug, name, language, repo_id, docs_url) values
  (1, 'express', 'Express', 'JavaScript', 1, 'https://expressjs.com'),
  (2, 'django', 'Django', 'Python', 2, 'https://docs.djangoproject.com');
insert into releases (id, framework_id, tag, source, is_prerelease, published_at) values
  (1, 1, 'v5.1.0', 'releases', false, '2025-03-31T00:00:00Z'),
  (2, 2, '5.2.8', 'tags', false, '2025-11-05T00:00:00Z');
insert into snapshots (run_id, framework_id, captured_at, repo_id, stars, cadence_source, latest_release_id, latest_version_id, docs_status) values
  (1, 1, '2026-11-01T06:00:00Z', 1, 66000, 'releases', 1, 1, 200),
  (2, 1, '2026-11-02T06:00:00Z', 1, 66010, 'releases', 1, 1, 200),
  (1, 2, '2026-11-01T06:00:00Z', 2, 84000, 'tags', 2, 2, 200),
  (2, 2, '2026-11-02T06:00:00Z', 2, 84020, 'tags', 2, 2, 200);
insert into sources (url, added_at) values ('https://example.com/top', '2026-11-01T06:00:00Z');
select setval('runs_id_seq', 2);
select setval('frameworks_id_seq', 2);
select setval('releases_id_seq', 2);
select setval('repositories_id_seq', 2);
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

describe.each(DRIVERS)('an existing %s database gets the package registries', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;
  const sql = async (query: string) => {
    const result = await runCli(['sql', query, '--format', 'json'], { env });
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

  it.skipIf(skip)('db migrate applies the package migrations and keeps every row', async () => {
    const migrated = await runCli(['db', 'migrate'], { env });
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(`${migrated.stdout}${migrated.stderr}`).toMatch(/0009_package_registries[\s\S]*0010_package_views/);
    const [counts] = await sql(
      'select (select count(*) from runs) as runs, (select count(*) from snapshots) as snapshots, (select count(*) from frameworks) as frameworks, ' +
        '(select count(*) from releases) as releases, (select count(*) from sources) as sources, (select count(*) from package_snapshots) as package_snapshots, ' +
        '(select count(*) from package_downloads) as package_downloads, (select count(*) from download_trends) as download_trends',
    );
    expect(counts).toEqual({ runs: 2, snapshots: 4, frameworks: 2, releases: 2, sources: 1, package_snapshots: 0, package_downloads: 0, download_trends: 0 });
  });

  it.skipIf(skip)('the views keep their figures and show the package columns as null', async () => {
    const rows = await sql('select * from framework_latest order by slug');
    expect(rows).toEqual([
      expect.objectContaining({ slug: 'django', repo: 'django/django', stars: 84020, latest_version: '5.2.8', docs_status: 200 }),
      expect.objectContaining({ slug: 'express', repo: 'expressjs/express', stars: 66010, latest_version: 'v5.1.0', docs_status: 200 }),
    ]);
    const packageColumns = ['package_registry', 'package_name', 'package_version', 'package_version_at', 'downloads_last_day', 'downloads_last_week', 'downloads_last_month', 'downloads_total', 'package_error'];
    for (const row of rows) for (const column of packageColumns) expect(row[column], column).toBeNull();
    const history = await sql('select run_id, slug, stars from framework_history order by slug, run_id');
    expect(history).toEqual([
      { run_id: 1, slug: 'django', stars: 84000 },
      { run_id: 2, slug: 'django', stars: 84020 },
      { run_id: 1, slug: 'express', stars: 66000 },
      { run_id: 2, slug: 'express', stars: 66010 },
    ]);
  });
});
