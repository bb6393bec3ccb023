/**
 * Fake package registries on one 127.0.0.1 server, each endpoint under its own path prefix (`/npm`,
 * `/npm-downloads`, `/pypi`, …), serving the real APIs' shapes from fixtures.ts, with validators where the
 * real registry sends them (a 304 when they match), switchable faults, a clock for "today", and a log of
 * every request with its time and headers to measure request counts and politeness against.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REGISTRY_ENDPOINTS, type RegistryEndpoint } from '../../../src/enrich/registries/index.js';
import type { Answer } from './answer.js';
import { npmDownloads, npmRegistry } from './routes-npm.js';
import { hex, packagist, rubygems } from './routes-php-ruby-hex.js';
import { pypi, pypistats } from './routes-python.js';
import { crates, goProxy, maven, nuget } from './routes-more.js';

export interface Faults {
  /** Only these endpoints misbehave; all when unset. */
  endpoints?: RegistryEndpoint[];
  latencyMs?: number;
  notFound?: number;
  rateLimited?: { count: number; retryAfterSeconds?: number };
  serverErrors?: { count: number; status?: number };
  /** 200 with an HTML error page instead of the API's body. */
  garbage?: number;
}

export interface RequestLogEntry {
  endpoint: RegistryEndpoint;
  method: string;
  /** Path (without the endpoint's prefix) and query. */
  path: string;
  status: number;
  /** When the request arrived and when its answer was sent, ms since the epoch. */
  at: number;
  doneAt: number;
  headers: Record<string, string>;
  schemaErrors: string[];
}

/** The figures a fixture package implies on its first run (see test/fixtures/registries/expected.json). */
export interface ExpectedFigures {
  version: string | null;
  versionAt: string | null;
  downloadsLastDay: number | null;
  downloadsLastWeek: number | null;
  downloadsLastMonth: number | null;
  downloadsTotal: number | null;
  daily: { first: string; last: string; count: number; sum: number } | null;
}

export interface FakeRegistries {
  urls: Record<RegistryEndpoint, string>;
  /** For STACKRADAR_REGISTRY_URLS. */
  envValue: string;
  requests: RequestLogEntry[];
  setFaults(faults: Faults): void;
  /** The fake's today (YYYY-MM-DD): daily figures run to the day before. */
  setToday(day: string): void;
  /** By `${registry}:${name}`, for a first run on the fixtures' today. */
  expected(key: string): ExpectedFigures;
  resetLog(): void;
  close(): Promise<void>;
}

/** Which validator each real registry sends (the fake answers 304 to it); none for the rest. */
const VALIDATORS: Partial<Record<RegistryEndpoint, 'etag' | 'last-modified'>> = {
  npm: 'etag', pypi: 'etag', rubygems: 'etag', hex: 'etag', crates: 'etag', nuget: 'etag', go: 'last-modified',
};

export const FIXTURE_TODAY = '2026-12-01';

const EXPECTED = JSON.parse(readFileSync(new URL('../../fixtures/registries/expected.json', import.meta.url), 'utf8')) as { packages: Record<string, ExpectedFigures> };

function route(endpoint: RegistryEndpoint, path: string, query: URLSearchParams, today: string, origin: string, accept: string): Answer {
  switch (endpoint) {
    case 'npm': return npmRegistry(path);
    case 'npm-downloads': return npmDownloads(path, today);
    case 'pypi': return pypi(path, accept);
    case 'pypistats': return pypistats(path, query, today);
    case 'rubygems': return rubygems(path);
    case 'packagist': return packagist(path, query, today);
    case 'hex': return hex(path);
    case 'maven': return path === '/solrsearch/select' ? maven(query) : { status: 404, text: 'Not Found' };
    case 'crates': return crates(path, today);
    case 'nuget': return nuget(path, query, origin);
    case 'go': return goProxy(path);
  }
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

export async function startFakeRegistries(): Promise<FakeRegistries> {
  const requests: RequestLogEntry[] = [];
  const modified = new Map<string, { hash: string; at: string }>();
  let faults: Faults = {};
  let today = FIXTURE_TODAY;
  let base = '';

  /** Uses up one of a fault's count; true when the fault applies to this request. */
  const take = (name: 'notFound' | 'garbage' | 'rateLimited' | 'serverErrors'): boolean => {
    if (name === 'notFound' || name === 'garbage') {
      const count = faults[name] ?? 0;
      if (count > 0) faults[name] = count - 1;
      return count > 0;
    }
    const fault = faults[name];
    if (!fault || fault.count <= 0) return false;
    fault.count--;
    return true;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? '/', base);
    const [, prefix = '', ...rest] = url.pathname.split('/');
    const endpoint = REGISTRY_ENDPOINTS.find((e) => e === prefix);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const entry: RequestLogEntry = { endpoint: endpoint ?? 'npm', method: req.method ?? 'GET', path: `/${rest.join('/')}${url.search}`, status: 0, at, doneAt: 0, headers, schemaErrors: [] };
    const send = (status: number, body: string, extra: Record<string, string> = {}) => {
      entry.status = status;
      entry.doneAt = Date.now();
      requests.push(entry);
      res.writeHead(status, extra);
      res.end(body);
    };
    if (!endpoint) return send(404, 'no such registry');
    const faulty = !faults.endpoints || faults.endpoints.includes(endpoint);
    if (faulty && faults.latencyMs) await new Promise((r) => setTimeout(r, faults.latencyMs));
    if (faulty && take('notFound')) return send(404, JSON.stringify({ error: 'Not found' }), { 'content-type': 'application/json' });
    if (faulty && faults.rateLimited && take('rateLimited')) return send(429, 'Too Many Requests', { 'retry-after': String(faults.rateLimited.retryAfterSeconds ?? 1) });
    if (faulty && faults.serverErrors && take('serverErrors')) return send(faults.serverErrors.status ?? 503, '<html><body>Service Unavailable</body></html>', { 'content-type': 'text/html' });
    if (faulty && take('garbage')) return send(200, '<html><body>Please enable JavaScript</body></html>', { 'content-type': 'text/html' });

    const answer = route(endpoint, `/${rest.join('/')}`, url.searchParams, today, `${base}/${endpoint}`, headers.accept ?? '');
    entry.schemaErrors = answer.schemaErrors ?? [];
    const text = answer.text ?? JSON.stringify(answer.body);
    const type = answer.text === undefined ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
    if (answer.status !== 200 || !VALIDATORS[endpoint]) return send(answer.status, text, { 'content-type': type });
    const hash = sha1(text);
    if (VALIDATORS[endpoint] === 'etag') {
      const etag = `"${hash}"`;
      return req.headers['if-none-match'] === etag ? send(304, '', { etag }) : send(200, text, { 'content-type': type, etag });
    }
    const key = entry.path;
    const known = modified.get(key);
    const lastModified = known?.hash === hash ? known.at : new Date(Math.floor(Date.now() / 1000) * 1000).toUTCString();
    modified.set(key, { hash, at: lastModified });
    const since = Date.parse(req.headers['if-modified-since'] ?? '');
    return since >= Date.parse(lastModified) ? send(304, '', { 'last-modified': lastModified }) : send(200, text, { 'content-type': type, 'last-modified': lastModified });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const urls = Object.fromEntries(REGISTRY_ENDPOINTS.map((e) => [e, `${base}/${e}`])) as Record<RegistryEndpoint, string>;

  return {
    urls,
    envValue: REGISTRY_ENDPOINTS.map((e) => `${e}=${urls[e]}`).join(','),
    requests,
    setFaults: (f) => {
      faults = structuredClone(f);
    },
    setToday: (day) => {
      today = day;
    },
    expected: (key) => {
      const found = EXPECTED.packages[key];
      if (!found) throw new Error(`no expected figures for ${key}`);
      return found;
    },
    resetLog: () => {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
