/** REST routes of the fake: repository, releases, tags, git refs/tags, commits and search. */
import { tagObjectSha, type FakeRepo, type FakeTag } from './fixtures.js';
import {
  commitBody,
  gitRefBody,
  gitTagBody,
  pullSearchItemBody,
  releaseBody,
  repoBody,
  searchItemBody,
  tagListBody,
} from './rest-bodies.js';
import type { SchemaName } from './openapi.js';

export interface RestAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** The OpenAPI schema the body follows, for optional validation. */
  schema?: { name: SchemaName; shape: 'item' | 'list' | 'search' };
}

export interface RestContext {
  base: string;
  repos: FakeRepo[];
  authenticated: boolean;
}

const DOCS = 'https://docs.github.com/rest';
const notFound = (): RestAnswer => ({ status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } });

/** GitHub's id of a fixture: its place in the list, so a rename keeps it and a reused name gets another. */
export const databaseIdOf = (repos: FakeRepo[], repo: FakeRepo): number => 1000 + repos.indexOf(repo);
const repoId = (ctx: RestContext, repo: FakeRepo): number => databaseIdOf(ctx.repos, repo);
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function findRepo(repos: FakeRepo[], owner: string, name: string): { repo: FakeRepo; renamed: boolean } | undefined {
  const current = repos.find((r) => same(r.owner, owner) && same(r.name, name));
  if (current) return { repo: current, renamed: false };
  const old = repos.find((r) => r.renamedFrom?.some((o) => same(o, `${owner}/${name}`)));
  return old ? { repo: old, renamed: true } : undefined;
}

/** The qualifiers of a search query (`language:Go`, `topic:web-framework`, `stars:>N`, `archived:false`, `in:name`). */
function qualifiers(words: string[]) {
  const value = (key: string) => words.find((w) => w.startsWith(`${key}:`))?.slice(key.length + 1).replace(/"/g, '');
  const stars = /^>(\d+)$/.exec(value('stars') ?? '');
  return { language: value('language'), topic: value('topic'), archived: value('archived'), minStars: stars ? Number(stars[1]) + 1 : 0 };
}

/** Search in the spirit of GitHub's: every term in the name (or description), qualifiers filter, stars order. */
export function searchRepos(repos: FakeRepo[], q: string): { repo: FakeRepo; score: number }[] {
  const words: string[] = q.match(/\S+:"[^"]*"|\S+/g) ?? [];
  const { language, topic, archived, minStars } = qualifiers(words);
  const nameOnly = words.includes('in:name');
  const terms = words.filter((w) => !w.includes(':')).map((w) => w.toLowerCase().replace(/"/g, ''));
  return repos
    .filter((r) => !language || same(r.primaryLanguage ?? '', language))
    .filter((r) => (!topic || (r.topics ?? []).includes(topic)) && r.stars >= minStars && (archived === undefined || String(r.archived) === archived))
    .filter((r) => terms.every((t) => r.name.toLowerCase().includes(t) || (!nameOnly && r.description.toLowerCase().includes(t))))
    .map((r) => ({ repo: r, score: (terms.join('-') === r.name.toLowerCase() ? 100 : 10) + Math.log10(1 + r.stars) }))
    .sort((a, b) => b.repo.stars - a.repo.stars);
}

function paginate<T>(ctx: RestContext, path: string, url: URL, items: T[]): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
  const pageNo = Math.max(1, Number(url.searchParams.get('page') ?? 1));
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (page: number, rel: string) => {
    const params = new URLSearchParams(url.searchParams);
    params.set('per_page', String(perPage));
    params.set('page', String(page));
    return `<${ctx.base}${path}?${params}>; rel="${rel}"`;
  };
  const rels: string[] = [];
  if (pageNo > 1) rels.push(link(pageNo - 1, 'prev'));
  if (pageNo < last) rels.push(link(pageNo + 1, 'next'), link(last, 'last'));
  if (pageNo > 1) rels.push(link(1, 'first'));
  return { page: items.slice((pageNo - 1) * perPage, pageNo * perPage), headers: rels.length > 0 ? { link: rels.join(', ') } : {} };
}

function repoRoute(ctx: RestContext, repo: FakeRepo, rest: string, url: URL, path: string): RestAnswer {
  const api = ctx.base;
  if (rest === '') return { status: 200, body: repoBody(api, repo, repoId(ctx, repo)), schema: { name: 'full-repository', shape: 'item' } };
  if (rest === '/releases') {
    // Drafts are only listed for push access; the fake treats every token as a maintainer's.
    const visible = repo.releases.filter((r) => ctx.authenticated || !r.isDraft);
    const sorted = [...visible].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    const { page, headers } = paginate(ctx, path, url, sorted);
    const body = page.map((r) => releaseBody(api, repo, r, repoId(ctx, repo) * 1000 + repo.releases.indexOf(r)));
    return { status: 200, body, headers, schema: { name: 'release', shape: 'list' } };
  }
  if (rest === '/tags') {
    // GitHub lists tags by name, reverse order, without dates.
    const sorted = [...repo.tags].sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    const { page, headers } = paginate(ctx, path, url, sorted);
    return { status: 200, body: page.map((t) => tagListBody(api, repo, t)), headers, schema: { name: 'tag', shape: 'list' } };
  }
  const matching = /^\/git\/matching-refs\/(.*)$/.exec(rest);
  if (matching) {
    const prefix = `refs/${decodeURIComponent(matching[1] ?? '')}`;
    const refs = repo.tags.filter((t) => `refs/tags/${t.name}`.startsWith(prefix)).sort((a, b) => a.name.localeCompare(b.name));
    return { status: 200, body: refs.map((t) => gitRefBody(api, repo, t)), schema: { name: 'git-ref', shape: 'list' } };
  }
  const gitTag = /^\/git\/tags\/([0-9a-f]{40})$/.exec(rest);
  if (gitTag) {
    const tag = repo.tags.find((t): t is FakeTag & { annotated: { taggerDate: string } } => t.annotated !== undefined && tagObjectSha(repo, t) === gitTag[1]);
    return tag ? { status: 200, body: gitTagBody(api, repo, tag), schema: { name: 'git-tag', shape: 'item' } } : notFound();
  }
  const commit = /^\/commits\/([^/]+)$/.exec(rest);
  if (commit) {
    const ref = decodeURIComponent(commit[1] ?? '');
    const tag = repo.tags.find((t) => t.sha === ref || t.name === ref);
    if (!tag) return { status: 422, body: { message: `No commit found for SHA: ${ref}`, documentation_url: DOCS, status: '422' } };
    return { status: 200, body: commitBody(api, repo, tag), schema: { name: 'commit', shape: 'item' } };
  }
  return notFound();
}

function searchIssues(ctx: RestContext, url: URL, path: string): RestAnswer {
  const q = url.searchParams.get('q') ?? '';
  const repoName = /(?:^|\s)repo:(\S+)/.exec(q)?.[1] ?? '';
  const [owner = '', name = ''] = repoName.split('/');
  const found = findRepo(ctx.repos, owner, name);
  if (!found) {
    return { status: 422, body: { message: 'Validation Failed', errors: [{ message: 'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.', resource: 'Search', field: 'q', code: 'invalid' }], documentation_url: DOCS, status: '422' } };
  }
  const prs = /\bis:pr\b/.test(q);
  const total = prs ? (found.repo.openPullRequests ?? 0) : found.repo.openIssues;
  const { page, headers } = paginate(ctx, path, url, Array.from({ length: total }, (_, i) => total - i));
  const items = page.map((n) => pullSearchItemBody(ctx.base, found.repo, n));
  return { status: 200, body: { total_count: total, incomplete_results: false, items }, headers, schema: { name: 'issue-search-result-item', shape: 'search' } };
}

/** Answers one GET (404 for unknown paths). */
export function restRoute(ctx: RestContext, url: URL): RestAnswer {
  const path = url.pathname;
  if (path === '/search/repositories') {
    const hits = searchRepos(ctx.repos, url.searchParams.get('q') ?? '');
    const { page, headers } = paginate(ctx, path, url, hits);
    const items = page.map((h) => searchItemBody(ctx.base, h.repo, repoId(ctx, h.repo), h.score));
    return { status: 200, body: { total_count: hits.length, incomplete_results: false, items }, headers, schema: { name: 'repo-search-result-item', shape: 'search' } };
  }
  if (path === '/search/issues') return searchIssues(ctx, url, path);

  const byName = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
  if (byName) {
    const found = findRepo(ctx.repos, decodeURIComponent(byName[1] ?? ''), decodeURIComponent(byName[2] ?? ''));
    if (!found) return notFound();
    const rest = byName[3] ?? '';
    if (found.renamed) {
      // Like GitHub: a renamed or transferred repository answers 301 to its /repositories/{id} URL.
      const location = `${ctx.base}/repositories/${repoId(ctx, found.repo)}${rest}${url.search}`;
      return { status: 301, body: { message: 'Moved Permanently', url: location, documentation_url: DOCS }, headers: { location } };
    }
    return repoRoute(ctx, found.repo, rest, url, path);
  }
  const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(path);
  if (byId) {
    const repo = ctx.repos[Number(byId[1]) - 1000];
    return repo ? repoRoute(ctx, repo, byId[2] ?? '', url, path) : notFound();
  }
  return notFound();
}
