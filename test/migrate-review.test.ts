/**
 * A database made before review (migrations up to 0014) with history in it: the next command applies
 * 0015 without losing a row; old snapshots have null review columns, there are no findings yet, and
 * `review` says so without failing. On PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { seedAtMigration } from './support/previous-migrations.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const PREVIOUS = '0014_events_webhooks';
const SOURCE = 'https://example.com/top';

const SEED = `
insert into runs (id, trigger, command, status, run_at, pid, host) values
  (1, 'test', 'refresh', 'succeeded', '2026-11-01T06:00:00Z', 1, 'h'),
  (2, 'test', 'refresh', 'partial', '2026-11-02T06:00:00Z', 1, 'h');
insert into repositories (id, full_name) values (1, 'expressjs/express'), (2, 'django/django');
insert into frameworks (id, slug, name, language, repo_id, docs_url) values
  (1, 'express', 'Express', 'JavaScript', 1, 'https://expressjs.com'),
  (2, 'django', 'Django', 'Python', 2, 'https://docs.djangoproject.com');
insert into snapshots (run_id, framework_id, captured_at, repo_id, stars, archived, docs_status, docs_checked_at) values
  (1, 1, '2026-11-01T06:00:00Z', 1, 66000, false, 200, '2026-11-01T06:00:00Z'),
  (2, 1, '2026-11-02T06:00:00Z', 1, 66010, false, 200, '2026-11-01T06:00:00Z'),
  (1, 2, '2026-11-01T06:00:00Z', 2, 84000, true, 404, '2026-11-01T06:00:00Z'),
  (2, 2, '2026-11-02T06:00:00Z', 2, 84020, true, 404, '2026-11-02T06:00:00Z');
insert into article_versions (id, source_url, content_hash, title, first_seen_at, last_seen_at, entry_count, run_id) values
  (1, '${SOURCE}', 'h1', 'Top 2 Backend Frameworks in 2021', '2026-11-01T06:00:00Z', '2026-11-02T06:00:00Z', 2, 1);
insert into article_entries (article_version_id, position, framework, slug, language, description, pros, cons, notable_users, links) values
  (1, 1, 'Django', 'django', 'Python', 'Django 3.2 is a web framework.', '[]', '[]', '[]', '[]'),
  (1, 2, 'Express', 'express', 'JavaScript', 'A minimal framework.', '[]', '[]', '[]', '[]');
insert into sources (url, added_at) values ('${SOURCE}', '2026-11-01T06:00:00Z');
select setval('runs_id_seq', 2);
select setval('frameworks_id_seq', 2);
select setval('repositories_id_seq', 2);
select setval('article_versions_id_seq', 1);
`;

describe.each(DRIVERS)('an existing %s database gets the review columns', (driver) => {
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
    await seedAtMigration(database, PREVIOUS, SEED);
    env = { DATABASE_URL: database.databaseUrl, STACKRADAR_DATA_DIR: database.dataDir, STACKRADAR_SOURCE_URL: SOURCE };
  });
  afterAll(async () => {
    if (skip) return;
    await database.drop();
  });

  it.skipIf(skip)('db migrate applies 0015 and keeps every row, with null review columns', async () => {
    const migrated = await runCli(['db', 'migrate'], { env });
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stderr).toMatch(/applied \d+ migration\(s\): 0015_review_findings\b/);
    expect(await sql('select run_id, slug, stars, archived, docs_status from framework_history order by slug, run_id')).toEqual([
      { run_id: 1, slug: 'django', stars: 84000, archived: true, docs_status: 404 },
      { run_id: 2, slug: 'django', stars: 84020, archived: true, docs_status: 404 },
      { run_id: 1, slug: 'express', stars: 66000, archived: false, docs_status: 200 },
      { run_id: 2, slug: 'express', stars: 66010, archived: false, docs_status: 200 },
    ]);
    expect(await sql(
      'select count(*)::int as n from snapshots where last_commit_at is null and repo_database_id is null and repo_seen_as is null and repo_state is null ' +
        'and docs_first_status is null and docs_moved_to is null and package_deprecated is null and package_replacement is null',
    )).toEqual([{ n: 4 }]);
  });

  it.skipIf(skip)('there are no findings until the next refresh, and review says so', async () => {
    expect(await sql('select * from review_findings')).toEqual([]);
    const review = await runCli(['review', '--format', 'json', '--fail-on', 'high'], { env });
    expect(review.code, review.stderr).toBe(0);
    expect(JSON.parse(review.stdout)).toEqual([]);
    expect(review.stderr).toMatch(/no findings \(run `stackradar refresh`/);
  });
});
