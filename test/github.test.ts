import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { computeCadence, windowStart } from '../src/enrich/cadence.js';
import {
  createGitHubClient,
  createMemoryCache,
  fetchRepositories,
  GitHubAuthError,
  searchRepository,
  type ConditionalCache,
  type RepoData,
  type RepoResult,
} from '../src/enrich/github.js';
import {
  daysBefore,
  eightFrameworks,
  extraRepos,
  startFakeGitHub,
  syntheticRepos,
  type FakeGitHub,
  type FakeRepo,
} from './support/fake-github/index.js';

const NOW = new Date('2025-06-01T00:00:00Z');
const EIGHT = [
  'laravel/framework', 'cakephp/cakephp', 'django/django', 'rails/rails',
  'pallets/flask', 'phoenixframework/phoenix', 'expressjs/express', 'spring-projects/spring-boot',
];
const TOKEN = 'ghp_testtoken0123456789abcdefSECRET';
/**
 * First anonymous refresh of the eight, measured: 41 core requests (Django's tag dating is 27 of them, one
 * for the newest tag of an older major version, which may still ship patches) + 8 searches.
 */
const ANON_CORE_MAX = 41;
const ANON_TOTAL_MAX = 49;

let fake: FakeGitHub;

function capture() {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

function client(opts: { token?: string; cache?: ConditionalCache; logger?: pino.Logger; server?: FakeGitHub } = {}) {
  const server = opts.server ?? fake;
  return createGitHubClient({
    ...(opts.token ? { token: opts.token } : {}),
    apiUrl: server.url,
    graphqlUrl: server.graphqlUrl,
    logger: opts.logger ?? pino({ level: 'silent' }),
    cache: opts.cache ?? createMemoryCache(),
    timing: { retryBaseMs: 1, rateLimitSecondMs: 5, graphqlMinTimeMs: 0, searchMinTimeMs: 0, searchPerMinute: 1000 },
  });
}

function ok(result: RepoResult | undefined): RepoData {
  if (!result || 'error' in result) throw new Error(`expected data, got ${JSON.stringify(result)}`);
  return result;
}

const fixture = (full: string): FakeRepo => fake.repos.find((r) => `${r.owner}/${r.name}` === full)!;
const graphqlRequests = () => fake.requests.filter((r) => r.resource === 'graphql');
/** The cadence columns a snapshot stores per repository (the full `stable` lists differ in how far back they reach). */
const cadences = (results: Map<string, RepoResult>) =>
  Object.fromEntries([...results].map(([k, v]) => {
    const { stable: _stable, ...columns } = computeCadence({ ...ok(v), now: NOW });
    return [k, columns];
  }));

beforeAll(async () => {
  fake = await startFakeGitHub({ repos: [...eightFrameworks(NOW), ...extraRepos(NOW)], validateResponses: true });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.resetLog();
  fake.resetBudgets();
  fake.setFaults({});
});

describe('with a token (GraphQL)', () => {
  it('fetches the eight frameworks in two valid GraphQL requests', async () => {
    const { results, stats } = await fetchRepositories(client({ token: TOKEN }), EIGHT, { now: NOW });

    expect(fake.requests).toHaveLength(2);
    expect(graphqlRequests().every((r) => r.graphql?.valid && r.status === 200)).toBe(true);
    expect(graphqlRequests()[0]?.graphql?.aliases).toBe(8);
    // The follow-up pages only the repositories whose window is not covered: Laravel, CakePHP, Django.
    expect(graphqlRequests()[1]?.graphql?.aliases).toBe(3);
    expect(stats).toMatchObject({ requests: 2, notModified: 0, graphqlCost: 2, rateLimitRemaining: 4998 });

    for (const name of EIGHT) {
      const data = ok(results.get(name));
      const f = fixture(name);
      expect(data).toMatchObject({
        repo: name, stars: f.stars, forks: f.forks, watchers: f.watchers, openIssues: f.openIssues,
        license: f.license, archived: false, pushedAt: f.pushedAt, homepageUrl: f.homepageUrl,
      });
    }
    const start = windowStart(NOW).getTime();
    const laravel = ok(results.get('laravel/framework'));
    expect(laravel.releases.length).toBeGreaterThan(20);
    expect(Math.min(...laravel.releases.map((r) => Date.parse(r.createdAt)))).toBeLessThanOrEqual(start);
    const django = ok(results.get('django/django'));
    expect(django.releases).toEqual([]);
    expect(django.tags.find((t) => t.name === '5.2.6')).toMatchObject({ taggerDate: daysBefore(NOW, 30) });
    expect(ok(results.get('rails/rails')).tags).toEqual([]);
    expect(ok(results.get('pallets/flask')).releases[0]).toMatchObject({ tag: '3.2.0', isDraft: true, publishedAt: null });

    const c = cadences(results);
    expect(c['spring-projects/spring-boot']).toMatchObject({ latestRelease: 'v3.5.0', releasesLast365d: 14 });
    expect(c['phoenixframework/phoenix']).toMatchObject({ latestRelease: 'v1.7.21', releasesLast365d: 3 });
    expect(c['rails/rails']?.latestRelease).toBe('v8.0.2');
    expect(c['pallets/flask']).toMatchObject({ latestRelease: '3.1.1', releasesLast365d: 2 });
    expect(c['expressjs/express']).toMatchObject({ latestRelease: 'v5.0.0', releasesLast365d: 0 });
    expect(c['django/django']).toMatchObject({ cadenceSource: 'tags', latestRelease: '5.2.6', releasesLast365d: 19 });
    // 52 weekly main-line releases + 13 four-weekly patches within the 365 days.
    expect(c['laravel/framework']?.releasesLast365d).toBe(65);
  });

  it('batches 120 repositories into 3 queries, plus one for the pages that are needed', async () => {
    const server = await startFakeGitHub({ repos: syntheticRepos(NOW, 120, 7) });
    try {
      const names = server.repos.map((r) => `${r.owner}/${r.name}`);
      const { results, stats } = await fetchRepositories(client({ token: TOKEN, server }), names, { now: NOW });
      const gql = server.requests.map((r) => r.graphql);
      // 49 repositories (3 connections each) stay at 1 point; 50 would cost 2.
      expect(gql.map((g) => g?.aliases)).toEqual([49, 49, 22, 7]);
      expect(gql.every((g) => g?.valid)).toBe(true);
      expect(gql.map((g) => g?.cost)).toEqual([1, 1, 1, 1]);
      expect(stats.graphqlCost).toBe(4);
      expect([...results.values()].every((r) => !('error' in r))).toBe(true);
      expect(ok(results.get('synth/repo-0')).releases).toHaveLength(60);
      expect(ok(results.get('synth/repo-100')).releases).toHaveLength(5);
    } finally {
      await server.close();
    }
  });

  it('isolates a NOT_FOUND alias and follows renames', async () => {
    const { results } = await fetchRepositories(client({ token: TOKEN }), ['pallets/flask', 'ghost/missing', 'visionmedia/express'], { now: NOW });
    expect(results.get('ghost/missing')).toEqual({ error: 'not found', missing: true });
    expect(ok(results.get('pallets/flask')).repo).toBe('pallets/flask');
    expect(ok(results.get('visionmedia/express')).repo).toBe('expressjs/express');
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a malformed name without asking GitHub about it', async () => {
    const { results } = await fetchRepositories(client({ token: TOKEN }), ['not a repo', 'solo/one-release'], { now: NOW });
    expect(results.get('not a repo')).toEqual({ error: 'not an owner/name repository' });
    expect(ok(results.get('solo/one-release')).releases).toHaveLength(1);
    expect(computeCadence({ ...ok(results.get('solo/one-release')), now: NOW })).toMatchObject({ releasesLast365d: 1, medianReleaseIntervalDays: null });
  });
});

describe('without a token (REST, conditional)', () => {
  it('fits the eight frameworks in the anonymous budget, and a second refresh is all 304', async () => {
    const cache = createMemoryCache();
    const gh = client({ cache });
    const first = await fetchRepositories(gh, EIGHT, { now: NOW });
    const core = fake.requests.filter((r) => r.resource === 'core');
    expect(core.length).toBeLessThanOrEqual(ANON_CORE_MAX);
    expect(fake.requests.length).toBeLessThanOrEqual(ANON_TOTAL_MAX);
    expect(first.stats.requests).toBe(fake.requests.length);
    expect(fake.requests.every((r) => r.status === 200 && !r.authenticated)).toBe(true);
    expect(fake.requests.filter((r) => r.schemaErrors)).toEqual([]);

    // Same figures and same cadence as the GraphQL path (drafts aside: only push access sees them; the
    // default branch's last commit would cost REST a request per repository, so it has none).
    const viaGraphql = await fetchRepositories(client({ token: TOKEN }), EIGHT, { now: NOW });
    for (const name of EIGHT) {
      const { releases: _r, tags: _t, lastCommitAt, ...figures } = ok(first.results.get(name));
      const { releases: _r2, tags: _t2, lastCommitAt: _c, ...expected } = ok(viaGraphql.results.get(name));
      expect(lastCommitAt).toBeNull();
      expect(figures).toEqual(expected);
    }
    expect(cadences(first.results)).toEqual(cadences(viaGraphql.results));

    fake.resetLog();
    const second = await fetchRepositories(gh, EIGHT, { now: NOW });
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests.every((r) => r.status === 304 && r.conditional)).toBe(true);
    expect(second.stats).toMatchObject({ requests: fake.requests.length, notModified: fake.requests.length });
    expect(second.results).toEqual(first.results);
  });

  it('sees a change through the cache', async () => {
    const cache = createMemoryCache();
    await fetchRepositories(client({ cache }), ['pallets/flask'], { now: NOW });
    fixture('pallets/flask').stars += 1;
    fake.resetLog();
    const { results } = await fetchRepositories(client({ cache }), ['pallets/flask'], { now: NOW });
    expect(ok(results.get('pallets/flask')).stars).toBe(fixture('pallets/flask').stars);
    expect(fake.requests.map((r) => r.status)).toEqual(expect.arrayContaining([200, 304]));
  });

  it('follows a renamed repository (301) and returns the new name', async () => {
    const { results } = await fetchRepositories(client(), ['visionmedia/express'], { now: NOW });
    expect(ok(results.get('visionmedia/express')).repo).toBe('expressjs/express');
    expect(fake.requests[0]).toMatchObject({ path: '/repos/visionmedia/express', status: 301 });
    expect(fake.requests[1]?.path).toMatch(/^\/repositories\/\d+$/);
    // Later requests use the new name directly.
    expect(fake.requests.slice(2).every((r) => !r.path.includes('visionmedia/express/'))).toBe(true);
  });

  it('pages Releases only while the window needs them', async () => {
    const busy: FakeRepo = {
      ...eightFrameworks(NOW)[0]!, owner: 'busy', name: 'daily', renamedFrom: [],
      releases: Array.from({ length: 300 }, (_, k) => ({
        tag: `v1.0.${k}`, name: null, isDraft: false, isPrerelease: false,
        publishedAt: daysBefore(NOW, 2.5 * k), createdAt: daysBefore(NOW, 2.5 * k),
      })),
    };
    const server = await startFakeGitHub({ repos: [busy] });
    try {
      const { results } = await fetchRepositories(client({ server }), ['busy/daily'], { now: NOW });
      expect(ok(results.get('busy/daily')).releases).toHaveLength(200);
      expect(server.requests.filter((r) => r.path.includes('/releases')).map((r) => r.path)).toEqual([
        '/repos/busy/daily/releases?per_page=100&page=1',
        '/repos/busy/daily/releases?per_page=100&page=2',
      ]);
    } finally {
      await server.close();
    }
  });

  it('stops at the anonymous budget: the 61st request is refused', async () => {
    // A generous search budget, so that only the core budget (60 an hour) runs out.
    const server = await startFakeGitHub({ repos: eightFrameworks(NOW), limits: { searchAnonymous: 100 } });
    try {
      const logs = capture();
      await fetchRepositories(client({ server }), EIGHT, { now: NOW });
      const { results } = await fetchRepositories(client({ server, logger: logs.logger }), EIGHT, { now: NOW });
      const core = server.requests.filter((r) => r.resource === 'core');
      expect(core.slice(0, 60).every((r) => r.status === 200)).toBe(true);
      expect(core.slice(60).map((r) => r.status)).toEqual(core.slice(60).map(() => 403));
      expect(core.length).toBeGreaterThan(60);
      const errors = [...results.values()].filter((r): r is { error: string } => 'error' in r);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]?.error).toMatch(/API rate limit exceeded/);
      // The hour-long wait is refused rather than slept through.
      expect(logs.lines.join('')).toMatch(/primary rate limit: giving up/);
    } finally {
      await server.close();
    }
  });
});

describe('faults', () => {
  it('rides out 5xx answers (GraphQL and REST)', async () => {
    fake.setFaults({ serverErrors: { count: 2, status: 502 } });
    const viaGraphql = await fetchRepositories(client({ token: TOKEN }), ['pallets/flask'], { now: NOW });
    expect(ok(viaGraphql.results.get('pallets/flask')).stars).toBe(fixture('pallets/flask').stars);
    fake.setFaults({ serverErrors: { count: 2, status: 503 } });
    const viaRest = await fetchRepositories(client(), ['pallets/flask'], { now: NOW });
    expect(ok(viaRest.results.get('pallets/flask')).stars).toBe(fixture('pallets/flask').stars);
    expect(fake.requests.filter((r) => r.status >= 500)).toHaveLength(4);
  });

  it('waits out a secondary rate limit (retry-after)', async () => {
    const logs = capture();
    fake.setFaults({ secondaryRateLimit: { count: 1, retryAfterSeconds: 1 } });
    const { results } = await fetchRepositories(client({ token: TOKEN, logger: logs.logger }), EIGHT, { now: NOW });
    expect([...results.values()].every((r) => !('error' in r))).toBe(true);
    expect(fake.requests[0]?.status).toBe(403);
    expect(logs.lines.join('')).toMatch(/secondary rate limit: waiting 1s/);
  });

  it('waits out a primary rate limit with a short reset', async () => {
    const logs = capture();
    fake.setFaults({ primaryRateLimit: { count: 1, status: 429, resetInSeconds: 1 } });
    const { results } = await fetchRepositories(client({ logger: logs.logger }), ['phoenixframework/phoenix'], { now: NOW });
    expect(ok(results.get('phoenixframework/phoenix')).releases).toHaveLength(6);
    expect(fake.requests[0]?.status).toBe(429);
    expect(logs.lines.join('')).toMatch(/primary rate limit: waiting \d+s/);
  });

  it('fails a rejected token with a clear message that never contains the token', async () => {
    const server = await startFakeGitHub({ repos: eightFrameworks(NOW), tokens: ['the-only-good-token'] });
    try {
      const logs = capture();
      const error = await fetchRepositories(client({ token: TOKEN, server, logger: logs.logger }), EIGHT, { now: NOW }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GitHubAuthError);
      expect((error as Error).message).toBe('GitHub rejected the token (401 Bad credentials); check GITHUB_TOKEN');
      for (const text of [String(error), (error as Error).stack ?? '', JSON.stringify(error), logs.lines.join('\n')]) {
        expect(text).not.toContain(TOKEN);
      }
      expect(logs.lines.length).toBeGreaterThan(0);
      expect(server.requests.map((r) => r.status)).toEqual([401]);
    } finally {
      await server.close();
    }
  });
});

describe('searchRepository', () => {
  it.each([
    ['with a token', TOKEN],
    ['without a token', undefined],
  ])('resolves by name within the language, %s', async (_label, token) => {
    const gh = client(token ? { token } : {});
    const express = await searchRepository(gh, 'Express.js', 'JavaScript');
    expect(express).toEqual({ repo: 'expressjs/express', confidence: 1, stars: fixture('expressjs/express').stars });
    const cake = await searchRepository(gh, 'Cake', 'PHP');
    expect(cake?.repo).toBe('cakephp/cakephp');
    expect(cake?.confidence).toBeGreaterThan(0.3);
    expect(cake?.confidence).toBeLessThan(0.9);
    expect(await searchRepository(gh, 'Flask', 'Ruby')).toBeNull();
    expect(fake.requests.every((r) => r.resource === (token ? 'graphql' : 'search'))).toBe(true);
  });
});
