/**
 * The topic search of review's `contender` finding: the most starred repositories tagged `web-framework`
 * in one language, above a number of stars. REST `/search/repositories` with or without a token, so the
 * client's search pacing (30 a minute with a token, 10 without) covers it and no GraphQL budget is spent.
 */
import { RequestError } from '@octokit/request-error';
import type { GitHubClient } from './github-client.js';
import { quote } from './github-search.js';

export interface TopicSearchResult {
  query: string;
  totalCount: number;
  repos: { repo: string; name: string; stars: number; description: string | null }[];
}

/** One page of the most starred: more would only list frameworks below the first hundred of a language. */
const PER_PAGE = 100;

interface SearchItem {
  full_name: string;
  name: string;
  stargazers_count: number;
  description: string | null;
  archived?: boolean;
}

/** The search, or null when GitHub's search limit is spent (403/429 once the client's bounded waits gave up). */
export async function searchTopic(client: GitHubClient, language: string, minStars: number): Promise<TopicSearchResult | null> {
  const query = `topic:web-framework language:${quote(language)} stars:>${minStars} archived:false`;
  let data;
  try {
    ({ data } = await client.octokit.request('GET /search/repositories', { q: query, sort: 'stars', order: 'desc', per_page: PER_PAGE }));
  } catch (error) {
    if (error instanceof RequestError && (error.status === 403 || error.status === 429)) return null;
    throw error;
  }
  const items = (data.items as SearchItem[]).filter((i) => i.archived !== true);
  return {
    query,
    totalCount: data.total_count,
    repos: items.map((i) => ({ repo: i.full_name, name: i.name, stars: i.stargazers_count, description: i.description ?? null })),
  };
}
