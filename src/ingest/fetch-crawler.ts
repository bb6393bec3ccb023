/**
 * One crawl of article pages with Crawlee's CheerioCrawler. Every crawl builds a fresh Configuration (no
 * ./storage) and a fresh crawler: reusing one crawler across runs leaks memory in a long-lived scheduler.
 * The application owns SIGINT: a crawl is stopped through its AbortSignal, and Crawlee's own SIGINT
 * handler (which only pauses the crawl, swallowing the user's first Ctrl-C) is taken off again.
 */
import {
  CheerioCrawler,
  Configuration,
  Logger,
  LogLevel,
  NonRetryableError,
  log as crawleeLog,
  type CheerioCrawlingContext,
  type PlainResponse,
  type Request,
} from '@crawlee/cheerio';
import type { Logger as PinoLogger } from '../logger.js';
import { describeFetchError, judgeResponse, type SourceType } from './fetch-response.js';

export interface CrawlSettings {
  logger: PinoLogger;
  userAgent: string;
  timeoutSecs: number;
  maxBytes: number;
  retries: number;
  retryBaseMs: number;
  signal?: AbortSignal;
}

export interface FetchedPage {
  /** The URL asked for. */
  url: string;
  /** The URL the page was served from after redirects: relative links resolve against it. */
  finalUrl: string;
  contentType: SourceType;
  body: string;
}

/** Pages and failure causes by URL; a URL in neither was dropped by the crawler. */
export interface CrawlOutcome {
  pages: Map<string, FetchedPage>;
  failures: Map<string, string>;
}

const ACCEPT = 'text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.8';

/** Sends Crawlee's own log lines to pino (stderr) instead of the console (stdout). */
class PinoForwarder extends Logger {
  constructor(private readonly target: PinoLogger) {
    super({});
  }

  override _log(level: LogLevel, message: string, data?: Record<string, unknown>): void {
    // Our own handlers report every failure in one line; Crawlee's (multi-line) account is for debugging.
    this.target.debug({ crawlee: data, level: LogLevel[level] }, message);
  }
}

/** Rejects a response on its status and type before its body is read, and caps the body's size. */
function checkResponse(request: Request, response: PlainResponse, settings: CrawlSettings, types: Map<string, SourceType>): void {
  const verdict = judgeResponse(response.statusCode ?? 0, response.headers['content-type'], [request.url, response.url ?? request.url]);
  if ('error' in verdict) {
    response.destroy();
    throw verdict.retry ? new Error(verdict.error) : new NonRetryableError(verdict.error);
  }
  types.set(request.uniqueKey, verdict.type);
  const tooLarge = () => new NonRetryableError(`response larger than ${Math.round(settings.maxBytes / 1024 / 1024)} MB`);
  if (Number(response.headers['content-length']) > settings.maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  // A body without Content-Length is cut off as soon as it passes the cap. Got wraps the error given to
  // destroy() in its own type, which hides NonRetryableError from Crawlee: the request says it instead.
  response.on('downloadProgress', ({ transferred }: { transferred: number }) => {
    if (transferred <= settings.maxBytes) return;
    request.noRetry = true;
    response.destroy(tooLarge());
  });
}

function createCrawler(settings: CrawlSettings, outcome: CrawlOutcome): CheerioCrawler {
  const types = new Map<string, SourceType>();
  const { signal } = settings;
  const crawler: CheerioCrawler = new CheerioCrawler(
    {
      maxRequestRetries: settings.retries,
      // Got's network errors count as "session errors" in Crawlee: retry them like any other.
      maxSessionRotations: settings.retries,
      navigationTimeoutSecs: settings.timeoutSecs,
      requestHandlerTimeoutSecs: settings.timeoutSecs,
      useSessionPool: false,
      // checkResponse decides on every status and type itself, the status first.
      additionalMimeTypes: ['*/*'],
      maxConcurrency: 4,
      statisticsOptions: { logIntervalSecs: 3600, saveErrorSnapshots: false },
      preNavigationHooks: [
        (_context, gotOptions) => {
          // An abort that came before the pool existed stops the crawl here, at the first request.
          if (signal?.aborted) void crawler.autoscaledPool?.abort();
          gotOptions.headers = { ...gotOptions.headers, 'user-agent': settings.userAgent, accept: ACCEPT };
          gotOptions.useHeaderGenerator = false;
          gotOptions.signal = signal;
        },
      ],
      postNavigationHooks: [({ request, response }) => response && checkResponse(request, response, settings, types)],
      requestHandler: async ({ request, body }: CheerioCrawlingContext) => {
        const text = typeof body === 'string' ? body : body.toString('utf8');
        const contentType = types.get(request.uniqueKey) ?? 'text/html';
        outcome.pages.set(request.uniqueKey, { url: request.url, finalUrl: request.loadedUrl ?? request.url, contentType, body: text });
      },
      errorHandler: async ({ request }, error) => {
        if (signal?.aborted) return;
        const delay = settings.retryBaseMs * 2 ** request.retryCount;
        settings.logger.warn({ url: request.url, cause: describeFetchError(error), retryInMs: delay }, 'fetch failed, retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
      },
      failedRequestHandler: ({ request }, error) => {
        outcome.failures.set(request.uniqueKey, describeFetchError(error));
      },
    },
    new Configuration({ persistStorage: false, purgeOnStart: true }),
  );
  return crawler;
}

/**
 * Runs the crawler with SIGINT left to the application: the listener `run()` adds is removed as soon as
 * it is added, by comparing the listeners with those there before.
 */
async function runWithoutCrawleeSigint(crawler: CheerioCrawler, urls: string[]): Promise<void> {
  const before = new Set(process.listeners('SIGINT'));
  const dropAdded = (event: string | symbol) => {
    if (event !== 'SIGINT') return;
    queueMicrotask(() => {
      for (const listener of process.listeners('SIGINT')) if (!before.has(listener)) process.off('SIGINT', listener);
    });
  };
  process.on('newListener', dropAdded);
  try {
    await crawler.run(urls.map((url) => ({ url, uniqueKey: url })));
  } finally {
    process.off('newListener', dropAdded);
  }
}

/** Crawls the URLs; rejects when the signal aborts it, as soon as Crawlee's pool has stopped. */
export async function crawl(urls: string[], settings: CrawlSettings): Promise<CrawlOutcome> {
  crawleeLog.setOptions({ logger: new PinoForwarder(settings.logger), level: LogLevel.DEBUG });
  const outcome: CrawlOutcome = { pages: new Map(), failures: new Map() };
  const crawler = createCrawler(settings, outcome);
  const abort = () => void crawler.autoscaledPool?.abort();
  settings.signal?.addEventListener('abort', abort, { once: true });
  try {
    await runWithoutCrawleeSigint(crawler, urls);
    await crawler.teardown();
  } finally {
    settings.signal?.removeEventListener('abort', abort);
  }
  return outcome;
}
