/**
 * robots.txt, checked before the crawl: fetched once per site and crawl with the project's own
 * User-Agent and read with Crawlee's RobotsTxtFile for that user agent, so that rules addressed to
 * `stackradar` are obeyed. (Crawlee's built-in check fetches robots.txt with a generated browser
 * User-Agent and reads only the `*` group.)
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { RobotsTxtFile, gotScraping } from '@crawlee/utils';
import type { Logger } from '../logger.js';
import { describeFetchError } from './fetch-response.js';

interface RobotsOptions {
  userAgent: string;
  timeoutSecs: number;
  retries: number;
  retryBaseMs: number;
  logger: Logger;
  signal?: AbortSignal;
}

/**
 * One attempt: the rules, null for none (a 4xx: everything allowed), or why it may be worth retrying.
 * Crawlee's own HTTP client is used, so that loading it is not counted against the first page's timeout.
 */
async function fetchRobotsOnce(url: string, options: RobotsOptions): Promise<RobotsTxtFile | null | { cause: string }> {
  try {
    const response = await gotScraping({
      url,
      headers: { 'user-agent': options.userAgent, accept: 'text/plain' },
      useHeaderGenerator: false,
      timeout: { request: options.timeoutSecs * 1000 },
      retry: { limit: 0 },
      throwHttpErrors: false,
      signal: options.signal,
    });
    const status = response.statusCode;
    if (status >= 200 && status < 300) return RobotsTxtFile.from(url, response.body);
    return status >= 500 ? { cause: `HTTP ${status}` } : null;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return { cause: describeFetchError(error as Error) };
  }
}

/**
 * The rules of one site, retried on 5xx, network errors and timeouts with the backoff pages get. One
 * that stays unavailable is logged and, as before, does not stop the crawl.
 */
async function loadRobots(origin: string, options: RobotsOptions): Promise<RobotsTxtFile | null> {
  const url = `${origin}/robots.txt`;
  for (let attempt = 0; ; attempt++) {
    const result = await fetchRobotsOnce(url, options);
    if (!(result && 'cause' in result)) return result;
    if (attempt >= options.retries) {
      options.logger.warn({ url, cause: result.cause }, 'robots.txt unavailable, fetching anyway');
      return null;
    }
    await sleep(options.retryBaseMs * 2 ** attempt, undefined, { signal: options.signal });
  }
}

/** Splits the URLs into those robots.txt lets this user agent fetch and those it does not. */
export async function checkRobots(urls: string[], options: RobotsOptions): Promise<{ allowed: string[]; disallowed: string[] }> {
  const origins = [...new Set(urls.map((url) => new URL(url).origin))];
  const rules = new Map(await Promise.all(origins.map(async (origin) => [origin, await loadRobots(origin, options)] as const)));
  const isAllowed = (url: string) => rules.get(new URL(url).origin)?.isAllowed(url, options.userAgent) ?? true;
  return { allowed: urls.filter(isAllowed), disallowed: urls.filter((url) => !isAllowed(url)) };
}
