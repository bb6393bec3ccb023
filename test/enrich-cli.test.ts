import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, startArticleServer, type ArticleServer } from './support/article-server.js';
import { runCli } from './support/cli.js';
import { startDocsServer, type DocsServer } from './support/docs-server.js';
import { eightFrameworks, startFakeGitHub, type FakeGitHub, type FakeRepo } from './support/fake-github/index.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const NOW = new Date('2025-06-01T00:00:00Z');
const TOKEN = 'ghp_enrichTestToken_0123456789SECRET';
const DAY = 86_400_000;
const SLUGS: Record<string, string> = {
  'laravel/framework': 'laravel',
  'cakephp/cakephp': 'cakephp',
  'django/django': 'django',
  'rails/rails': 'ruby-on-rails',
  'pallets/flask': 'flask',
  'phoenixframework/phoenix': 'phoenix',
  'expressjs/express': 'express',
  'spring-projects/spring-boot': 'spring-boot',
};

/** The README's release definitions written out independently of src/enrich/cadence.ts, over the fixture. */
const PRERELEASE = /(?:[-.](?:rc|beta|alpha|m)\.?\d*|\d(?:a|b|rc)\d+)$/i;

function expectedFigures(repo: FakeRepo) {
  const releases = repo.releases.filter((r) => !r.isDraft);
  const source = releases.length > 0 ? 'releases' : repo.tags.length > 0 ? 'tags' : null;
  const dated =
    source === 'releases'
      ? releases.filter((r) => !r.isPrerelease && !PRERELEASE.test(r.tag)).map((r) => ({ tag: r.tag, at: Date.parse(r.publishedAt ?? r.createdAt) }))
      : repo.tags.filter((t) => !PRERELEASE.test(t.name)).map((t) => ({ tag: t.name, at: Date.parse(t.annotated?.taggerDate ?? t.commitDate) }));
  const stable = dated.filter((r) => r.at <= NOW.getTime()).sort((a, b) => b.at - a.at);
  const inWindow = stable.filter((r) => r.at > NOW.getTime() - 365 * DAY).map((r) => r.at).sort((a, b) => a - b);
  // Release days: stable releases on the same UTC day count once; gaps are whole days between them.
  const days = [...new Set(inWindow.map((at) => Math.floor(at / DAY)))];
  const gaps = days.slice(1).map((day, i) => day - days[i]!).sort((a, b) => a - b);
  const middle = Math.floor(gaps.length / 2);
  const median = gaps.length === 0 ? null : gaps.length % 2 ? gaps[middle]! : (gaps[middle - 1]! + gaps[middle]!) / 2;
  return {
    slug: SLUGS[`${repo.owner}/${repo.name}`],
    repo: `${repo.owner}/${repo.name}`,
    stars: repo.stars,
    forks: repo.forks,
    open_issues: repo.openIssues,
    watchers: repo.watchers,
    license: repo.license,
    archived: repo.archived,
    pushed_at: new Date(repo.pushedAt).toISOString(),
    latest_release: stable[0]?.tag ?? null,
    latest_release_at: stable[0] ? new Date(stable[0].at).toISOString() : null,
    releases_last_365d: inWindow.length,
    median_release_interval_days: median === null ? null : Math.round(median * 10) / 10,
    cadence_source: source,
  };
}

describe.each(DRIVERS)('stackradar enrich on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let articles: ArticleServer;
  let github: FakeGitHub;
  let docs: DocsServer;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;
  const sql = async (query: string, extra: Record<string, string | undefined> = {}) => {
    const result = await runCli(['sql', query, '--format', 'json'], { env: { ...env, ...extra } });
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout);
  };
  const core = () => github.requests.filter((r) => r.resource === 'core');

  beforeAll(async () => {
    if (skip) return;
    articles = await startArticleServer();
    articles.pages.set('/article.html', { body: fixture('keycdn-original.html') });
    github = await startFakeGitHub({ repos: eightFrameworks(NOW), tokens: [TOKEN] });
    docs = await startDocsServer();
    database = await createTestDatabase(driver);
    // Docs on the local docs site, and Express under its old name: renames must be followed. No packages:
    // registries-cli.test.ts covers them against the fake registries.
    const catalog = path.join(tmpdir(), `stackradar-catalog-${process.pid}-${driver}.json`);
    writeFileSync(
      catalog,
      JSON.stringify({
        frameworks: Object.values(SLUGS).map((slug) => ({
          name: slug === 'ruby-on-rails' ? 'Ruby on Rails' : slug === 'spring-boot' ? 'Spring Boot' : slug,
          docs: `${docs.url}/docs/${slug}`,
          ...(slug === 'express' ? { repo: 'visionmedia/express' } : {}),
          package: null,
        })),
      }),
    );
    env = {
      DATABASE_URL: database.databaseUrl,
      STACKRADAR_DATA_DIR: database.dataDir,
      STACKRADAR_SOURCE_URL: `${articles.url}/article.html`,
      STACKRADAR_CATALOG: catalog,
      GITHUB_API_URL: github.url,
      STACKRADAR_NOW: NOW.toISOString(),
      STACKRADAR_ALLOW_PRIVATE_NETWORK: 'true',
    };
    const ingest = await runCli(['ingest'], { env });
    expect(ingest.code, ingest.stderr).toBe(0);
  });
  afterAll(async () => {
    if (skip) return;
    await Promise.all([articles.close(), github.close(), docs.close()]);
    await database.drop();
  });

  it.skipIf(skip)('without a token: exact figures over REST within the anonymous budget, then 304s', async () => {
    github.resetLog();
    const first = await runCli(['enrich', '--format', 'json'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toHaveLength(8);
    expect(core().length).toBeLessThanOrEqual(45);
    expect(github.requests.every((r) => !r.authenticated)).toBe(true);

    const latest = await sql('select * from framework_latest order by slug');
    expect(latest).toHaveLength(8);
    for (const repo of github.repos) {
      const expected = expectedFigures(repo);
      const row = latest.find((r: { slug: string }) => r.slug === expected.slug);
      expect(row, expected.slug).toMatchObject(expected);
      expect(row.docs_url).toBe(`${docs.url}/docs/${expected.slug}`);
      expect(row).toMatchObject({ docs_status: 200, docs_error: null, captured_at: NOW.toISOString(), docs_checked_at: NOW.toISOString() });
    }

    github.resetLog();
    const second = await runCli(['enrich', '--format', 'json'], { env: { ...env, STACKRADAR_NOW: new Date(NOW.getTime() + DAY).toISOString() } });
    expect(second.code, second.stderr).toBe(0);
    expect(core().length).toBeGreaterThan(0);
    // Everything answers 304, but the renamed repository's old name, which GitHub redirects each time.
    expect(core().filter((r) => !(r.conditional && r.status === 304))).toEqual([
      expect.objectContaining({ path: '/repos/visionmedia/express', status: 301 }),
    ]);
    const [counts] = await sql('select count(*) as snapshots, count(distinct run_id) as runs from framework_history');
    expect(counts).toEqual({ snapshots: 16, runs: 2 });
  });

  it.skipIf(skip)('with a token: the same figures in one or two GraphQL requests', async () => {
    github.resetLog();
    const at = new Date(NOW.getTime() + 2 * DAY).toISOString();
    const result = await runCli(['enrich'], { env: { ...env, GITHUB_TOKEN: TOKEN, STACKRADAR_NOW: at } });
    expect(result.code, result.stderr).toBe(0);
    const graphql = github.requests.filter((r) => r.resource === 'graphql');
    expect(graphql.length).toBeGreaterThanOrEqual(1);
    expect(graphql.length).toBeLessThanOrEqual(2);
    expect(github.requests).toHaveLength(graphql.length);
    expect(graphql.every((r) => r.graphql?.valid)).toBe(true);

    const latest = await sql('select * from framework_latest order by slug');
    for (const repo of github.repos) {
      const expected = expectedFigures(repo);
      const row = latest.find((r: { slug: string }) => r.slug === expected.slug);
      // The clock moved two days: only the window-dependent figures may differ, and the fixture has none that near.
      expect(row, expected.slug).toMatchObject({ ...expected, captured_at: at });
    }
  });

  it.skipIf(skip)('follows a renamed repository and stores the new name', async () => {
    const [row] = await sql("select repo from framework_latest where slug = 'express'");
    expect(row.repo).toBe('expressjs/express');
  });

  it.skipIf(skip)('rides out 5xx and a secondary rate limit', async () => {
    github.setFaults({ serverErrors: { count: 2 }, secondaryRateLimit: { count: 1, retryAfterSeconds: 1 } });
    const result = await runCli(['enrich', '--format', 'json'], { env: { ...env, GITHUB_TOKEN: TOKEN } });
    github.setFaults({});
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(8);
  });

  it.skipIf(skip)('fails at once on a bad token without printing it, storing nothing', async () => {
    const [before] = await sql('select count(*) as n from snapshots');
    const badToken = 'ghp_thisTokenIsWrong_SECRET_42';
    const result = await runCli(['enrich'], { env: { ...env, GITHUB_TOKEN: badToken, LOG_LEVEL: 'debug' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('GitHub rejected the token (401 Bad credentials); check GITHUB_TOKEN');
    expect(result.stderr + result.stdout).not.toContain(badToken);
    const [after] = await sql('select count(*) as n from snapshots');
    expect(after).toEqual(before);
    const [run] = await sql('select status, error from runs order by id desc limit 1');
    expect(run.status).toBe('failed');
    expect(JSON.stringify(await sql('select * from runs'))).not.toContain(badToken);
  });

  it.skipIf(skip)('blocks a docs URL on 127.0.0.1 by default, without connecting', async () => {
    const requestsBefore = docs.requests;
    // An earlier test checked this link within the docs age: a zero age makes it due again.
    const result = await runCli(['enrich', '--framework', 'Django', '--format', 'json'], {
      env: { ...env, GITHUB_TOKEN: TOKEN, STACKRADAR_ALLOW_PRIVATE_NETWORK: undefined, STACKRADAR_DOCS_MAX_AGE: '0s', STACKRADAR_NOW: new Date(NOW.getTime() + 3 * DAY).toISOString() },
    });
    expect(result.code, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ slug: 'django', docs_status: null, docs_error: 'blocked' });
    expect(docs.requests).toBe(requestsBefore);
  });

  it.skipIf(skip)('refuses an unknown --framework with exit 2, before a run row exists', async () => {
    const runsBefore = JSON.parse((await runCli(['runs', '--format', 'json', '--limit', '1000'], { env })).stdout) as unknown[];
    const result = await runCli(['enrich', '--framework', 'Djanggo'], { env: { ...env, GITHUB_TOKEN: TOKEN } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('stackradar: enrich: Djanggo is not in the current article entries (see: stackradar sql "select framework from current_entries")\n');
    const runsAfter = JSON.parse((await runCli(['runs', '--format', 'json', '--limit', '1000'], { env })).stdout) as unknown[];
    expect(runsAfter).toHaveLength(runsBefore.length);
  });

  it.skipIf(skip)('enriches a framework named twice (by name, alias or slug) once', async () => {
    github.resetLog();
    const result = await runCli(['enrich', '--framework', 'django', 'Django', 'Rails', 'ruby-on-rails', '--format', 'json'], { env: { ...env, GITHUB_TOKEN: TOKEN } });
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { slug: string }[]).map((row) => row.slug).sort()).toEqual(['django', 'ruby-on-rails']);
    // One query, one alias per framework: no request spent twice on the same repository.
    expect(github.requests.find((r) => r.resource === 'graphql')?.graphql?.aliases).toBe(2);
  });
});
