/**
 * Fetches article pages with Crawlee's CheerioCrawler. Every call builds a fresh Configuration (no
 * ./storage) and a fresh crawler: reusing one crawler across runs leaks memory in a long-lived scheduler.
 */
import {
  CheerioCrawler,
  Configuration,
  Logger,
  LogLevel,
  log as crawleeLog,
  type CheerioCrawlingContext,
} from '@crawlee/cheerio';
import type { Logger as PinoLogger } from '../logger.js';

/** Names the project so site owners can tell who is fetching (no contact URL is published yet). */
export const USER_AGENT = 'stackradar/0.1 (technology guide tracker)';
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

export interface FetchOptions {
  logger: PinoLogger;
  timeoutSecs?: number;
  maxBytes?: number;
  /** Retries after the first attempt, for 5xx and network errors. */
  retries?: number;
  /** First backoff delay; doubles with every retry. */
  retryBaseMs?: number;
}

export interface FetchedPage {
  url: string;
  finalUrl: string;
  html: string;
}

export interface FetchFailure {
  url: string;
  error: string;
}

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

/** An error that retrying cannot cure (4xx, wrong type, too large). */
class PermanentFetchError extends Error {}

/** Shortens Crawlee's and got's messages to the cause a user can act on. */
export function describeFetchError(error: Error): string {
  const message = error.message;
  const code = /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|CERT_\w+|ERR_TLS\w*)\b/.exec(message)?.[1];
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code) return `network error ${code}`;
  if (/timed? ?out/i.test(message)) return 'timed out';
  if (/robots\.txt/i.test(message)) return 'disallowed by robots.txt';
  const status = /^(\d{3}) - /.exec(message)?.[1];
  if (status) return `HTTP ${status}`;
  return message.split('\n')[0]!.replace(/ Skipping resource\.$/, '');
}

export async function fetchArticles(urls: string[], options: FetchOptions): Promise<{ pages: FetchedPage[]; failures: FetchFailure[] }> {
  const timeoutSecs = options.timeoutSecs ?? 30;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const retries = options.retries ?? 3;
  crawleeLog.setOptions({ logger: new PinoForwarder(options.logger), level: LogLevel.DEBUG });

  const pages = new Map<string, FetchedPage>();
  const failures = new Map<string, string>();
  const crawler = new CheerioCrawler(
    {
      maxRequestRetries: retries,
      // Got's network errors count as "session errors" in Crawlee: retry them like any other.
      maxSessionRotations: retries,
      navigationTimeoutSecs: timeoutSecs,
      requestHandlerTimeoutSecs: timeoutSecs,
      useSessionPool: false,
      respectRobotsTxtFile: true,
      maxConcurrency: 4,
      statisticsOptions: { logIntervalSecs: 3600, saveErrorSnapshots: false },
      preNavigationHooks: [
        (_context, gotOptions) => {
          gotOptions.headers = { ...gotOptions.headers, 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml' };
          gotOptions.useHeaderGenerator = false;
        },
      ],
      postNavigationHooks: [
        ({ request, response }) => {
          if (!response) return;
          const declared = Number(response.headers['content-length']);
          const tooLarge = () => {
            request.noRetry = true;
            return new PermanentFetchError(`response larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
          };
          if (declared > maxBytes) throw tooLarge();
          // A body without Content-Length is cut off as soon as it passes the cap.
          response.on('downloadProgress', ({ transferred }: { transferred: number }) => {
            if (transferred > maxBytes) response.destroy(tooLarge());
          });
        },
      ],
      requestHandler: async ({ request, response, body, contentType }: CheerioCrawlingContext) => {
        const status = response.statusCode ?? 0;
        if (status >= 400) {
          request.noRetry = true;
          throw new PermanentFetchError(`HTTP ${status}`);
        }
        if (!HTML_TYPES.has(contentType.type)) {
          request.noRetry = true;
          throw new PermanentFetchError(`not an HTML page (Content-Type ${contentType.type})`);
        }
        const html = typeof body === 'string' ? body : body.toString('utf8');
        pages.set(request.uniqueKey, { url: request.url, finalUrl: request.loadedUrl ?? request.url, html });
      },
      errorHandler: async ({ request }, error) => {
        const delay = retryBaseMs * 2 ** request.retryCount;
        options.logger.warn({ url: request.url, cause: describeFetchError(error), retryInMs: delay }, 'fetch failed, retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
      },
      failedRequestHandler: ({ request }, error) => {
        failures.set(request.uniqueKey, describeFetchError(error));
      },
      onSkippedRequest: ({ url, reason }) => {
        failures.set(url, reason === 'robotsTxt' ? 'disallowed by robots.txt' : `skipped (${reason})`);
      },
    },
    new Configuration({ persistStorage: false, purgeOnStart: true }),
  );

  const requests = urls.map((url) => ({ url, uniqueKey: url }));
  await crawler.run(requests);
  await crawler.teardown();
  return {
    pages: urls.filter((url) => pages.has(url)).map((url) => pages.get(url)!),
    failures: urls
      .filter((url) => !pages.has(url))
      .map((url) => ({ url, error: failures.get(url) ?? 'not fetched (skipped by the crawler)' })),
  };
}
