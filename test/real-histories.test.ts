/**
 * `stackradar enrich` over real release histories (../shared/data/project-corpus/releases/): the fake GitHub serves
 * each repository's real tags, once as a repository without Releases and once with a Release per tag, to
 * the REST path (no token) and the GraphQL path (token). Every figure is checked against the README's
 * definitions computed by test/support/release-reference.ts, not by src/enrich/cadence.ts.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, startArticleServer, type ArticleServer } from './support/article-server.js';
import { runCli } from './support/cli.js';
import { startDocsServer, type DocsServer } from './support/docs-server.js';
import { startFakeGitHub, type FakeGitHub } from './support/fake-github/index.js';
import { readRealHistories, realRepo } from './support/fake-github/real-histories.js';
import { referenceFigures } from './support/release-reference.js';
import { realDataPresent } from './support/real-data.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

/** The day after the newest snapshots were taken (CakePHP's is older: no release within the year). */
const NOW = new Date('2026-08-23T00:00:00Z');
const TOKEN = 'ghp_realHistoriesToken_0123456789';
/** The article's frameworks whose repositories' histories are in the fixtures (Django's is not). */
const SLUGS: Record<string, string> = {
  'laravel/framework': 'laravel',
  'cakephp/cakephp': 'cakephp',
  'rails/rails': 'ruby-on-rails',
  'pallets/flask': 'flask',
  'phoenixframework/phoenix': 'phoenix',
  'expressjs/express': 'express',
  'spring-projects/spring-boot': 'spring-boot',
};
const HISTORIES = readRealHistories().filter((h) => h.repo in SLUGS);

type Row = Record<string, unknown> & { slug: string };

describe.skipIf(!realDataPresent).each(DRIVERS)('real release histories through enrich on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let articles: ArticleServer;
  let github: FakeGitHub;
  let docs: DocsServer;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    if (skip) return;
    articles = await startArticleServer();
    articles.pages.set('/article.html', { body: fixture('keycdn-original.html') });
    // Budgets well above GitHub's: this file checks figures; enrich-cli.test.ts checks the budget.
    github = await startFakeGitHub({ repos: [], tokens: [TOKEN], limits: { anonymous: 5000, searchAnonymous: 1000 } });
    docs = await startDocsServer();
    database = await createTestDatabase(driver);
    const catalog = path.join(tmpdir(), `stackradar-real-catalog-${process.pid}-${driver}.json`);
    // No packages: registries-cli.test.ts covers them against the fake registries.
    writeFileSync(catalog, JSON.stringify({ frameworks: Object.values(SLUGS).map((slug) => ({ name: slug, docs: `${docs.url}/docs/${slug}`, package: null })) }));
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

  const enrich = async (as: 'tags' | 'releases', token: boolean) => {
    github.repos.splice(0, github.repos.length, ...HISTORIES.map((h) => realRepo(h, as, NOW.toISOString())));
    github.resetBudgets();
    const result = await runCli(['enrich', '--framework', ...Object.values(SLUGS), '--format', 'json'], {
      env: { ...env, ...(token ? { GITHUB_TOKEN: TOKEN } : {}) },
      timeoutMs: 120_000,
    });
    expect(result.code, result.stderr).toBe(0);
    return { rows: JSON.parse(result.stdout) as Row[], stderr: result.stderr };
  };

  it.skipIf(skip).each([
    { as: 'releases' as const, token: false },
    { as: 'releases' as const, token: true },
    { as: 'tags' as const, token: true },
  ])('served as $as, token: $token — every figure equals the definitions', async ({ as, token }) => {
    const { rows } = await enrich(as, token);
    expect(rows.map((r) => r.slug).sort()).toEqual(Object.values(SLUGS).sort());
    for (const history of HISTORIES) {
      const row = rows.find((r) => r.slug === SLUGS[history.repo]);
      expect(row, history.repo).toMatchObject({ ...referenceFigures(history.tags, NOW), cadence_source: as });
    }
  }, 180_000);

  it.skipIf(skip)('served as tags without a token: the same figures, but for the counts of a tag stream too long to date anonymously', async () => {
    const { rows, stderr } = await enrich('tags', false);
    for (const history of HISTORIES) {
      const row = rows.find((r) => r.slug === SLUGS[history.repo]);
      const expected = referenceFigures(history.tags, NOW);
      if (history.repo !== 'laravel/framework') {
        expect(row, history.repo).toMatchObject({ ...expected, cadence_source: 'tags' });
        continue;
      }
      // 128 stable tags within the year need a request each to be dated over REST, beyond one
      // repository's share of 60 anonymous requests an hour: the walk dates the highest versions
      // first, so the latest version is right, and it says where it stopped.
      expect(row, history.repo).toMatchObject({ latest_version: expected.latest_version, latest_version_at: expected.latest_version_at });
      expect(stderr).toContain('stopped dating tags at the per-repository cap');
    }
  }, 180_000);

  it.skipIf(skip)('history shows latest_version next to latest_release', async () => {
    const result = await runCli(['history', 'Rails', '--format', 'json'], { env });
    expect(result.code, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout) as Row[];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const rails = HISTORIES.find((h) => h.repo === 'rails/rails');
    const expected = referenceFigures(rails?.tags ?? [], NOW);
    for (const row of rows) {
      expect(row).toMatchObject({ latest_version: expected.latest_version, latest_release: expected.latest_release });
    }
    expect(expected).toMatchObject({ latest_version: 'v8.1.3.1', latest_release: 'v8.0.5.1' });
  });
});
