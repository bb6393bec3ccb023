/**
 * Docs link checker: HEAD (falling back to GET) with manually followed redirects, every hop vetted by
 * the network guard and connected to the vetted address only. A batch runs many checks at once but
 * only a few per host, since docs often share one (hexdocs.pm, readthedocs.io, docs.rs).
 */
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import Bottleneck from 'bottleneck';
import { cachedLookup, pinnedLookup, vetUrl, type LookupFn, type ResolvedAddress } from './network-guard.js';

type DocsCheckError =
  | 'blocked'
  | 'timeout'
  | 'dns'
  | 'tls'
  | 'connection'
  | 'redirects'
  | 'invalid-url'
  | 'http';

export interface DocsCheckResult {
  /** Final HTTP status after redirects; null when `error` says why there is none. */
  status: number | null;
  error: DocsCheckError | null;
  /** The last URL requested (or refused); null when the input was not a URL. */
  finalUrl: string | null;
  /** The first answer, its redirect not followed: a 301/308 there says the link itself should change. */
  firstStatus: number | null;
  /** Where that first answer redirected to (absolute), when it was a redirect. */
  movedTo: string | null;
  checkedAt: Date;
}

export interface DocsCheckOptions {
  allowPrivateNetwork: boolean;
  /** Budget for one URL, all hops and the HEAD→GET fallback included. */
  timeoutMs?: number;
  /** Checks in flight at once in a batch. Default 64. */
  concurrency?: number;
  /** Checks in flight at once per host (of the link as given) in a batch. Default 3. */
  perHost?: number;
  maxRedirects?: number;
  userAgent: string;
  /** DNS resolver (all addresses of a host); defaults to a c-ares lookup cached for the batch. */
  lookup?: LookupFn;
  /**
   * Test seam: reroutes the socket AFTER the guard approved `address`. Tests use it to serve a
   * "public" address from 127.0.0.1; production code leaves it unset.
   */
  connectOverride?: (target: { address: string; port: number }) => { address: string; port: number };
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** HEAD answers that often mean "HEAD not supported" rather than "page broken". */
const HEAD_FALLBACK_STATUSES = new Set([400, 403, 405, 501]);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ABORT_ERR', 'UND_ERR_CONNECT_TIMEOUT']);
const DEFAULT_CONCURRENCY = 64;
const DEFAULT_PER_HOST = 3;

interface HopResponse {
  status: number;
  location: string | undefined;
}

function classify(err: unknown, aborted: boolean, isHttps: boolean): DocsCheckError {
  if (aborted) return 'timeout';
  const e = err as NodeJS.ErrnoException | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (e?.name === 'AbortError' || TIMEOUT_CODES.has(code)) return 'timeout';
  if (DNS_CODES.has(code)) return 'dns';
  if (/CERT|SSL|TLS/.test(code) || (isHttps && code === 'EPROTO')) return 'tls';
  if (code.startsWith('HPE_')) return 'http';
  return 'connection';
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = (): void => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/** One request; resolves as soon as the status line and headers arrive, never reads the body. */
function requestOnce(
  url: URL,
  method: 'HEAD' | 'GET',
  hostname: string,
  addresses: ResolvedAddress[],
  opts: DocsCheckOptions,
  signal: AbortSignal,
): Promise<HopResponse> {
  const isHttps = url.protocol === 'https:';
  const port = Number(url.port) || (isHttps ? 443 : 80);
  const first = addresses[0];
  const override = first && opts.connectOverride?.({ address: first.address, port });
  return new Promise((resolve, reject) => {
    const req = (isHttps ? https : http).request({
      method,
      // A literal IP host skips `lookup`; a name gets only the vetted addresses through it.
      host: override?.address ?? hostname,
      port: override?.port ?? port,
      lookup: pinnedLookup(addresses),
      path: `${url.pathname}${url.search}`,
      headers: { host: url.host, 'user-agent': opts.userAgent, accept: '*/*' },
      agent: false,
      signal,
      ...(isHttps && !isIP(hostname) ? { servername: hostname } : {}),
    });
    req.on('error', reject);
    req.on('response', (res) => {
      res.on('error', () => {}); // destroying below may emit; the answer is already known
      resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      res.destroy();
    });
    req.end();
  });
}

/** Does one hop: HEAD, then GET when HEAD is refused or breaks at the protocol level. */
async function fetchHop(
  url: URL,
  hostname: string,
  addresses: ResolvedAddress[],
  opts: DocsCheckOptions,
  signal: AbortSignal,
): Promise<HopResponse> {
  let head: HopResponse;
  try {
    head = await requestOnce(url, 'HEAD', hostname, addresses, opts, signal);
  } catch (err) {
    const kind = classify(err, signal.aborted, url.protocol === 'https:');
    const code = (err as NodeJS.ErrnoException).code;
    if (kind !== 'http' && code !== 'ECONNRESET') throw err;
    return requestOnce(url, 'GET', hostname, addresses, opts, signal);
  }
  if (!HEAD_FALLBACK_STATUSES.has(head.status)) return head;
  return requestOnce(url, 'GET', hostname, addresses, opts, signal);
}

/** Checks one URL; never throws. */
export async function checkDocsLink(rawUrl: string, opts: DocsCheckOptions): Promise<DocsCheckResult> {
  let first: { status: number; movedTo: string | null } | undefined;
  const done = (status: number | null, error: DocsCheckError | null, finalUrl: string | null): DocsCheckResult => ({
    status,
    error,
    finalUrl,
    firstStatus: first?.status ?? null,
    movedTo: first?.movedTo ?? null,
    checkedAt: new Date(),
  });
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return done(null, 'invalid-url', null);
  }
  const guard = { allowPrivateNetwork: opts.allowPrivateNetwork, lookup: opts.lookup ?? cachedLookup() };
  const maxRedirects = opts.maxRedirects ?? 5;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 5000);
  const aborted = rejectOnAbort(controller.signal);
  aborted.catch(() => {});
  try {
    for (let redirects = 0; ; redirects++) {
      // Each hop is vetted (and resolved exactly once) before anything connects to it.
      const verdict = await Promise.race([vetUrl(url, guard), aborted]);
      if (!verdict.ok) return done(null, verdict.error, url.href);
      let hop: HopResponse;
      try {
        hop = await fetchHop(url, verdict.hostname, verdict.addresses, opts, controller.signal);
      } catch (err) {
        return done(null, classify(err, controller.signal.aborted, url.protocol === 'https:'), url.href);
      }
      const redirect = REDIRECT_STATUSES.has(hop.status) && hop.location !== undefined;
      const next = redirect ? URL.parse(hop.location ?? '', url.href) : null;
      first ??= { status: hop.status, movedTo: next?.href ?? null };
      if (!redirect) return done(hop.status, null, url.href);
      if (redirects >= maxRedirects) return done(null, 'redirects', url.href);
      if (!next) return done(null, 'invalid-url', url.href);
      url = next;
    }
  } catch (err) {
    return done(null, classify(err, controller.signal.aborted, url.protocol === 'https:'), url.href);
  } finally {
    clearTimeout(timer);
    controller.abort(); // settles `aborted` and tears down anything still attached to the signal
  }
}

const atLeastOne = (value: number | undefined, fallback: number): number => Math.max(1, Math.floor(value ?? fallback));

/** The host a link is capped under; a link that is not a URL fails at once and needs no cap. */
const hostOf = (url: string): string => URL.parse(url)?.hostname.toLowerCase() ?? '';

/**
 * Checks many URLs at once, a few per host; identical URLs are checked once. Keys keep input order.
 * A link waits for its host's turn before it takes one of the batch's slots, so a crowd of links on one
 * host never holds slots that links to other hosts could use.
 */
export async function checkDocsLinks(
  urls: string[],
  opts: DocsCheckOptions,
): Promise<Map<string, DocsCheckResult>> {
  const unique = [...new Set(urls)];
  const shared: DocsCheckOptions = { ...opts, lookup: opts.lookup ?? cachedLookup() };
  const batch = new Bottleneck({ maxConcurrent: atLeastOne(opts.concurrency, DEFAULT_CONCURRENCY) });
  const perHost = atLeastOne(opts.perHost, DEFAULT_PER_HOST);
  const hosts = new Map<string, Bottleneck>();
  const hostLimiter = (host: string): Bottleneck => {
    const existing = hosts.get(host);
    if (existing) return existing;
    const created = new Bottleneck({ maxConcurrent: perHost });
    hosts.set(host, created);
    return created;
  };
  const check = async (url: string): Promise<[string, DocsCheckResult]> => [
    url,
    await hostLimiter(hostOf(url)).schedule(() => batch.schedule(() => checkDocsLink(url, shared))),
  ];
  return new Map(await Promise.all(unique.map(check)));
}
