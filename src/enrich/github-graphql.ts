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
import { GitHubAuthError, type GitHubClient, type GraphqlError } from './github-client.js';
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
  licenseInfo { spdxId } isArchived pushedAt homepageUrl
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
  pushedAt: string | null;
  homepageUrl: string | null;
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

const errorFor = (alias: string, errors: GraphqlError[]): string | undefined => {
  const e = errors.find((x) => x.path?.[0] === alias);
  if (!e) return undefined;
  return e.type === 'NOT_FOUND' ? 'not found' : e.message;
};

export async function fetchViaGraphql(
  client: GitHubClient,
  repos: { requested: string; owner: string; name: string }[],
  now: Date,
  results: Map<string, RepoResult>,
  stats: Pick<FetchStats, 'graphqlCost' | 'rateLimitRemaining'>,
): Promise<void> {
  const run = async (query: string, variables: Record<string, unknown>) => {
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
      if (err instanceof GitHubAuthError) throw err;
      const message = err instanceof Error ? err.message : String(err);
      client.logger.warn({ err: message }, 'GitHub GraphQL request failed');
      return { data: null, errors: [{ message }] };
    }
  };
  const batchFailure = (errors: GraphqlError[]) => errors.map((e) => e.message).join('; ') || 'empty GraphQL response';

  const pending: Pending[] = [];
  for (let start = 0; start < repos.length; start += BATCH) {
    const batch = repos.slice(start, start + BATCH);
    const variables: Record<string, unknown> = { releasesFirst: FIRST_RELEASES };
    batch.forEach((r, i) => Object.assign(variables, { [`o${i}`]: r.owner, [`n${i}`]: r.name }));
    const query = `query Repositories($releasesFirst: Int!, ${batch.map((_, i) => `$o${i}: String!, $n${i}: String!`).join(', ')}) {
  rateLimit { cost remaining resetAt }
  ${batch.map((_, i) => `r${i}: repository(owner: $o${i}, name: $n${i}) { ...Repo }`).join('\n  ')}
}
${REPO}
${RELEASE_PAGE}`;
    const { data, errors } = await run(query, variables);
    batch.forEach((r, i) => {
      const node = data?.[`r${i}`] as RepoNode | null | undefined;
      // Any error under the alias (NOT_FOUND, or a field that failed) fails that repository only.
      const aliasError = errorFor(`r${i}`, errors);
      if (!node || aliasError) {
        results.set(r.requested, { error: aliasError ?? (data ? 'not found' : batchFailure(errors)) });
        return;
      }
      const releases = nodesOf(node.releases).map(toRelease);
      const repoData: RepoData = {
        repo: node.nameWithOwner,
        stars: node.stargazerCount,
        forks: node.forkCount,
        watchers: node.watchers.totalCount,
        openIssues: node.issues.totalCount,
        license: node.licenseInfo?.spdxId ?? null,
        archived: node.isArchived,
        pushedAt: node.pushedAt,
        homepageUrl: emptyToNull(node.homepageUrl),
        releases,
        tags: [],
      };
      results.set(r.requested, repoData);
      const page = node.releases.pageInfo;
      if (!releases.some((x) => !x.isDraft) && !page.hasNextPage) {
        // Only drafts and nothing more: cadence falls back to tags, fetched from their first page.
        pending.push({ requested: r.requested, data: repoData, kind: 'tags', cursor: null, pages: 0 });
      } else if (page.hasNextPage && needsMoreReleases(releases, now)) {
        pending.push({ requested: r.requested, data: repoData, kind: 'releases', cursor: page.endCursor, pages: 1 });
      }
    });
  }

  while (pending.length > 0) {
    const chunk = pending.splice(0, PAGE_BATCH);
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
    const { data, errors } = await run(query, variables);
    chunk.forEach((p, i) => {
      const node = data?.[`p${i}`] as { releases?: Page<ReleaseNode>; refs?: Page<RefNode> | null } | null | undefined;
      const page = p.kind === 'releases' ? node?.releases : node?.refs;
      const aliasError = errorFor(`p${i}`, errors);
      if (!node || !page || aliasError) {
        // A cadence from a truncated list would be wrong; report the repository as failed instead.
        results.set(p.requested, { error: aliasError ?? batchFailure(errors) });
        return;
      }
      let more: boolean;
      if (p.kind === 'releases') {
        p.data.releases.push(...nodesOf(node.releases).map(toRelease));
        more = needsMoreReleases(p.data.releases, now);
      } else {
        p.data.tags.push(...nodesOf(node.refs).flatMap(toTag));
        more = needsMoreTags(p.data.tags, now);
      }
      if (page.pageInfo.hasNextPage && more && p.pages + 1 < MAX_PAGES) {
        pending.push({ ...p, cursor: page.pageInfo.endCursor, pages: p.pages + 1 });
      }
    });
  }
}
