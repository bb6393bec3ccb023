/**
 * An API host that cannot be reached (connection refused, no DNS answer) fails the whole fetch within
 * seconds with one error naming the host, instead of minutes of 5xx-style retries per repository.
 */
import net from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createGitHubClient,
  createMemoryCache,
  fetchRepositories,
  GitHubUnreachableError,
  searchRepository,
} from '../src/enrich/github.js';

const NOW = new Date('2025-06-01T00:00:00Z');
const EIGHT = [
  'laravel/framework', 'cakephp/cakephp', 'django/django', 'rails/rails',
  'pallets/flask', 'phoenixframework/phoenix', 'expressjs/express', 'spring-projects/spring-boot',
];

/** A port on 127.0.0.1 that was just listened on and closed: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function capture() {
  const lines: { level: number; msg: string; status?: number }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

/** What Node's fetch throws when getaddrinfo fails, without asking any DNS server. */
function dnsFailure(code: string) {
  return vi.fn(async (input: string | URL | Request) => {
    const host = new URL(input instanceof Request ? input.url : input).hostname;
    throw new TypeError('fetch failed', { cause: Object.assign(new Error(`getaddrinfo ${code} ${host}`), { code, hostname: host }) });
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('API host unreachable', () => {
  it.each([
    ['without a token (REST)', undefined],
    ['with a token (GraphQL)', 'ghp_offline0123456789'],
  ])('a refused connection fails the fetch in seconds with one error, %s', async (_label, token) => {
    const port = await closedPort();
    const logs = capture();
    const client = createGitHubClient({
      ...(token ? { token } : {}),
      apiUrl: `http://127.0.0.1:${port}`,
      logger: logs.logger,
      cache: createMemoryCache(),
    });
    const started = Date.now();
    const error = await fetchRepositories(client, EIGHT, { now: NOW }).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(GitHubUnreachableError);
    expect((error as Error).message).toBe(`cannot reach GitHub at 127.0.0.1:${port}: connection refused (ECONNREFUSED)`);
    // Default waits: 250 + 750 + 2000 ms before giving up, never the retry plugin's 1 + 4 + 9 s.
    expect(elapsed).toBeGreaterThanOrEqual(2900);
    expect(elapsed).toBeLessThan(10_000);
    const loud = logs.lines.filter((l) => l.level >= 40);
    expect(loud).toEqual([]);
    expect(logs.lines.some((l) => l.status === 500)).toBe(false);
  });

  it('later requests of the same client fail at once', async () => {
    const port = await closedPort();
    const client = createGitHubClient({
      apiUrl: `http://127.0.0.1:${port}`,
      logger: pino({ level: 'silent' }),
      cache: createMemoryCache(),
      timing: { unreachableRetryMs: [10] },
    });
    await expect(fetchRepositories(client, ['pallets/flask'], { now: NOW })).rejects.toThrow(GitHubUnreachableError);
    const before = client.counters.requests;
    const started = Date.now();
    await expect(searchRepository(client, 'Flask', 'Python')).rejects.toThrow(
      `cannot reach GitHub at 127.0.0.1:${port}: connection refused (ECONNREFUSED)`,
    );
    expect(Date.now() - started).toBeLessThan(500);
    expect(client.counters.requests).toBe(before);
  });

  it.each([
    ['ENOTFOUND', 'host name not found'],
    ['EAI_AGAIN', 'host name lookup failed'],
  ])('a DNS failure (%s) is named as such, after a brief retry', async (code, reason) => {
    const fetch = dnsFailure(code);
    vi.stubGlobal('fetch', fetch);
    const client = createGitHubClient({
      apiUrl: 'https://api.github.com',
      logger: pino({ level: 'silent' }),
      cache: createMemoryCache(),
      timing: { unreachableRetryMs: [5, 5, 5] },
    });
    const error = await fetchRepositories(client, ['pallets/flask'], { now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubUnreachableError);
    expect((error as Error).message).toBe(`cannot reach GitHub at api.github.com: ${reason} (${code})`);
    expect(fetch).toHaveBeenCalledTimes(4); // the first try and three retries, no more
  });

  it('other network errors stay with the retry plugin (a reset connection is retried like a 5xx)', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    });
    vi.stubGlobal('fetch', fetch);
    const client = createGitHubClient({
      apiUrl: 'https://api.github.com',
      logger: pino({ level: 'silent' }),
      cache: createMemoryCache(),
      retries: 2,
      timing: { retryBaseMs: 1 },
    });
    const { results } = await fetchRepositories(client, ['pallets/flask'], { now: NOW });
    expect(results.get('pallets/flask')).toEqual({ error: 'socket hang up' });
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
