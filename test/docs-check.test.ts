import dns from 'node:dns';
import http from 'node:http';
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkDocsLink, checkDocsLinks, type DocsCheckOptions } from '../src/enrich/docs-check.js';
import { isPublicAddress, pinnedLookup, type ResolvedAddress } from '../src/enrich/network-guard.js';

/** Every server listens on 127.0.0.1 only and counts connections, requests and methods. */
interface TestServer {
  port: number;
  url: (path?: string) => string;
  connections: number;
  methods: string[];
  hosts: string[];
}

const servers: http.Server[] = [];

async function startServer(handler: http.RequestListener = (_req, res) => res.end('ok')): Promise<TestServer> {
  const server = http.createServer((req, res) => {
    state.methods.push(req.method ?? '');
    state.hosts.push(req.headers.host ?? '');
    handler(req, res);
  });
  const state: TestServer = { port: 0, url: (p = '/') => `http://127.0.0.1:${state.port}${p}`, connections: 0, methods: [], hosts: [] };
  server.on('connection', () => state.connections++);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as net.AddressInfo).port;
  return state;
}

const PUBLIC_IP = '93.184.215.14';
const base = { userAgent: 'stackradar-test', timeoutMs: 3000 };
const open: DocsCheckOptions = { ...base, allowPrivateNetwork: true };
const guarded: DocsCheckOptions = { ...base, allowPrivateNetwork: false };

function fakeLookup(table: Record<string, string>) {
  return vi.fn(async (host: string): Promise<ResolvedAddress[]> => {
    const address = table[host];
    if (!address) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return [{ address, family: net.isIP(address) }];
  });
}

/** Sends the vetted PUBLIC_IP to a loopback server; anything else would be a test bug, so fail loudly. */
function overrideTo(server: TestServer) {
  return vi.fn((target: { address: string; port: number }) => {
    if (target.address !== PUBLIC_IP) throw new Error(`unexpected connect to ${target.address}`);
    return { address: '127.0.0.1', port: server.port };
  });
}

let socketConnect: ReturnType<typeof vi.spyOn>;
/** Names that reached the (mocked) system resolver. */
let systemDnsNames: string[] = [];

beforeEach(() => {
  socketConnect = vi.spyOn(net.Socket.prototype, 'connect');
  // No test may reach a real resolver: names fail here (literals, e.g. from listen(), pass through).
  const realLookup = dns.lookup;
  systemDnsNames = [];
  vi.spyOn(dns, 'lookup').mockImplementation(((host: string, ...rest: unknown[]) => {
    if (net.isIP(host)) return (realLookup as (...a: unknown[]) => void)(host, ...rest);
    systemDnsNames.push(host);
    const cb = rest.at(-1) as (e: Error) => void;
    cb(Object.assign(new Error(`no DNS in tests: ${host}`), { code: 'ENOTFOUND' }));
  }) as never);
  vi.spyOn(dns.promises, 'lookup').mockRejectedValue(Object.assign(new Error('no DNS in tests'), { code: 'ENOTFOUND' }));
  for (const method of ['resolve4', 'resolve6'] as const) {
    vi.spyOn(dns.promises.Resolver.prototype, method).mockImplementation(async (host: string) => {
      systemDnsNames.push(host);
      throw Object.assign(new Error(`no DNS in tests: ${host}`), { code: 'ENOTFOUND' });
    });
  }
});

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => { s.closeAllConnections(); s.close(r); })));
});

describe('isPublicAddress', () => {
  it.each([
    ['8.8.8.8', true], ['1.1.1.1', true], ['2606:4700::1111', true], ['::ffff:8.8.8.8', true], ['2002:808:808::1', true],
    ['127.0.0.1', false], ['127.255.0.9', false], ['0.0.0.0', false], ['10.1.2.3', false], ['172.16.0.1', false],
    ['172.31.255.255', false], ['192.168.1.10', false], ['169.254.169.254', false], ['100.64.0.1', false],
    ['198.18.0.1', false], ['224.0.0.1', false], ['255.255.255.255', false], ['::1', false], ['::', false],
    ['fc00::1', false], ['fd12::1', false], ['fe80::1%eth0', false], ['ff02::1', false], ['2001:db8::1', false],
    ['::ffff:127.0.0.1', false], ['::ffff:7f00:1', false], ['::ffff:a00:1', false], ['64:ff9b::a9fe:a9fe', false],
    ['2002:7f00:1::', false], ['not-an-ip', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
  it('keeps 172.15/172.32 public around the 172.16/12 block', () => {
    expect([isPublicAddress('172.15.255.255'), isPublicAddress('172.32.0.0')]).toEqual([true, true]);
  });
});

describe('guard (allowPrivateNetwork=false)', () => {
  it('blocks a loopback server without a single connection to it', async () => {
    const server = await startServer();
    const result = await checkDocsLink(server.url(), guarded);
    expect(result).toMatchObject({ status: null, error: 'blocked', finalUrl: server.url() });
    expect(server.connections).toBe(0);
    expect(socketConnect).not.toHaveBeenCalled();
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://[::1]:8080/', 'http://[::ffff:127.0.0.1]/',
    'http://2130706433/', 'http://0x7f000001/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://0/', 'http://[::]/',
    'http://[fe80::1]/', 'http://100.64.0.1/', 'http://localhost/', 'http://LOCALHOST./', 'https://api.localhost/',
  ])('blocks %s without DNS or sockets', async (url) => {
    const lookup = fakeLookup({});
    const result = await checkDocsLink(url, { ...guarded, lookup });
    expect(result).toMatchObject({ status: null, error: 'blocked' });
    expect(lookup).not.toHaveBeenCalled();
    expect(socketConnect).not.toHaveBeenCalled();
  });

  it('blocks a hostname whose resolution is private, asking DNS once', async () => {
    const lookup = fakeLookup({ 'intranet.example': '192.168.1.10' });
    const result = await checkDocsLink('https://intranet.example/docs', { ...guarded, lookup });
    expect(result).toMatchObject({ status: null, error: 'blocked', finalUrl: 'https://intranet.example/docs' });
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup).toHaveBeenCalledWith('intranet.example');
    expect(socketConnect).not.toHaveBeenCalled();
  });

  it('blocks when any one of several answers is private', async () => {
    const lookup = vi.fn(async () => [{ address: PUBLIC_IP, family: 4 }, { address: '10.0.0.7', family: 4 }]);
    expect((await checkDocsLink('http://mixed.example/', { ...guarded, lookup })).error).toBe('blocked');
    expect(socketConnect).not.toHaveBeenCalled();
  });

  it('blocks a redirect hop to 127.0.0.1 after a public first hop', async () => {
    const inner = await startServer();
    const outer = await startServer((_req, res) => res.writeHead(302, { location: inner.url('/admin') }).end());
    const lookup = fakeLookup({ 'docs.example': PUBLIC_IP });
    const connectOverride = overrideTo(outer);
    const result = await checkDocsLink('http://docs.example/start', { ...guarded, lookup, connectOverride });
    expect(result).toMatchObject({ status: null, error: 'blocked', finalUrl: inner.url('/admin') });
    expect(outer.methods).toEqual(['HEAD']);
    expect(inner.connections).toBe(0);
    expect(connectOverride).toHaveBeenCalledTimes(1);
  });

  it('blocks a redirect to a name that resolves to the metadata address', async () => {
    const outer = await startServer((_req, res) => res.writeHead(301, { location: 'http://meta.example/' }).end());
    const lookup = fakeLookup({ 'docs.example': PUBLIC_IP, 'meta.example': '169.254.169.254' });
    const result = await checkDocsLink('http://docs.example/', { ...guarded, lookup, connectOverride: overrideTo(outer) });
    expect(result).toMatchObject({ error: 'blocked', finalUrl: 'http://meta.example/' });
    expect(lookup.mock.calls.map((c) => c[0])).toEqual(['docs.example', 'meta.example']);
  });

  it('connects to the vetted address even if DNS would answer differently later (rebinding)', async () => {
    const server = await startServer();
    let calls = 0;
    const lookup = vi.fn(async () => [{ address: calls++ === 0 ? PUBLIC_IP : '127.0.0.1', family: 4 }]);
    const connectOverride = overrideTo(server);
    const result = await checkDocsLink('http://rebind.example/', { ...guarded, lookup, connectOverride });
    expect(result).toMatchObject({ status: 200, error: null });
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(connectOverride.mock.calls[0]?.[0]).toEqual({ address: PUBLIC_IP, port: 80 });
    expect(server.hosts).toEqual(['rebind.example']);
  });

  it('pinnedLookup answers only with the vetted addresses, whatever name is asked', () => {
    const lookup = pinnedLookup([{ address: '203.0.113.5', family: 4 }, { address: '2606:4700::1', family: 6 }]);
    const seen: unknown[] = [];
    lookup('evil.example', { all: true }, (_e, a) => seen.push(a));
    lookup('evil.example', { family: 6 }, (_e, a, f) => seen.push([a, f]));
    expect(seen).toEqual([
      [{ address: '203.0.113.5', family: 4 }, { address: '2606:4700::1', family: 6 }],
      ['2606:4700::1', 6],
    ]);
  });
});

describe('checks (allowPrivateNetwork=true, 127.0.0.1 servers)', () => {
  it('records 200 from a HEAD', async () => {
    const server = await startServer();
    const result = await checkDocsLink(server.url('/docs'), open);
    expect(result).toMatchObject({ status: 200, error: null, finalUrl: server.url('/docs') });
    expect(result.checkedAt).toBeInstanceOf(Date);
    expect(server.methods).toEqual(['HEAD']);
    expect(socketConnect).toHaveBeenCalledTimes(1); // the spy really sees sockets
  });

  it('falls back to GET on 405 and does not read the GET body', async () => {
    let bodyClosed = false;
    const server = await startServer((req, res) => {
      if (req.method === 'HEAD') return void res.writeHead(405).end();
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('x'.repeat(64 * 1024)); // never ends: reading the body would hit the timeout
      res.on('close', () => (bodyClosed = true));
    });
    const result = await checkDocsLink(server.url(), { ...open, timeoutMs: 1500 });
    expect(result).toMatchObject({ status: 200, error: null });
    expect(server.methods).toEqual(['HEAD', 'GET']);
    await vi.waitFor(() => expect(bodyClosed).toBe(true));
  });

  it('falls back to GET when HEAD breaks the connection', async () => {
    const server = await startServer((req, res) => (req.method === 'HEAD' ? req.socket.destroy() : res.end('ok')));
    expect(await checkDocsLink(server.url(), open)).toMatchObject({ status: 200, error: null });
    expect(server.methods).toEqual(['HEAD', 'GET']);
  });

  it('records 404 as a status, not an error, without a GET', async () => {
    const server = await startServer((_req, res) => res.writeHead(404).end());
    expect(await checkDocsLink(server.url('/missing'), open)).toMatchObject({ status: 404, error: null });
    expect(server.methods).toEqual(['HEAD']);
  });

  it('follows absolute and relative redirects to the final page', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/a') return void res.writeHead(301, { location: server.url('/dir/b') }).end();
      if (req.url === '/dir/b') return void res.writeHead(302, { location: 'c?x=1' }).end();
      if (req.url === '/dir/c?x=1') return void res.writeHead(307, { location: '/final' }).end();
      res.writeHead(req.url === '/final' ? 200 : 500).end();
    });
    const result = await checkDocsLink(server.url('/a'), open);
    expect(result).toMatchObject({ status: 200, error: null, finalUrl: server.url('/final') });
    expect(server.methods).toHaveLength(4);
  });

  it('stops redirect loops and honours maxRedirects exactly', async () => {
    const server = await startServer((req, res) => {
      const n = Number(req.url?.slice(1));
      if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
      res.writeHead(n > 0 ? 302 : 200, { location: `/${n - 1}` }).end();
    });
    expect(await checkDocsLink(server.url('/loop'), open)).toMatchObject({ status: null, error: 'redirects' });
    expect(server.methods).toHaveLength(6); // first request + maxRedirects (5)
    expect((await checkDocsLink(server.url('/2'), { ...open, maxRedirects: 2 })).status).toBe(200);
    expect((await checkDocsLink(server.url('/3'), { ...open, maxRedirects: 2 })).error).toBe('redirects');
  });

  it('times out on a server that never answers', async () => {
    const server = await startServer(() => {});
    const started = Date.now();
    const result = await checkDocsLink(server.url(), { ...open, timeoutMs: 200 });
    expect(result).toMatchObject({ status: null, error: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('maps a closed port to connection, plain HTTP behind https to tls, garbage to http', async () => {
    const closed = await startServer();
    const closedUrl = closed.url();
    await new Promise((r) => servers.pop()!.close(r));
    expect(await checkDocsLink(closedUrl, open)).toMatchObject({ status: null, error: 'connection' });
    const plain = await startServer();
    expect((await checkDocsLink(`https://127.0.0.1:${plain.port}/`, open)).error).toBe('tls');
    const garbage = await startServer((req) => req.socket.end('NOT HTTP\r\n\r\n'));
    expect((await checkDocsLink(garbage.url(), open)).error).toBe('http');
  });

  it('maps DNS failures and bad URLs', async () => {
    const lookup = vi.fn(async (host: string) => {
      if (host === 'empty.example') return [];
      throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' });
    });
    expect((await checkDocsLink('http://nx.example/', { ...open, lookup })).error).toBe('dns');
    expect((await checkDocsLink('http://empty.example/', { ...open, lookup })).error).toBe('dns');
    const hanging = { ...open, timeoutMs: 100, lookup: () => new Promise<never>(() => {}) };
    expect((await checkDocsLink('http://slow-dns.example/', hanging)).error).toBe('timeout');
    for (const bad of ['not a url', 'ftp://127.0.0.1/', 'file:///etc/passwd']) {
      expect(await checkDocsLink(bad, open)).toMatchObject({ status: null, error: 'invalid-url' });
    }
    expect(socketConnect).not.toHaveBeenCalled();
  });

  it('connects hostnames through the injected lookup, never the system resolver', async () => {
    const server = await startServer();
    const lookup = fakeLookup({ 'docs.test': '127.0.0.1' });
    const result = await checkDocsLink(`http://docs.test:${server.port}/`, { ...open, lookup });
    expect(result).toMatchObject({ status: 200, error: null });
    expect(systemDnsNames).toEqual([]);
    expect(server.hosts).toEqual([`docs.test:${server.port}`]);
  });

  it('checks duplicate URLs once and keeps input order', async () => {
    const server = await startServer();
    const [a, b] = [server.url('/a'), server.url('/b')];
    const results = await checkDocsLinks([b, a, b, b, a], open);
    expect([...results.keys()]).toEqual([b, a]);
    expect(server.methods).toHaveLength(2);
    expect(await checkDocsLinks([], open)).toEqual(new Map());
  });
});

/** A loopback server that answers after `delayMs` and records the peak of requests in flight, overall and per Host. */
async function startSlowServer(delayMs: number) {
  const inFlight = new Map<string, number>();
  const peaks = { total: 0, perHost: new Map<string, number>() };
  let total = 0;
  const server = await startServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const now = (inFlight.get(host) ?? 0) + 1;
    inFlight.set(host, now);
    peaks.perHost.set(host, Math.max(peaks.perHost.get(host) ?? 0, now));
    peaks.total = Math.max(peaks.total, ++total);
    setTimeout(() => {
      inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
      total--;
      res.end();
    }, delayMs);
  });
  return { server, peaks };
}

/** Every `*.test` name resolves to loopback, so many "hosts" share one local server. */
const loopbackNames = vi.fn(async (host: string): Promise<ResolvedAddress[]> => {
  if (!host.endsWith('.test')) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return [{ address: '127.0.0.1', family: 4 }];
});

const linksOn = (hosts: number, perHost: number, port: number): string[] =>
  Array.from({ length: hosts * perHost }, (_, i) => `http://h${i % hosts}.test:${port}/page${i}`);

describe('batches (checkDocsLinks)', () => {
  it('keeps the overall limit and the per-host cap', async () => {
    const { server, peaks } = await startSlowServer(300);
    const urls = linksOn(4, 6, server.port);
    const results = await checkDocsLinks(urls, { ...open, lookup: loopbackNames, concurrency: 6, perHost: 2 });
    expect([...results.values()].map((r) => r.status)).toEqual(urls.map(() => 200));
    expect(peaks.total).toBe(6);
    expect(Math.max(...peaks.perHost.values())).toBe(2);
    expect(peaks.perHost.size).toBe(4);
  });

  it('by default runs 64 at once, 3 per host', async () => {
    // Slow answers, so that all 64 have started before the first one ends even on a busy machine.
    const spread = await startSlowServer(1000);
    const many = linksOn(64, 2, spread.server.port);
    const started = Date.now();
    const results = await checkDocsLinks(many, { ...open, lookup: loopbackNames });
    expect(results.size).toBe(128);
    expect(spread.peaks.total).toBe(64);
    // 128 links of 1 s, 64 at a time, is two rounds: far from the 32 s of four at a time.
    expect(Date.now() - started).toBeLessThan(8000);

    const shared = await startSlowServer(600);
    await checkDocsLinks(linksOn(8, 6, shared.server.port), { ...open, lookup: loopbackNames });
    expect(Math.max(...shared.peaks.perHost.values())).toBe(3);
    expect(shared.peaks.total).toBe(24);
  });

  it('one crowded host does not hold back the others', async () => {
    const { server } = await startSlowServer(300);
    const crowded = Array.from({ length: 12 }, (_, i) => `http://busy.test:${server.port}/p${i}`);
    const quiet = `http://quiet.test:${server.port}/`;
    const results = await checkDocsLinks([...crowded, quiet], { ...open, lookup: loopbackNames, concurrency: 4, perHost: 2 });
    expect(results.get(quiet)?.status).toBe(200);
    // Listed last, yet among the first three requests: busy.test's waiting links hold no batch slot.
    expect(server.hosts.slice(0, 3).map((h) => h.replace(/:\d+$/, '')).sort()).toEqual(['busy.test', 'busy.test', 'quiet.test']);
  });

  it('refuses private and metadata answers in a batch without a connection', async () => {
    const lookup = fakeLookup({ 'intranet.example': '10.1.2.3', 'meta.example': '169.254.169.254', 'loop.example': '127.0.0.2' });
    const urls = [
      'http://intranet.example/a', 'http://intranet.example/b', 'http://meta.example/latest/meta-data/',
      'http://loop.example/', 'http://[::ffff:169.254.169.254]/', 'http://100.64.0.1/',
    ];
    const results = await checkDocsLinks(urls, { ...guarded, lookup });
    expect([...results.values()].map((r) => r.error)).toEqual(urls.map(() => 'blocked'));
    expect(socketConnect).not.toHaveBeenCalled();
    expect(lookup.mock.calls.map((c) => c[0]).sort()).toEqual(['intranet.example', 'intranet.example', 'loop.example', 'meta.example']);
  });
});

describe('default name resolution (c-ares, cached per batch)', () => {
  it('asks c-ares once per host for a whole batch, never getaddrinfo when it answers', async () => {
    const resolve4 = vi.mocked(dns.promises.Resolver.prototype.resolve4).mockImplementation((async () => ['10.0.0.5']) as never);
    const urls = ['http://docs.example/a', 'http://docs.example/b', 'http://DOCS.example/c', 'http://other.example/'];
    const results = await checkDocsLinks(urls, guarded);
    expect([...results.values()].map((r) => r.error)).toEqual(['blocked', 'blocked', 'blocked', 'blocked']);
    expect(resolve4.mock.calls.map((c) => c[0]).sort()).toEqual(['docs.example', 'other.example']);
    expect(dns.promises.lookup).not.toHaveBeenCalled();
    expect(socketConnect).not.toHaveBeenCalled();
  });

  it('falls back to the system resolver for names c-ares does not know, and still vets them', async () => {
    vi.mocked(dns.promises.lookup).mockImplementation((async (host: string) => {
      if (host === 'intranet.test') return [{ address: '192.168.1.10', family: 4 }];
      throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
    }) as never);
    expect((await checkDocsLink('http://intranet.test/', guarded)).error).toBe('blocked');
    expect((await checkDocsLink('http://nowhere.test/', guarded)).error).toBe('dns');
    expect(systemDnsNames).toEqual(['intranet.test', 'intranet.test', 'nowhere.test', 'nowhere.test']);
    expect(socketConnect).not.toHaveBeenCalled();
  });
});
