/**
 * A database made before parse confidence (migrations up to 0010) with article history in it: the next
 * command migrates it without losing a row; old versions have no structure or confidence (null), old
 * entries no aliases ([]), sources no pin; current_entries keeps its rows and gains `aliases`; and the
 * next ingest stores the new columns. On PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, startArticleServer, type ArticleServer } from './support/article-server.js';
import { runCli } from './support/cli.js';
import { seedAtMigration } from './support/previous-migrations.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

/** The last migration before the parse-confidence columns. */
const PREVIOUS = '0010_package_views';
const SOURCE = 'https://example.com/top';

const SEED = `
insert into runs (id, trigger, command, status, run_at, pid, host) values
  (1, 'test', 'ingest', 'succeeded', '2026-11-01T06:00:00Z', 1, 'h'),
  (2, 'test', 'ingest', 'succeeded', '2026-11-02T06:00:00Z', 1, 'h');
insert into article_versions (id, source_url, content_hash, title, first_seen_at, last_seen_at, entry_count, run_id) values
  (1, '${SOURCE}', 'h1', 'Top 2 Backend Frameworks', '2026-11-01T06:00:00Z', '2026-11-01T06:00:00Z', 2, 1),
  (2, '${SOURCE}', 'h2', 'Top 2 Backend Frameworks', '2026-11-02T06:00:00Z', '2026-11-02T06:00:00Z', 2, 2);
insert into article_entries (article_version_id, position, framework, slug, language, description, pros, cons, notable_users, links) values
  (1, 1, 'Django', 'django', 'Python', 'A web framework.', '["Fast"]', '[]', '[]', '[]'),
  (1, 2, 'Flask', 'flask', 'Python', 'A micro framework.', '[]', '[]', '[]', '[]'),
  (2, 1, 'Django', 'django', 'Python', 'A web framework.', '["Fast", "Secure"]', '["Monolithic"]', '["Instagram"]', '[]'),
  (2, 2, 'Flask', 'flask', 'Python', 'A micro framework.', '[]', '[]', '[]', '[{"text": "Flask", "url": "https://flask.palletsprojects.com"}]');
insert into sources (url, added_at, last_fetched_at, last_outcome) values
  ('${SOURCE}', '2026-11-01T06:00:00Z', '2026-11-02T06:00:00Z', 'new-version');
select setval('runs_id_seq', 2);
select setval('article_versions_id_seq', 2);
`;

describe.each(DRIVERS)('an existing %s database gets the parse-confidence columns', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let database: TestDatabase;
  let server: ArticleServer;
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
    server = await startArticleServer();
    server.pages.set('/article.html', { body: fixture('numbered-h2.html') });
    env = { DATABASE_URL: database.databaseUrl, STACKRADAR_DATA_DIR: database.dataDir, STACKRADAR_SOURCE_URL: SOURCE, STACKRADAR_FETCH_RETRIES: '0' };
  });
  afterAll(async () => {
    if (skip) return;
    await server.close();
    await database.drop();
  });

  it.skipIf(skip)('db migrate applies 0011 and 0012 and keeps every row', async () => {
    const migrated = await runCli(['db', 'migrate'], { env });
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stderr).toMatch(/applied \d+ migration\(s\): 0011_parse_confidence, 0012_current_entries_aliases\b/);
    const [counts] = await sql(
      'select (select count(*) from runs) as runs, (select count(*) from article_versions) as versions, ' +
        '(select count(*) from article_entries) as entries, (select count(*) from sources) as sources',
    );
    expect(counts).toEqual({ runs: 2, versions: 2, entries: 4, sources: 1 });
  });

  it.skipIf(skip)('old rows read as before, with null structure and confidence, no aliases and no pin', async () => {
    expect(await sql('select id, content_hash, entry_count, structure, confidence, confidence_reasons from article_versions order by id')).toEqual([
      { id: 1, content_hash: 'h1', entry_count: 2, structure: null, confidence: null, confidence_reasons: null },
      { id: 2, content_hash: 'h2', entry_count: 2, structure: null, confidence: null, confidence_reasons: null },
    ]);
    expect(await sql('select article_version_id, position, framework, pros, cons, notable_users, links, aliases from current_entries order by position')).toEqual([
      { article_version_id: 2, position: 1, framework: 'Django', pros: ['Fast', 'Secure'], cons: ['Monolithic'], notable_users: ['Instagram'], links: [], aliases: [] },
      { article_version_id: 2, position: 2, framework: 'Flask', pros: [], cons: [], notable_users: [], links: [{ text: 'Flask', url: 'https://flask.palletsprojects.com' }], aliases: [] },
    ]);
    const sources = await runCli(['sources', '--format', 'json'], { env });
    expect(JSON.parse(sources.stdout)).toEqual([expect.objectContaining({ url: SOURCE, current_version: 2, entries: 2, last_outcome: 'new-version', pin: null })]);
  });

  it.skipIf(skip)('the next ingest stores a version with its structure and confidence', async () => {
    const url = `${server.url}/article.html`;
    const ingested = await runCli(['ingest', '--source', url], { env });
    expect(ingested.code, ingested.stderr).toBe(0);
    const [version] = await sql(`select structure, confidence, confidence_reasons from article_versions where source_url = '${url}'`);
    expect(version?.structure).toMatchObject({ kind: expect.stringMatching(/^(headings|list|table)$/), count: 8 });
    expect(version?.confidence).toEqual(expect.any(Number));
    expect(version?.confidence_reasons).toEqual(expect.any(Array));
  });
});
