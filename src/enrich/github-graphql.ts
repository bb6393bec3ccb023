/**
 * The token path: up to 49 repositories per GraphQL query (aliases r0…r48, one shared fragment), then
 * batched follow-up pages only for repositories whose cadence window is not covered yet, and the tags of
 * repositories without Releases (Django).
 *
 * Cost (GitHub: one request per connection per parent, summed, /100, rounded, at least 1): each repository
 * selects three connections (watchers, issues, releases), so a 49-repository query is 147 → 1 point.
 * Fifty would be 150 → 2 points, and asking for `refs` up front too made it 200 → 2: the point budget,
 * not the request count, is what limits a token (bench/, docs/benchmarks.md), so tags wait for a
 * follow-up that only tags-only repositories need.
 */
import { needsMoreReleases, needsMoreTags } from './cadence.js';
import { GitHubFatalError } from './github-errors.js';
import type { GitHubClient, GraphqlError } from './github-client.js';
import { emptyToNull, type FetchStats, type RepoData, type RepoRelease, type RepoResult, type RepoTag } from './github-types.js';

const BATCH = 49;
/** Follow-ups select one connection per repository: 50 stay within 1 point. */
const PAGE_BATCH = 50;
/** First-page size: enough for a year of most projects; weekly shippers (Laravel) get a follow-up page. */
const FIRST_RELEASES = 20;
const PAGE = 100;
const MAX_PAGES = 10;
const LOW_BUDGET = 100;

const RELEASE_ARGS = 'orderBy: {field: CREATED_AT, direction: DESC}';
const TAG_ARGS = 'refPrefix: "refs/tags/", orderBy: {field: TAG_COMMIT_DATE, direction: DESC}';
const RELEASE_PAGE = `fragment ReleasePage on ReleaseConnection {
  pageInfo { hasNextPage endCursor }
  nodes { tagName name isDraft isPrerelease publishedAt createdAt }
}`;
const TAG_PAGE = `fragment TagPage on RefConnection {
  pageInfo { hasNextPage endCursor }
  nodes { name target { __typename ... on Commit { committedDate } ... on Tag { tagger { date } target { ... on Commit { committedDate } } } } }
}`;
const REPO = `fragment Repo on Repository {
  nameWithOwner stargazerCount forkCount watchers { totalCount } issues(states: OPEN) { totalCount }
  licenseInfo { spdxId } isArchived isDisabled databaseId pushedAt homepageUrl
  defaultBranchRef { target { ... on Commit { committedDate } } }
  releases(first: $releasesFirst, ${RELEASE_ARGS}) { ...ReleasePage }
}`;

interface Page<N> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: (N | null)[] | null;
}
interface ReleaseNode {
  tagName: string;
  name: string | null;
  isDraft: boolean;
  isPrerelease: boolean;
  publishedAt: string | null;
  createdAt: string;
}
interface RefNode {
  name: string;
  target: { __typename: string; committedDate?: string; tagger?: { date: string | null } | null; target?: { committedDate?: string } } | null;
}
interface RepoNode {
  nameWithOwner: string;
  stargazerCount: number;
  forkCount: number;
  watchers: { totalCount: number };
  issues: { totalCount: number };
  licenseInfo: { spdxId: string | null } | null;
  isArchived: boolean;
  isDisabled: boolean;
  databaseId: number | null;
  pushedAt: string | null;
  homepageUrl: string | null;
  defaultBranchRef: { target: { committedDate?: string } | null } | null;
  releases: Page<ReleaseNode>;
}
type QueryData = Record<string, unknown> & { rateLimit?: { cost: number; remaining: number; resetAt: string } | null };

interface Pending {
  requested: string;
  data: RepoData;
  kind: 'releases' | 'tags';
  cursor: string | null;
  pages: number;
}

const nodesOf = <N>(page: Page<N> | null | undefined): N[] => (page?.nodes ?? []).filter((n): n is N => n !== null);

const toRelease = (n: ReleaseNode): RepoRelease => ({
  tag: n.tagName, name: n.name, isDraft: n.isDraft, isPrerelease: n.isPrerelease, publishedAt: n.publishedAt, createdAt: n.createdAt,
});

function toTag(n: RefNode): RepoTag[] {
  const t = n.target;
  const taggerDate = t?.__typename === 'Tag' ? (t.tagger?.date ?? null) : null;
  const commitDate = (t?.__typename === 'Tag' ? t.target?.committedDate : t?.committedDate) ?? taggerDate;
  return commitDate ? [{ name: n.name, taggerDate, commitDate }] : [];
}

const errorFor = (alias: string, errors: GraphqlError[]): { error: string; missing?: boolean } | undefined => {
  const e = errors.find((x) => x.path?.[0] === alias);
  if (!e) return undefined;
  return e.type === 'NOT_FOUND' ? { error: 'not found', missing: true } : { error: e.message };
};

type Wanted = { requested: string; owner: string; name: string };
type Stats = Pick<FetchStats, 'graphqlCost' | 'rateLimitRemaining'>;
type Run = (query: string, variables: Record<string, unknown>) => Promise<{ data: QueryData | null; errors: GraphqlError[] }>;

/**
 * One query, its cost added to `stats`. A failed request becomes a batch-wide error (each repository of
 * the batch fails with it); a fatal one (token, unreachable host) ends the fetch.
 */
function runner(client: GitHubClient, stats: Stats): Run {
  return async (query, variables) => {
    try {
      const res = await client.graphql<QueryData>(query, variables);
      const rate = res.data?.rateLimit;
      if (rate) {
        stats.graphqlCost += rate.cost;
        stats.rateLimitRemaining = rate.remaining;
        if (rate.remaining < LOW_BUDGET) client.logger.warn({ remaining: rate.remaining, resetAt: rate.resetAt }, 'GitHub GraphQL budget nearly spent');
      }
      return res;
    } catch (err) {
      if (err instanceof GitHubFatalError) throw err;
      const message = err instanceof Error ? err.message : String(err);
      client.logger.warn({ err: message }, 'GitHub GraphQL request failed');
      return { data: null, errors: [{ message }] };
    }
  };
}

const batchFailure = (errors: GraphqlError[]) => errors.map((e) => e.message).join('; ') || 'empty GraphQL response';

function firstPageQuery(batch: Wanted[]): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = { releasesFirst: FIRST_RELEASES };
  batch.forEach((r, i) => Object.assign(variables, { [`o${i}`]: r.owner, [`n${i}`]: r.name }));
  const query = `query Repositories($releasesFirst: Int!, ${batch.map((_, i) => `$o${i}: String!, $n${i}: String!`).join(', ')}) {
  rateLimit { cost remaining resetAt }
  ${batch.map((_, i) => `r${i}: repository(owner: $o${i}, name: $n${i}) { ...Repo }`).join('\n  ')}
}
${REPO}
${RELEASE_PAGE}`;
  return { query, variables };
}

const toRepoData = (node: RepoNode): RepoData => ({
  repo: node.nameWithOwner,
  stars: node.stargazerCount,
  forks: node.forkCount,
  watchers: node.watchers.totalCount,
  openIssues: node.issues.totalCount,
  license: node.licenseInfo?.spdxId ?? null,
  archived: node.isArchived,
  disabled: node.isDisabled,
  databaseId: node.databaseId,
  pushedAt: node.pushedAt,
  lastCommitAt: node.defaultBranchRef?.target?.committedDate ?? null,
  homepageUrl: emptyToNull(node.homepageUrl),
  releases: nodesOf(node.releases).map(toRelease),
  tags: [],
});

/** What a repository still needs after its first page, if anything. */
function followUp(requested: string, data: RepoData, page: Page<ReleaseNode>['pageInfo'], now: Date): Pending | undefined {
  if (!data.releases.some((x) => !x.isDraft) && !page.hasNextPage) {
    // Only drafts and nothing more: cadence falls back to tags, fetched from their first page.
    return { requested, data, kind: 'tags', cursor: null, pages: 0 };
  }
  if (page.hasNextPage && needsMoreReleases(data.releases, now)) {
    return { requested, data, kind: 'releases', cursor: page.endCursor, pages: 1 };
  }
  return undefined;
}

/** Figures and the first Releases of every repository, 49 per query; returns the follow-ups needed. */
async function firstPages(run: Run, repos: Wanted[], now: Date, results: Map<string, RepoResult>): Promise<Pending[]> {
  const pending: Pending[] = [];
  for (let start = 0; start < repos.length; start += BATCH) {
    const batch = repos.slice(start, start + BATCH);
    const { query, variables } = firstPageQuery(batch);
    const { data, errors } = await run(query, variables);
    batch.forEach((r, i) => {
      const node = data?.[`r${i}`] as RepoNode | null | undefined;
      // Any error under the alias (NOT_FOUND, or a field that failed) fails that repository only.
      const aliasError = errorFor(`r${i}`, errors);
      if (!node || aliasError) {
        results.set(r.requested, aliasError ?? (data ? { error: 'not found', missing: true } : { error: batchFailure(errors) }));
        return;
      }
      const repoData = toRepoData(node);
      results.set(r.requested, repoData);
      const next = followUp(r.requested, repoData, node.releases.pageInfo, now);
      if (next) pending.push(next);
    });
  }
  return pending;
}

function morePagesQuery(chunk: Pending[]): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const fields = chunk.map((p, i) => {
    const [owner, name] = p.data.repo.split('/');
    Object.assign(variables, { [`o${i}`]: owner, [`n${i}`]: name, [`c${i}`]: p.cursor });
    const connection = p.kind === 'releases'
      ? `releases(first: ${PAGE}, after: $c${i}, ${RELEASE_ARGS}) { ...ReleasePage }`
      : `refs(first: ${PAGE}, after: $c${i}, ${TAG_ARGS}) { ...TagPage }`;
    return `p${i}: repository(owner: $o${i}, name: $n${i}) { ${connection} }`;
  });
  const used = new Set(chunk.map((p) => p.kind));
  const query = `query MorePages(${chunk.map((_, i) => `$o${i}: String!, $n${i}: String!, $c${i}: String`).join(', ')}) {
  rateLimit { cost remaining resetAt }
  ${fields.join('\n  ')}
}
${used.has('releases') ? RELEASE_PAGE : ''}
${used.has('tags') ? TAG_PAGE : ''}`;
  return { query, variables };
}

/** Adds one follow-up page to its repository; returns the next follow-up while the window needs more. */
function addPage(p: Pending, node: { releases?: Page<ReleaseNode>; refs?: Page<RefNode> | null }, now: Date): Pending | undefined {
  let more: boolean;
  let pageInfo: Page<unknown>['pageInfo'] | undefined;
  if (p.kind === 'releases') {
    p.data.releases.push(...nodesOf(node.releases).map(toRelease));
    more = needsMoreReleases(p.data.releases, now);
    pageInfo = node.releases?.pageInfo;
  } else {
    p.data.tags.push(...nodesOf(node.refs).flatMap(toTag));
    more = needsMoreTags(p.data.tags, now);
    pageInfo = node.refs?.pageInfo;
  }
  if (!pageInfo?.hasNextPage || !more || p.pages + 1 >= MAX_PAGES) return undefined;
  return { ...p, cursor: pageInfo.endCursor, pages: p.pages + 1 };
}

/** Follow-up pages, 50 repositories per query, until every window is covered (or the page cap is hit). */
async function morePages(run: Run, pending: Pending[], now: Date, results: Map<string, RepoResult>): Promise<void> {
  while (pending.length > 0) {
    const chunk = pending.splice(0, PAGE_BATCH);
    const { query, variables } = morePagesQuery(chunk);
    const { data, errors } = await run(query, variables);
    chunk.forEach((p, i) => {
      const node = data?.[`p${i}`] as { releases?: Page<ReleaseNode>; refs?: Page<RefNode> | null } | null | undefined;
      const page = p.kind === 'releases' ? node?.releases : node?.refs;
      const aliasError = errorFor(`p${i}`, errors);
      if (!node || !page || aliasError) {
        // A cadence from a truncated list would be wrong; report the repository as failed instead.
        results.set(p.requested, { error: aliasError?.error ?? batchFailure(errors) });
        return;
      }
      const next = addPage(p, node, now);
      if (next) pending.push(next);
    });
  }
}

export async function fetchViaGraphql(
  client: GitHubClient,
  repos: Wanted[],
  now: Date,
  results: Map<string, RepoResult>,
  stats: Stats,
): Promise<void> {
  const run = runner(client, stats);
  const pending = await firstPages(run, repos, now, results);
  await morePages(run, pending, now, results);
}
