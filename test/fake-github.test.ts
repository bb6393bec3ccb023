/** The fake GitHub itself: GitHub-shaped bodies, ETags, budgets, faults and GraphQL semantics. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  eightFrameworks,
  extraRepos,
  startFakeGitHub,
  tagObjectSha,
  validateBody,
  type FakeGitHub,
} from './support/fake-github/index.js';

const NOW = new Date('2025-06-01T00:00:00Z');
let fake: FakeGitHub;

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${fake.url}${path}`, { headers, redirect: 'manual' });
const json = async (path: string) => (await get(path)).json() as Promise<unknown>;
const gql = async (query: string, variables: Record<string, unknown> = {}, token = 'any-token') => {
  const res = await fetch(fake.graphqlUrl, {
    method: 'POST',
    headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown> | null; errors?: Record<string, unknown>[] } };
};

beforeAll(async () => {
  fake = await startFakeGitHub({ repos: [...eightFrameworks(NOW), ...extraRepos(NOW)], tokens: ['any-token', 'other-token'] });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.resetLog();
  fake.resetBudgets();
  fake.setFaults({});
});

describe('REST bodies', () => {
  it('validate against the OpenAPI component schemas (the fields the client reads)', async () => {
    const django = fake.repos.find((r) => r.name === 'django')!;
    const tag = django.tags.find((t) => t.name === '5.2.6')!;
    const cases = [
      ['/repos/pallets/flask', 'full-repository', 'item'],
      ['/repos/laravel/framework/releases?per_page=100', 'release', 'list'],
      ['/repos/django/django/tags?per_page=100', 'tag', 'list'],
      ['/repos/django/django/git/matching-refs/tags%2F', 'git-ref', 'list'],
      [`/repos/django/django/git/tags/${tagObjectSha(django, tag)}`, 'git-tag', 'item'],
      [`/repos/django/django/commits/${tag.sha}`, 'commit', 'item'],
      ['/search/repositories?q=flask+in:name+language:Python', 'repo-search-result-item', 'search'],
      ['/search/issues?q=repo:rails/rails+is:pr+is:open&per_page=1', 'issue-search-result-item', 'search'],
    ] as const;
    for (const [path, schema, shape] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(validateBody(schema, await res.json(), shape), path).toEqual([]);
    }
  });

  it('the validator is not vacuous', async () => {
    const body = (await json('/repos/pallets/flask')) as Record<string, unknown>;
    expect(validateBody('full-repository', { ...body, stargazers_count: 'many' })).not.toEqual([]);
    expect(validateBody('full-repository', { ...body, license: { spdx_id: 'MIT' } })).not.toEqual([]);
  });

  it('counts pull requests in open_issues_count, like GitHub', async () => {
    const rails = fake.repos.find((r) => r.name === 'rails')!;
    const body = (await json('/repos/rails/rails')) as { open_issues_count: number; subscribers_count: number };
    expect(body.open_issues_count).toBe(rails.openIssues + (rails.openPullRequests ?? 0));
    expect(body.subscribers_count).toBe(rails.watchers);
    const search = (await json('/search/issues?q=repo:rails/rails+is:pr+is:open&per_page=1')) as { total_count: number; items: unknown[] };
    expect(search).toMatchObject({ total_count: rails.openPullRequests, items: [expect.anything()] });
  });

  it('hides drafts from anonymous listings', async () => {
    const anonymous = (await json('/repos/pallets/flask/releases')) as { draft: boolean }[];
    const res = await get('/repos/pallets/flask/releases', { authorization: 'token any-token' });
    const authenticated = (await res.json()) as { draft: boolean }[];
    expect(anonymous.some((r) => r.draft)).toBe(false);
    expect(authenticated.some((r) => r.draft)).toBe(true);
  });

  it('paginates with Link headers, newest first', async () => {
    const res = await get('/repos/laravel/framework/releases?per_page=30&page=2');
    expect(res.headers.get('link')).toMatch(/<[^>]+releases\?per_page=30&page=3>; rel="next"/);
    expect(res.headers.get('link')).toMatch(/rel="prev"/);
    const page = (await res.json()) as { created_at: string }[];
    const dates = page.map((r) => Date.parse(r.created_at));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('answers 301 for a renamed repository, sub-resources included', async () => {
    const res = await get('/repos/visionmedia/express/releases?per_page=5');
    expect(res.status).toBe(301);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/\/repositories\/\d+\/releases\?per_page=5$/);
    const moved = (await (await fetch(location)).json()) as unknown[];
    expect(moved).toHaveLength(4);
    expect(((await (await fetch(`${fake.url}/repos/visionmedia/express`)).json()) as { full_name: string }).full_name).toBe('expressjs/express');
  });
});

describe('ETags and budgets', () => {
  it('answers 304 to a matching If-None-Match without spending budget', async () => {
    const first = await get('/repos/django/django');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    expect(first.headers.get('x-ratelimit-remaining')).toBe('59');
    const again = await get('/repos/django/django', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('x-ratelimit-remaining')).toBe('59');
    expect(fake.requests.map((r) => [r.status, r.conditional])).toEqual([[200, false], [304, true]]);
  });

  it('refuses the 61st anonymous request with GitHub\'s 403; tokens have their own budget', async () => {
    for (let i = 0; i < 60; i++) expect((await get('/repos/pallets/flask')).status).toBe(200);
    const refused = await get('/repos/pallets/flask');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(((await refused.json()) as { message: string }).message).toMatch(/^API rate limit exceeded for 127\.0\.0\.1\./);
    const authed = await get('/repos/pallets/flask', { authorization: 'token any-token' });
    expect(authed.status).toBe(200);
    expect(authed.headers.get('x-ratelimit-limit')).toBe('5000');
  });

  it('rejects unknown tokens with 401 Bad credentials', async () => {
    const res = await get('/repos/pallets/flask', { authorization: 'token wrong' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'Bad credentials' });
  });
});

describe('faults', () => {
  it('serves the configured faults, then recovers', async () => {
    fake.setFaults({ serverErrors: { count: 1, status: 503 }, latencyMs: 30 });
    const started = Date.now();
    expect((await get('/repos/pallets/flask')).status).toBe(503);
    expect((await get('/repos/pallets/flask')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(60);

    fake.setFaults({ primaryRateLimit: { count: 1, status: 429, resetInSeconds: 5 } });
    const primary = await get('/repos/pallets/flask');
    expect(primary.status).toBe(429);
    expect(primary.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(primary.headers.get('x-ratelimit-reset')) - Date.now() / 1000).toBeGreaterThan(3);

    fake.setFaults({ secondaryRateLimit: { count: 1 } });
    const secondary = await get('/repos/pallets/flask');
    expect(secondary.status).toBe(403);
    expect(secondary.headers.get('retry-after')).toBe('1');
    expect(((await secondary.json()) as { message: string }).message).toMatch(/secondary rate limit/);

    fake.setFaults({ unauthorized: { count: 1 } });
    expect((await get('/repos/pallets/flask', { authorization: 'token any-token' })).status).toBe(401);
    expect((await get('/repos/pallets/flask')).status).toBe(200);
  });
});

describe('GraphQL', () => {
  it('executes against GitHub\'s schema with per-alias NOT_FOUND and partial data', async () => {
    const { status, body } = await gql(`query { rateLimit { cost remaining limit resetAt }
      a: repository(owner: "visionmedia", name: "express") { nameWithOwner issues(states: OPEN) { totalCount } }
      b: repository(owner: "ghost", name: "missing") { nameWithOwner } }`);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ rateLimit: { cost: 1, remaining: 4999, limit: 5000 }, a: { nameWithOwner: 'expressjs/express', issues: { totalCount: 120 } }, b: null });
    expect(body.errors).toEqual([expect.objectContaining({ type: 'NOT_FOUND', path: ['b'], message: "Could not resolve to a Repository with the name 'ghost/missing'." })]);
    expect(fake.requests[0]?.graphql).toEqual({ valid: true, aliases: 2, cost: 1 });
  });

  it('answers an invalid document with errors and logs it as invalid', async () => {
    const { status, body } = await gql('query { repository(owner: "a", name: "b") { starCount } }');
    expect(status).toBe(200);
    expect(body.errors?.[0]?.message).toMatch(/Cannot query field "starCount"/);
    expect(fake.requests[0]?.graphql?.valid).toBe(false);
  });

  it('charges GitHub\'s cost: connections per parent, /100, rounded', async () => {
    const repo = (i: number) => `r${i}: repository(owner: "pallets", name: "flask") { watchers { totalCount } issues { totalCount }
      releases(first: 20) { nodes { tagName } } refs(refPrefix: "refs/tags/", first: 10) { nodes { name } } }`;
    const { body } = await gql(`query { rateLimit { cost } ${Array.from({ length: 50 }, (_, i) => repo(i)).join(' ')} }`);
    expect(body.data?.rateLimit).toEqual({ cost: 2 });
    // Connections under 100 search results count 100 times each: 1 + 100 + 100 requests.
    const nested = await gql(`query { search(type: REPOSITORY, query: "flask", first: 100) { nodes { ... on Repository {
      releases(first: 5) { totalCount } refs(refPrefix: "refs/tags/", first: 5) { totalCount } } } } }`);
    expect(nested.body.errors).toBeUndefined();
    expect(fake.requests.map((r) => r.graphql?.cost)).toEqual([2, 2]);
  });

  it('enforces pagination limits and orders tags by commit date', async () => {
    const tooMany = await gql('query { repository(owner: "django", name: "django") { releases(first: 101) { nodes { tagName } } } }');
    expect(tooMany.body.errors?.[0]?.message).toMatch(/exceeds the `first` limit of 100/);
    const { body } = await gql(`query { repository(owner: "django", name: "django") {
      refs(refPrefix: "refs/tags/", first: 3, orderBy: {field: TAG_COMMIT_DATE, direction: DESC}) {
        pageInfo { hasNextPage } nodes { name target { ... on Tag { tagger { date } } } } } } }`);
    expect(body.data).toMatchObject({ repository: { refs: { pageInfo: { hasNextPage: true }, nodes: [{ name: '6.0a1' }, { name: '5.2.6' }, { name: '4.2.23' }] } } });
  });

  it('requires authentication', async () => {
    const res = await fetch(fake.graphqlUrl, { method: 'POST', body: JSON.stringify({ query: '{ viewer { login } }' }) });
    expect(res.status).toBe(401);
  });
});
