/**
 * The GitHub client of the enrich step. With a token: batched GraphQL (github-graphql.ts). Without: REST
 * with conditional requests, within the anonymous 60 requests an hour (github-rest.ts).
 */
import type { GitHubClient } from './github-client.js';
import { fetchViaGraphql } from './github-graphql.js';
import { fetchViaRest } from './github-rest.js';
import { splitRepo, type FetchResult, type RepoResult } from './github-types.js';

export {
  createGitHubClient,
  createMemoryCache,
  type ConditionalCache,
  type GitHubClient,
} from './github-client.js';
export { GitHubAuthError, GitHubFatalError, GitHubUnreachableError } from './github-errors.js';
export { searchRepository } from './github-search.js';
export { searchTopic, type TopicSearchResult } from './github-topics.js';
export type { FetchStats, RepoData, RepoResult } from './github-types.js';

/**
 * Fetches figures, Releases and (for repositories without Releases) tags of `repos` ("owner/name").
 * Results are keyed by the requested name; `repo` in each holds the current name after renames.
 * Throws only a GitHubFatalError (rejected token, unreachable host); every other failure is that
 * repository's `{ error }`.
 */
export async function fetchRepositories(
  client: GitHubClient,
  repos: string[],
  opts: { now: Date; onProgress?: (done: number) => void },
): Promise<FetchResult> {
  const before = { ...client.counters };
  const results = new Map<string, RepoResult>();
  const stats = { graphqlCost: 0, rateLimitRemaining: null as number | null };

  const wanted: { requested: string; owner: string; name: string }[] = [];
  for (const requested of new Set(repos)) {
    const parts = splitRepo(requested);
    if (parts) wanted.push({ requested, ...parts });
    else results.set(requested, { error: 'not an owner/name repository' });
  }

  if (client.authenticated) {
    await fetchViaGraphql(client, wanted, opts.now, results, stats);
  } else {
    const record = (requested: string, result: RepoResult) => {
      results.set(requested, result);
      opts.onProgress?.(results.size);
    };
    await fetchViaRest(client, wanted, opts.now, record);
  }
  opts.onProgress?.(results.size);

  const failed = [...results.values()].filter((r) => 'error' in r).length;
  const requests = client.counters.requests - before.requests;
  client.logger.debug({ repositories: results.size, failed, requests, graphqlCost: stats.graphqlCost }, 'GitHub fetch done');
  return {
    // The caller's order, whatever order the answers came in.
    results: new Map(repos.flatMap((r) => { const v = results.get(r); return v ? [[r, v] as const] : []; })),
    stats: {
      requests,
      notModified: client.counters.notModified - before.notModified,
      graphqlCost: stats.graphqlCost,
      rateLimitRemaining: stats.rateLimitRemaining ?? client.counters.rateLimitRemaining,
    },
  };
}
