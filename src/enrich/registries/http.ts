/**
 * The one HTTP client every registry module uses, on the global fetch: the project's User-Agent, a
 * timeout per request, retries with backoff on 5xx and network errors (never on other 4xx), 429 honoured
 * through `Retry-After` within a bound, conditional requests, and each endpoint's published pace kept by
 * a Bottleneck limiter. Faults become a RegistryFault that says which of the documented errors applies.
 */
import Bottleneck from 'bottleneck';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PackageError, RegistryStats } from './types.js';
import { PACES, REGISTRY_ENDPOINTS, type Pace, type RegistryEndpoint } from './endpoints.js';

export class RegistryFault extends Error {
  constructor(
    readonly kind: PackageError,
    message: string,
  ) {
    super(message);
  }
}

export interface HttpTiming {
  /** Per attempt, body included. */
  timeoutMs: number;
  /** Attempts after the first on 5xx, network errors, timeouts and 429. */
  retries: number;
  /** Backoff before retry n is retryBaseMs · 2ⁿ⁻¹. */
  retryBaseMs: number;
  /** A 429 asking for a longer wait than this is given up as `rate-limited`. */
  maxRetryAfterMs: number;
  /** Multiplies every pace interval (tests run the limiters faster). */
  paceScale: number;
}

export const DEFAULT_TIMING: HttpTiming = { timeoutMs: 20_000, retries: 2, retryBaseMs: 500, maxRetryAfterMs: 60_000, paceScale: 1 };

/** A 200 with its body and validators, or a 304 for the validator sent. */
export type HttpAnswer = { status: 200; text: string; validator?: string } | { status: 304 };

export interface HttpClient {
  /**
   * GET `url`; `validator` is a stored ETag (sent as If-None-Match) or Last-Modified date (If-Modified-Since);
   * `accept` the media type wanted (JSON unless said).
   */
  get(endpoint: RegistryEndpoint, url: string, validator?: string, accept?: string): Promise<HttpAnswer>;
  stats(): Omit<RegistryStats, 'deferred'>;
}

export interface HttpOptions {
  userAgent: string;
  signal?: AbortSignal;
  timing: HttpTiming;
}

/** Runs jobs within an endpoint's pace. */
interface Pacer {
  schedule<T>(job: () => Promise<T>): Promise<T>;
}

/**
 * A published "N per window" is a bucket of N tokens, each given back one window after its request's
 * answer arrived: a burst of up to N goes at once, and no window of that length, wherever it falls, holds
 * more than N arrivals at the registry, however late a busy machine sends a request after taking its
 * token (a request arrives after it took its token and before its answer, so its token is out for the
 * whole window that follows its arrival). Given back a window after the start instead, the registry-scale
 * bench at load 8 saw 14 RubyGems requests arrive within a second and 2 at crates.io. (A reservoir refilled on
 * a fixed clock would let N through at the end of one period and N more at the start of the next.) 5%
 * longer absorbs the registry's own delay in noting an arrival. A token due back keeps the process alive
 * only while a request waits for it: once the limiter is idle, a finished run exits without waiting out
 * the window.
 */
function pacerFor(pace: Pace, scale: number): Pacer {
  if (!pace.limit) {
    const limiter = new Bottleneck({ maxConcurrent: pace.concurrent });
    return { schedule: (job) => limiter.schedule(job) };
  }
  const windowMs = Math.ceil(pace.limit.perMs * 1.05 * scale);
  const limiter = new Bottleneck({ maxConcurrent: pace.concurrent, reservoir: pace.limit.count });
  const due = new Set<NodeJS.Timeout>();
  limiter.on('idle', () => due.forEach((timer) => timer.unref()));
  const giveBack = () => {
    const timer = setTimeout(() => {
      due.delete(timer);
      void limiter.incrementReservoir(1);
    }, windowMs);
    due.add(timer);
  };
  return {
    schedule: (job) => {
      due.forEach((timer) => timer.ref());
      return limiter.schedule(async () => {
        try {
          return await job();
        } finally {
          giveBack();
        }
      });
    },
  };
}

function conditionalHeaders(validator: string | undefined): Record<string, string> {
  if (validator === undefined) return {};
  // An entity tag is always quoted (RFC 9110 §8.8.3); anything else stored is an HTTP date.
  return /^(?:W\/)?"/.test(validator) ? { 'if-none-match': validator } : { 'if-modified-since': validator };
}

/** Seconds or an HTTP date, as milliseconds from now; undefined when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

type Attempt = { answer: HttpAnswer } | { retryIn: number; fault: RegistryFault };

function judge(response: Response, text: string, attempt: number, timing: HttpTiming): Attempt {
  const { status } = response;
  if (status === 304) return { answer: { status: 304 } };
  if (status >= 200 && status < 300) {
    const validator = response.headers.get('etag') ?? response.headers.get('last-modified') ?? undefined;
    return { answer: { status: 200, text, validator } };
  }
  if (status === 404 || status === 410) throw new RegistryFault('not-found', `HTTP ${status}`);
  const backoff = timing.retryBaseMs * 2 ** attempt;
  if (status === 429) {
    const wait = retryAfterMs(response.headers.get('retry-after'));
    if (wait !== undefined && wait > timing.maxRetryAfterMs) {
      throw new RegistryFault('rate-limited', `HTTP 429, Retry-After ${Math.ceil(wait / 1000)} s is beyond ${timing.maxRetryAfterMs / 1000} s`);
    }
    return { retryIn: wait ?? backoff, fault: new RegistryFault('rate-limited', 'HTTP 429 on every attempt') };
  }
  if (status >= 500) return { retryIn: backoff, fault: new RegistryFault('unavailable', `HTTP ${status}`) };
  throw new RegistryFault('unavailable', `HTTP ${status}`);
}

export function createHttpClient(options: HttpOptions): HttpClient {
  const { timing, signal } = options;
  const pacers = new Map(REGISTRY_ENDPOINTS.map((e) => [e, pacerFor(PACES[e], timing.paceScale)]));
  const requests: Record<string, number> = {};
  let notModified = 0;

  async function once(endpoint: RegistryEndpoint, url: string, validator: string | undefined, accept: string, attempt: number): Promise<Attempt> {
    signal?.throwIfAborted();
    requests[endpoint] = (requests[endpoint] ?? 0) + 1;
    const timeout = AbortSignal.timeout(timing.timeoutMs);
    try {
      const response = await fetch(url, {
        headers: { 'user-agent': options.userAgent, accept, ...conditionalHeaders(validator) },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      const text = await response.text();
      return judge(response, text, attempt, timing);
    } catch (err) {
      signal?.throwIfAborted();
      if (err instanceof RegistryFault) throw err;
      const why = timeout.aborted ? `no answer within ${timing.timeoutMs / 1000} s` : `network error: ${(err as Error).message}`;
      return { retryIn: timing.retryBaseMs * 2 ** attempt, fault: new RegistryFault('unavailable', why) };
    }
  }

  /** Waits for the endpoint's pace, but an abort does not wait for its turn. */
  function scheduled<T>(endpoint: RegistryEndpoint, job: () => Promise<T>): Promise<T> {
    const pacer = pacers.get(endpoint);
    if (!pacer) throw new Error(`no pace for ${endpoint}`);
    if (!signal) return pacer.schedule(job);
    return new Promise<T>((resolve, reject) => {
      const abort = () => reject(signal.reason as Error);
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      pacer
        .schedule(job)
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', abort));
    });
  }

  return {
    async get(endpoint, url, validator, accept = 'application/json') {
      for (let attempt = 0; ; attempt++) {
        const result = await scheduled(endpoint, () => once(endpoint, url, validator, accept, attempt));
        if ('answer' in result) {
          if (result.answer.status === 304) notModified++;
          return result.answer;
        }
        if (attempt >= timing.retries) throw result.fault;
        await sleep(result.retryIn, undefined, { signal });
      }
    },
    stats: () => ({ requests: { ...requests }, notModified }),
  };
}
