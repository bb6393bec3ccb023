/**
 * Fetches the article sources: robots.txt first (fetch-robots.ts), then one crawl of the pages it allows
 * (fetch-crawler.ts). Every URL ends either as a page or as a one-line failure naming its cause; an
 * aborted signal rejects the whole fetch instead.
 */
import { userAgent } from '../http/user-agent.js';
import type { Logger } from '../logger.js';
import { crawl, type CrawlOutcome, type CrawlSettings, type FetchedPage } from './fetch-crawler.js';
import { checkRobots } from './fetch-robots.js';

export type { FetchedPage } from './fetch-crawler.js';
export type { SourceType } from './fetch-response.js';

export interface FetchOptions {
  logger: Logger;
  /** Sent with every request, robots.txt included; its product token names the robots.txt group obeyed. */
  userAgent?: string;
  /** Stops the fetch: fetchArticles then rejects, saying it was interrupted. */
  signal?: AbortSignal;
  timeoutSecs?: number;
  maxBytes?: number;
  /** Retries after the first attempt, for 5xx and network errors. */
  retries?: number;
  /** First backoff delay; doubles with every retry. */
  retryBaseMs?: number;
}

export interface FetchFailure {
  url: string;
  error: string;
}

export interface FetchResult {
  /** In the order of the URLs asked for. */
  pages: FetchedPage[];
  failures: FetchFailure[];
}

function interrupted(signal: AbortSignal): Error {
  return new Error('fetch interrupted', { cause: signal.reason });
}

export async function fetchArticles(urls: string[], options: FetchOptions): Promise<FetchResult> {
  const { signal, logger } = options;
  const settings: CrawlSettings = {
    logger,
    signal,
    userAgent: options.userAgent ?? userAgent(),
    timeoutSecs: options.timeoutSecs ?? 30,
    maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
    retries: options.retries ?? 3,
    retryBaseMs: options.retryBaseMs ?? 1000,
  };
  if (signal?.aborted) throw interrupted(signal);
  const robots = await checkRobots(urls, settings).catch((error: unknown) => {
    throw signal?.aborted ? interrupted(signal) : error;
  });
  const outcome: CrawlOutcome = robots.allowed.length > 0 ? await crawl(robots.allowed, settings) : { pages: new Map(), failures: new Map() };
  if (signal?.aborted) throw interrupted(signal);
  for (const url of robots.disallowed) outcome.failures.set(url, 'disallowed by robots.txt');
  const pages: FetchedPage[] = [];
  const failures: FetchFailure[] = [];
  for (const url of urls) {
    const page = outcome.pages.get(url);
    if (page) pages.push(page);
    else failures.push({ url, error: outcome.failures.get(url) ?? 'not fetched (skipped by the crawler)' });
  }
  return { pages, failures };
}
