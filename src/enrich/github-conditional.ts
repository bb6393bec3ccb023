/** Conditional GETs through the ETag cache: unchanged answers cost a 304, which GitHub does not count. */
import { RequestError } from '@octokit/request-error';
import type { GitHubClient } from './github-client.js';

/** What the cache keeps per URL: the fields we read, not GitHub's whole body. */
interface Fetched<T> {
  data: T;
  next: boolean;
}

/**
 * GET with If-None-Match from the cache; a 304 (thrown by Octokit as a RequestError) reuses the cached body.
 * `immutable` answers (objects addressed by SHA) are served from the cache without asking at all.
 */
export async function conditionalGet<T>(
  client: GitHubClient,
  route: string,
  params: Record<string, string | number>,
  trim: (data: unknown) => T,
  opts: { immutable?: boolean } = {},
): Promise<Fetched<T>> {
  const key = client.octokit.request.endpoint(route, params).url;
  const cached = (await client.cache.get(key)) as { etag: string; body: Fetched<T> } | undefined;
  if (cached && opts.immutable) return cached.body;
  try {
    const res = await client.octokit.request(route, { ...params, headers: cached ? { 'if-none-match': cached.etag } : {} });
    const value: Fetched<T> = { data: trim(res.data), next: /rel="next"/.test(String(res.headers.link ?? '')) };
    if (res.headers.etag) await client.cache.set(key, res.headers.etag, value);
    return value;
  } catch (err) {
    if (cached && err instanceof RequestError && err.status === 304) return cached.body;
    throw err;
  }
}
