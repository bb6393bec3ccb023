import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startArticleServer, fixture, type ArticleServer } from './support/article-server.js';
import { runCli } from './support/cli.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const RENDITIONS = ['keycdn-original.html', 'numbered-h2.html', 'mixed-h4.html'];

const EXPECTED = [
  { framework: 'Laravel', slug: 'laravel', language: 'PHP', pros: 4, first: 'Simple and fast routing engine', users: [] },
  { framework: 'CakePHP', slug: 'cakephp', language: 'PHP', pros: 4, first: 'Allows you to build rapidly', users: [] },
  { framework: 'Django', slug: 'django', language: 'Python', pros: 4, first: 'Highly customizable', users: ['Disqus', 'Mozilla', 'National Geographic', 'Pinterest'] },
  { framework: 'Ruby on Rails', slug: 'ruby-on-rails', language: 'Ruby', pros: 4, first: 'Large library of plugins available', users: ['Shopify', 'SoundCloud', 'Basecamp', 'GitHub'] },
  { framework: 'Flask', slug: 'flask', language: 'Python', pros: 4, first: 'Very flexible', users: [] },
  { framework: 'Phoenix', slug: 'phoenix', language: 'Elixir', pros: 5, first: 'Very fast', users: [] },
  { framework: 'Express', slug: 'express', language: 'JavaScript', pros: 4, first: 'Great routing API', users: ['Uber', 'Accenture', 'IBM'] },
  { framework: 'Spring Boot', slug: 'spring-boot', language: 'Java', pros: 5, first: 'Create stand-alone Spring applications', users: [] },
];

interface EntryRow {
  position: number;
  framework: string;
  slug: string;
  language: string;
  pros: string[];
  notable_users: string[];
}

describe.each(DRIVERS)('stackradar ingest and diff on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let server: ArticleServer;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;
  const sql = async (query: string) => JSON.parse((await runCli(['sql', query, '--format', 'json'], { env })).stdout);

  beforeAll(async () => {
    if (skip) return;
    server = await startArticleServer();
    for (const name of RENDITIONS) server.pages.set(`/${name}`, { body: fixture(name) });
    database = await createTestDatabase(driver);
    env = {
      DATABASE_URL: database.databaseUrl,
      STACKRADAR_DATA_DIR: database.dataDir,
      STACKRADAR_FETCH_RETRIES: '1',
      STACKRADAR_FETCH_TIMEOUT: '2',
      STACKRADAR_NOW: '2026-01-01T00:00:00Z',
    };
  });
  afterAll(async () => {
    if (skip) return;
    await server.close();
    await database.drop();
  });

  it.skipIf(skip).each(RENDITIONS)('stores exactly the 8 entries of %s with title and author', async (name) => {
    const url = `${server.url}/${name}`;
    const result = await runCli(['ingest', '--source', url, '--format', 'json'], { env });
    expect(result.code, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout) as EntryRow[];
    expect(printed.map((row) => row.framework)).toEqual(EXPECTED.map((e) => e.framework));

    const stored = (await sql(`select * from current_entries where source_url = '${url}' order by position`)) as EntryRow[];
    expect(stored).toHaveLength(8);
    stored.forEach((row, i) => {
      const expected = EXPECTED[i]!;
      expect(row).toMatchObject({ position: i + 1, framework: expected.framework, slug: expected.slug, language: expected.language });
      expect(row.pros).toHaveLength(expected.pros);
      expect(row.pros[0]).toBe(expected.first);
      expect(row.notable_users).toEqual(expected.users);
    });
    expect(server.userAgents.get(`/${name}`)).toMatch(/^stackradar\/\d/);
    const [version] = await sql(`select title, author, entry_count from article_versions where source_url = '${url}'`);
    expect(version).toEqual({ title: 'Top 8 Best Backend Frameworks', author: 'Martin Williams', entry_count: 8 });
  });

  it.skipIf(skip)('adds no version for unchanged content, one for changed content, and diff names the change', async () => {
    const path = '/changing.html';
    const url = `${server.url}${path}`;
    server.pages.set(path, { body: fixture('keycdn-original.html') });
    expect((await runCli(['ingest', '--source', url], { env })).code).toBe(0);
    const later = { ...env, STACKRADAR_NOW: '2026-01-02T00:00:00Z' };
    expect((await runCli(['ingest', '--source', url], { env: later })).code).toBe(0);
    expect(await sql(`select count(*) as n, max(last_seen_at) as seen from article_versions where source_url = '${url}'`)).toEqual([
      { n: 1, seen: '2026-01-02T00:00:00.000Z' },
    ]);

    server.pages.set(path, { body: fixture('keycdn-original.html').replace('Very scalable', 'Scales very well') });
    const changed = await runCli(['ingest', '--source', url], { env: { ...env, STACKRADAR_NOW: '2026-01-03T00:00:00Z' } });
    expect(changed.code).toBe(0);
    expect(changed.stderr).toMatch(/new version/);
    expect(await sql(`select count(*) as n from article_versions where source_url = '${url}'`)).toEqual([{ n: 2 }]);

    const diff = await runCli(['diff', '--source', url, '--format', 'json'], { env });
    expect(diff.code).toBe(0);
    const changes = JSON.parse(diff.stdout);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ change: 'changed', slug: 'django', field: 'pros' });
    expect(changes[0].after).toContain('Scales very well');
    expect(changes[0].before).toContain('Very scalable');

    for (const format of ['table', 'csv', 'md']) {
      const printed = await runCli(['diff', '--source', url, '--format', format], { env });
      expect(printed.stdout).toContain('django');
    }
  });

  it.skipIf(skip)('refuses a page whose list disappeared with exit 3 and keeps the previous version current', async () => {
    const path = '/vanishing.html';
    const url = `${server.url}${path}`;
    server.pages.set(path, { body: fixture('numbered-h2.html') });
    expect((await runCli(['ingest', '--source', url], { env })).code).toBe(0);
    const [before] = await sql(`select article_version_id from current_entries where source_url = '${url}' limit 1`);

    server.pages.set(path, { body: fixture('broken-no-list.html') });
    const broken = await runCli(['ingest', '--source', url, '--format', 'json'], { env });
    expect(broken.code).toBe(3);
    expect(broken.stdout).toBe('[]\n');
    expect(broken.stderr).toMatch(/no entries found .*previous version stays current/);
    const current = await sql(`select article_version_id, count(*) as n from current_entries where source_url = '${url}' group by 1`);
    expect(current).toEqual([{ article_version_id: before.article_version_id, n: 8 }]);
    const [run] = await sql(`select status, error from runs order by id desc limit 1`);
    expect(run.status).toBe('partial');
    expect(run.error).toContain('no entries found');
  });

  it.skipIf(skip)('refuses a parse with fewer entries than the title promises', async () => {
    const path = '/short.html';
    const html = fixture('numbered-h2.html');
    // Drop the last entry: "Top 8" then promises more than the page holds.
    const truncated = `${html.slice(0, html.indexOf('<h2 id="spring-boot">'))}</article></body></html>`;
    server.pages.set(path, { body: truncated });
    const result = await runCli(['ingest', '--source', `${server.url}${path}`], { env });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/found 7 entries but the title promises 8/);
  });
});

describe('ingest failures', () => {
  let server: ArticleServer;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    server = await startArticleServer();
    database = await createTestDatabase('pglite');
    env = { STACKRADAR_DATA_DIR: database.dataDir, STACKRADAR_FETCH_RETRIES: '2', STACKRADAR_FETCH_TIMEOUT: '1' };
    server.pages.set('/gone.html', { status: 404, body: 'gone' });
    server.pages.set('/broken.html', { status: 500, body: 'oops' });
    server.pages.set('/slow.html', { delayMs: 3000, body: fixture('keycdn-original.html') });
    server.pages.set('/data.json', { type: 'application/json', body: '{}' });
    server.pages.set('/huge.html', { body: `<html><body>${'x'.repeat(6 * 1024 * 1024)}</body></html>` });
    server.pages.set('/private/page.html', { body: fixture('keycdn-original.html') });
  });
  afterAll(async () => {
    await server.close();
    await database.drop();
  });

  it.each([
    ['/gone.html', 'HTTP 404', 1],
    ['/broken.html', 'HTTP 500', 3],
    ['/slow.html', 'timed out', 3],
    ['/data.json', 'not an HTML page (Content-Type application/json)', 1],
    ['/huge.html', 'response larger than 5 MB', 1],
    ['/private/page.html', 'disallowed by robots.txt', 0],
  ])('%s fails with one line naming the URL and "%s" (attempts: %i), exit 1', async (path, cause, attempts) => {
    const url = `${server.url}${path}`;
    const result = await runCli(['ingest', '--source', url, '--format', 'json'], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('[]\n');
    expect(result.stderr).toContain(`ingest ${url}: failed: ${cause}\n`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(server.hits.get(path) ?? 0).toBe(attempts);
  });

  it('rides out a transient 503 and stores the article', async () => {
    server.pages.set('/flaky.html', { failTimes: 2, body: fixture('keycdn-original.html') });
    const result = await runCli(['ingest', '--source', `${server.url}/flaky.html`], { env: { ...env, STACKRADAR_FETCH_TIMEOUT: '5' } });
    expect(result.code, result.stderr).toBe(0);
    expect(server.hits.get('/flaky.html')).toBe(3);
  });

  it('reports a refused connection', async () => {
    const result = await runCli(['ingest', '--source', 'http://127.0.0.1:1/article'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ingest http://127.0.0.1:1/article: failed: connection refused\n');
  });

  it('stores what it could when one of two sources fails: exit 3', async () => {
    server.pages.set('/good.html', { body: fixture('mixed-h4.html') });
    const result = await runCli(['ingest', '--source', `${server.url}/good.html`, `${server.url}/gone.html`, '--format', 'json'], { env });
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toHaveLength(8);
  });

  it('reads a local file with --file and refuses --file with --source', async () => {
    const ok = await runCli(['ingest', '--file', 'test/fixtures/articles/numbered-h2.html', '--format', 'json'], { env });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)[0].source_url).toMatch(/^file:\/\/.*numbered-h2\.html$/);
    const both = await runCli(['ingest', '--file', 'x.html', '--source', 'http://127.0.0.1:1/'], { env });
    expect(both.code).toBe(2);
  });
});
