/**
 * The Octokit instance the enrich step uses: throttling + retry configured for batched read-only traffic,
 * conditional-request cache, request counters, logging that can never print the token, and a quick,
 * single failure when the API host cannot be reached at all.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { RequestError } from '@octokit/request-error';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import type { Logger } from 'pino';
import { userAgent } from '../http/user-agent.js';
import { GitHubAbortedError, GitHubAuthError, GitHubFatalError, GitHubUnreachableError, unreachableCode } from './github-errors.js';

/**
 * Listed first, so its hook sits inside the retry plugin's: an unreachable host surfaces as
 * GitHubUnreachableError, which plugin-retry passes on (it retries only RequestErrors).
 */
function unreachableHost(octokit: Pick<Octokit, 'hook'>): void {
  octokit.hook.error('request', (error) => {
    throw error.cause instanceof GitHubFatalError ? error.cause : error;
  });
}

const GitHubOctokit = Octokit.plugin(unreachableHost, throttling, retry);
type GitHubOctokitInstance = InstanceType<typeof GitHubOctokit>;

/** ETag + body per URL, kept by the store's `http_validators` table (or in memory by createMemoryCache). */
export interface ConditionalCache {
  get(key: string): Promise<{ etag: string; body: unknown } | undefined>;
  set(key: string, etag: string, body: unknown): Promise<void>;
}

export function createMemoryCache(): ConditionalCache & { entries: Map<string, { etag: string; body: unknown }> } {
  const entries = new Map<string, { etag: string; body: unknown }>();
  return {
    entries,
    get: async (key) => {
      const entry = entries.get(key);
      return entry && structuredClone(entry);
    },
    set: async (key, etag, body) => {
      entries.set(key, { etag, body: structuredClone(body) });
    },
  };
}

/** Delays; production defaults, tests shrink them. */
interface GitHubTiming {
  /** plugin-retry waits (n+1)² × this for the n-th retry of a 5xx/network error. Default 1000. */
  retryBaseMs?: number;
  /** Milliseconds per second of Retry-After / x-ratelimit-reset. Default 1000. */
  rateLimitSecondMs?: number;
  /** Spacing of GraphQL requests. Default 50 (the plugin's 1 s is meant for mutations). */
  graphqlMinTimeMs?: number;
  /** Spacing of search requests. Default 100. */
  searchMinTimeMs?: number;
  /** Search requests allowed per minute. Default GitHub's: 10 anonymous, 30 with a token. */
  searchPerMinute?: number;
  /**
   * Waits before the retries of a request whose host cannot be reached (no DNS answer, connection refused),
   * after which the fetch fails with GitHubUnreachableError. Default [250, 750, 2000]: about 3 s.
   */
  unreachableRetryMs?: readonly number[];
}

interface GitHubClientOptions {
  token?: string;
  apiUrl: string;
  /** Default `${apiUrl}/graphql`. */
  graphqlUrl?: string;
  logger: Logger;
  /** Default true. Off: rate limits are not waited out. */
  throttle?: boolean;
  cache: ConditionalCache;
  timing?: GitHubTiming;
  /** Retries of one request after a rate limit. Default 3. */
  rateLimitRetries?: number;
  /** Longer waits fail instead (an exhausted hourly budget). Default 300. */
  maxRateLimitWaitSeconds?: number;
  /** Retries of 5xx and network errors. Default 3. */
  retries?: number;
  /** Default the project's User-Agent without a contact (Octokit appends its own). */
  userAgent?: string;
  /** Stops every request in flight and every later one with GitHubAbortedError. */
  signal?: AbortSignal;
}

export interface GraphqlError {
  type?: string;
  path?: (string | number)[];
  message: string;
}

export interface GitHubClient {
  readonly octokit: GitHubOctokitInstance;
  readonly authenticated: boolean;
  readonly cache: ConditionalCache;
  readonly logger: Logger;
  /** Cumulative over the client's life; callers diff them. */
  readonly counters: { requests: number; notModified: number; rateLimitRemaining: number | null };
  /** A GraphQL query; partial data and per-path errors come back instead of being thrown. */
  graphql<T>(query: string, variables: Record<string, unknown>): Promise<{ data: T | null; errors: GraphqlError[] }>;
}

const isGraphqlResponseError = (e: unknown): e is Error & { errors: GraphqlError[]; data: unknown } =>
  e instanceof Error && e.name === 'GraphqlResponseError' && 'errors' in e;

/** Octokit's log, one level lower for its per-request lines, with the token cut out of every message. */
function octokitLog(logger: Logger, token: string | undefined) {
  const scrub = (message: unknown): string => {
    const text = typeof message === 'string' ? message : String(message);
    return token ? text.split(token).join('[REDACTED]') : text;
  };
  // Octokit passes request options (headers included) as a second argument: only the scrubbed message is kept.
  // Its per-request info lines (and the error lines of every 304) go to debug.
  const at = (level: 'debug' | 'warn') => (message: unknown) => logger[level]({ component: 'octokit' }, scrub(message));
  return { debug: at('debug'), info: at('debug'), warn: at('warn'), error: at('debug') };
}

/**
 * fetch with request counters and a short, bounded retry for an unreachable host. Once the host has
 * been found unreachable, every later request fails at once with the same error.
 */
function countingFetch(counters: GitHubClient['counters'], retryMs: readonly number[], signal: AbortSignal | undefined): typeof fetch {
  let unreachable: GitHubUnreachableError | undefined;
  const attempt = async (input: Parameters<typeof fetch>[0], init: RequestInit | undefined, tries: number): Promise<Response> => {
    if (unreachable) throw unreachable;
    if (signal?.aborted) throw new GitHubAbortedError();
    counters.requests++;
    try {
      return await fetch(input, signal ? { ...init, signal } : init);
    } catch (err) {
      if (signal?.aborted) throw new GitHubAbortedError();
      const code = unreachableCode(err);
      const wait = retryMs[tries];
      if (code === undefined) throw err;
      if (wait === undefined) {
        unreachable ??= new GitHubUnreachableError(new URL(input instanceof Request ? input.url : input).host, code);
        throw unreachable;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
      return attempt(input, init, tries + 1);
    }
  };
  return async (input, init) => {
    const res = await attempt(input, init, 0);
    if (res.status === 304) counters.notModified++;
    const remaining = res.headers.get('x-ratelimit-remaining');
    if (remaining !== null && res.headers.get('x-ratelimit-resource') !== 'search') counters.rateLimitRemaining = Number(remaining);
    return res;
  };
}

/** The throttling plugin's options: rate limits waited out within bounds, GraphQL and search paced. */
function throttleOptions(opts: GitHubClientOptions): ThrottlingOptions {
  const { logger, token } = opts;
  const timing = opts.timing ?? {};
  const maxWait = opts.maxRateLimitWaitSeconds ?? 300;
  const searchPerMinute = timing.searchPerMinute ?? (token ? 30 : 10);
  const maxRetries = opts.rateLimitRetries ?? 3;
  const onLimit = (kind: string) => (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
    const context = { method: options.method, url: options.url, retryAfterSeconds: retryAfter, retryCount };
    if (retryCount >= maxRetries || retryAfter > maxWait) {
      logger.warn(context, `GitHub ${kind} rate limit: giving up (wait ${retryAfter}s, ${retryCount} retries so far)`);
      return false;
    }
    logger.warn(context, `GitHub ${kind} rate limit: waiting ${retryAfter}s before retry ${retryCount + 1}`);
    return true;
  };
  if (opts.throttle === false) return { enabled: false };
  return {
    id: 'stackradar',
    // GraphQL rides the plugin's "write" group (1 at a time, 1 s apart, meant for mutations); our queries
    // are read-only, so keep them serial but close together.
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: timing.graphqlMinTimeMs ?? 50 }),
    // Search allows 10 requests a minute anonymously and 30 with a token: a per-minute reservoir
    // lets a refresh's few searches through at once instead of spacing every one 2 s apart.
    search: new Bottleneck.Group({
      maxConcurrent: 1,
      minTime: timing.searchMinTimeMs ?? 100,
      reservoir: searchPerMinute,
      reservoirRefreshAmount: searchPerMinute,
      reservoirRefreshInterval: 60_000,
    }),
    retryAfterBaseValue: timing.rateLimitSecondMs ?? 1000,
    onRateLimit: onLimit('primary'),
    onSecondaryRateLimit: onLimit('secondary'),
  };
}

export function createGitHubClient(opts: GitHubClientOptions): GitHubClient {
  const { logger, token } = opts;
  const timing = opts.timing ?? {};
  const counters: GitHubClient['counters'] = { requests: 0, notModified: 0, rateLimitRemaining: null };
  const apiUrl = opts.apiUrl.replace(/\/+$/, '');
  const octokit = new GitHubOctokit({
    ...(token ? { auth: token } : {}),
    baseUrl: apiUrl,
    userAgent: opts.userAgent ?? userAgent(),
    log: octokitLog(logger, token),
    request: { fetch: countingFetch(counters, timing.unreachableRetryMs ?? [250, 750, 2000], opts.signal) },
    throttle: throttleOptions(opts),
    retry: {
      retries: opts.retries ?? 3,
      retryAfterBaseValue: timing.retryBaseMs ?? 1000,
      // 429 is the throttling plugin's to wait out; retrying it here too would double the attempts.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
  });
  // Registered last, so it sees errors after both plugins gave up.
  octokit.hook.error('request', (error) => {
    if (error instanceof RequestError && error.status === 401) throw new GitHubAuthError();
    throw error;
  });

  // For a GHES `/api/v3` base URL Octokit itself posts to `/api/graphql`.
  const graphql = octokit.graphql.defaults({ url: opts.graphqlUrl ?? `${apiUrl}/graphql` });
  return {
    octokit,
    authenticated: token !== undefined && token !== '',
    cache: opts.cache,
    logger,
    counters,
    async graphql<T>(query: string, variables: Record<string, unknown>) {
      try {
        const data = await graphql<T>(query, variables);
        return { data, errors: [] };
      } catch (err) {
        if (isGraphqlResponseError(err)) return { data: (err.data ?? null) as T | null, errors: err.errors };
        throw err;
      }
    },
  };
}
