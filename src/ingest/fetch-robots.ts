/**
 * robots.txt, checked before the crawl: fetched once per site with the project's own User-Agent and
 * read with Crawlee's RobotsTxtFile for that user agent, so that rules addressed to `stackradar` are
 * obeyed. (Crawlee's built-in check fetches robots.txt with a generated browser User-Agent and reads
 * only the `*` group.)
 */
import { RobotsTxtFile } from '@crawlee/utils';
import type { Logger } from '../logger.js';

interface RobotsOptions {
  userAgent: string;
  timeoutSecs: number;
  logger: Logger;
  signal?: AbortSignal;
}

/**
 * The rules of one site, or null when it has none to give: a 4xx means no rules (everything allowed), and
 * so does a robots.txt that cannot be fetched, which is logged and does not stop the crawl.
 */
async function loadRobots(origin: string, options: RobotsOptions): Promise<RobotsTxtFile | null> {
  const url = `${origin}/robots.txt`;
  const timeout = AbortSignal.timeout(options.timeoutSecs * 1000);
  try {
    const response = await fetch(url, {
      headers: { 'user-agent': options.userAgent, accept: 'text/plain' },
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    });
    if (response.ok) return RobotsTxtFile.from(url, await response.text());
    if (response.status >= 500) options.logger.warn({ url, status: response.status }, 'robots.txt unavailable, fetching anyway');
    return null;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    options.logger.warn({ url, cause: (error as Error).message }, 'robots.txt unavailable, fetching anyway');
    return null;
  }
}

/** Splits the URLs into those robots.txt lets this user agent fetch and those it does not. */
export async function checkRobots(urls: string[], options: RobotsOptions): Promise<{ allowed: string[]; disallowed: string[] }> {
  const origins = [...new Set(urls.map((url) => new URL(url).origin))];
  const rules = new Map(await Promise.all(origins.map(async (origin) => [origin, await loadRobots(origin, options)] as const)));
  const isAllowed = (url: string) => rules.get(new URL(url).origin)?.isAllowed(url, options.userAgent) ?? true;
  return { allowed: urls.filter(isAllowed), disallowed: urls.filter((url) => !isAllowed(url)) };
}
