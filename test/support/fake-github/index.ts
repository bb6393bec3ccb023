/**
 * A fake GitHub (REST + GraphQL) on 127.0.0.1 for tests: GitHub-shaped bodies, ETags and 304s, per-identity
 * rate-limit budgets, switchable faults, and a request log to assert request counts against.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sha1, type FakeRepo } from './fixtures.js';
import { prepare, run } from './graphql.js';
import { validateBody } from './openapi.js';
import { databaseIdOf, findRepo, restRoute, searchRepos } from './rest-routes.js';

export * from './fixtures.js';
export { validateBody } from './openapi.js';

export interface FakeGitHubOptions {
  repos: FakeRepo[];
  /** Accepted tokens; any other token gets 401. Unset: every token is accepted. */
  tokens?: string[];
  limits?: Partial<Record<Budget, number>>;
  /** Check every REST body against the OpenAPI schemas; errors land in the log entry. */
  validateResponses?: boolean;
}

export interface Faults {
  latencyMs?: number;
  serverErrors?: { count: number; status?: 502 | 503 };
  primaryRateLimit?: { count: number; status?: 403 | 429; resetInSeconds: number };
  secondaryRateLimit?: { count: number; retryAfterSeconds?: number };
  unauthorized?: { count: number };
  /** Search requests answered 422 Validation Failed or 403 rate limit exceeded (a spent search budget), other requests untouched. */
  searchRejections?: { count: number; status?: 403 | 422 };
}

export type Resource = 'core' | 'search' | 'graphql';

export interface RequestLogEntry {
  method: string;
  /** Path and query string. */
  path: string;
  status: number;
  resource: Resource;
  authenticated: boolean;
  /** Sent If-None-Match. */
  conditional: boolean;
  graphql?: { valid: boolean; aliases: number; cost: number; errors?: string[] };
  schemaErrors?: string[];
}

export interface FakeGitHub {
  url: string;
  graphqlUrl: string;
  requests: RequestLogEntry[];
  /** The live fixtures: tests may mutate them between refreshes. */
  repos: FakeRepo[];
  setFaults(faults: Faults): void;
  resetLog(): void;
  resetBudgets(): void;
  close(): Promise<void>;
}

type Budget = 'anonymous' | 'authenticated' | 'graphql' | 'searchAnonymous' | 'searchAuthenticated';
const DEFAULT_LIMITS: Record<Budget, number> = { anonymous: 60, authenticated: 5000, graphql: 5000, searchAnonymous: 10, searchAuthenticated: 30 };
const DOCS = 'https://docs.github.com/rest';

interface Window {
  used: number;
  resetAt: number;
}

export async function startFakeGitHub(opts: FakeGitHubOptions): Promise<FakeGitHub> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const requests: RequestLogEntry[] = [];
  const windows = new Map<string, Window>();
  let faults: Faults = {};
  let base = '';

  const windowFor = (key: string, seconds: number): Window => {
    const now = Date.now();
    let w = windows.get(key);
    if (!w || w.resetAt <= now) windows.set(key, (w = { used: 0, resetAt: now + seconds * 1000 }));
    return w;
  };
  const take = <K extends keyof Faults>(name: K): Faults[K] | undefined => {
    const f = faults[name] as { count?: number } | undefined;
    if (!f || typeof f.count !== 'number' || f.count <= 0) return undefined;
    f.count--;
    return faults[name];
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (faults.latencyMs) await new Promise((r) => setTimeout(r, faults.latencyMs));

    const url = new URL(req.url ?? '/', base);
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const resource: Resource = url.pathname === '/graphql' ? 'graphql' : url.pathname.startsWith('/search/') ? 'search' : 'core';
    const ifNoneMatch = req.headers['if-none-match'];
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET', path: url.pathname + url.search, status: 0, resource,
      authenticated: token !== undefined, conditional: ifNoneMatch !== undefined,
    };
    const budget: Budget = resource === 'graphql' ? 'graphql' : resource === 'search' ? (token ? 'searchAuthenticated' : 'searchAnonymous') : token ? 'authenticated' : 'anonymous';
    const window = windowFor(`${budget}:${token ?? '-'}`, resource === 'search' ? 60 : 3600);
    const rateHeaders = (remaining = Math.max(0, limits[budget] - window.used), reset = window.resetAt) => ({
      'x-ratelimit-limit': String(limits[budget]),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(Math.ceil(reset / 1000)),
      'x-ratelimit-used': String(limits[budget] - remaining),
      'x-ratelimit-resource': resource,
    });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      requests.push(entry);
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}), 'x-github-request-id': sha1(String(requests.length)).slice(0, 16), ...headers });
      res.end(text);
    };

    if (take('unauthorized') || (token !== undefined && opts.tokens !== undefined && !opts.tokens.includes(token))) {
      return send(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
    }
    const rejection = resource === 'search' ? take('searchRejections') : undefined;
    if (rejection?.status === 403) return send(403, { message: 'API rate limit exceeded for 127.0.0.1.', documentation_url: DOCS }, rateHeaders(0));
    if (rejection) return send(422, { message: 'Validation Failed', errors: [{ resource: 'Search', field: 'q', code: 'invalid' }], documentation_url: DOCS, status: '422' });
    const serverError = take('serverErrors');
    if (serverError) return send(serverError.status ?? 502, { message: 'Server Error' });
    const primary = take('primaryRateLimit');
    if (primary) {
      const message = token ? 'API rate limit exceeded for user ID 1.' : 'API rate limit exceeded for 127.0.0.1.';
      return send(primary.status ?? 403, { message, documentation_url: DOCS }, rateHeaders(0, Date.now() + primary.resetInSeconds * 1000));
    }
    const secondary = take('secondaryRateLimit');
    if (secondary) {
      const message = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000.';
      return send(403, { message, documentation_url: DOCS }, { 'retry-after': String(secondary.retryAfterSeconds ?? 1) });
    }

    if (resource === 'graphql') {
      if (req.method !== 'POST') return send(404, { message: 'Not Found', documentation_url: DOCS });
      if (!token) return send(401, { message: 'This endpoint requires you to be authenticated.', documentation_url: DOCS });
      const { query = '', variables = {} } = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { query?: string; variables?: Record<string, unknown> };
      const prepared = prepare(query, variables);
      if ('errors' in prepared) {
        entry.graphql = { valid: false, aliases: 0, cost: 0, errors: prepared.errors };
        return send(200, { errors: prepared.errors.map((message) => ({ message })) }, rateHeaders());
      }
      entry.graphql = { valid: true, aliases: prepared.aliases, cost: prepared.cost };
      if (window.used + prepared.cost > limits.graphql) {
        return send(200, { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] }, rateHeaders(0));
      }
      window.used += prepared.cost;
      const remaining = limits.graphql - window.used;
      const body = await run(prepared.document, variables, {
        findRepo: (owner, name) => findRepo(opts.repos, owner, name)?.repo,
        databaseId: (repo) => databaseIdOf(opts.repos, repo),
        search: (q) => searchRepos(opts.repos, q),
        rateLimit: { cost: prepared.cost, remaining, resetAt: new Date(window.resetAt).toISOString(), limit: limits.graphql, used: window.used },
      });
      return send(200, body, rateHeaders());
    }

    if (req.method !== 'GET') return send(404, { message: 'Not Found', documentation_url: DOCS });
    if (window.used >= limits[budget]) {
      const who = token ? 'user ID 1' : '127.0.0.1';
      const hint = token ? '' : " (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)";
      return send(403, { message: `API rate limit exceeded for ${who}.${hint}`, documentation_url: DOCS }, rateHeaders(0));
    }
    const answer = restRoute({ base, repos: opts.repos, authenticated: token !== undefined }, url);
    if (answer.status !== 200) {
      window.used++;
      return send(answer.status, answer.body, { ...rateHeaders(), ...answer.headers });
    }
    if (opts.validateResponses && answer.schema) {
      const errors = validateBody(answer.schema.name, answer.body, answer.schema.shape);
      if (errors.length > 0) entry.schemaErrors = errors;
    }
    const etag = `W/"${sha1(JSON.stringify(answer.body))}"`;
    const matches = (ifNoneMatch ?? '').split(',').some((t) => t.trim().replace(/^W\//, '') === etag.slice(2));
    // Like GitHub, a 304 does not count against the budget.
    if (matches) return send(304, undefined, { ...rateHeaders(), etag });
    window.used++;
    return send(200, answer.body, { ...rateHeaders(), ...answer.headers, etag });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: String(err) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    graphqlUrl: `${base}/graphql`,
    requests,
    repos: opts.repos,
    setFaults: (f) => {
      faults = structuredClone(f);
    },
    resetLog: () => {
      requests.length = 0;
    },
    resetBudgets: () => windows.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
