// The registry clients against the fake registries: versions, figures and daily history as the fixtures
// imply, faults (404, 429, 5xx, garbage), conditional requests, and the STACKRADAR_REGISTRY_URLS parser.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readDeprecated as readGoModDeprecated } from '../src/enrich/registries/go.js';
import { parseRegistryUrls } from '../src/enrich/registries/index.js';
import { recentOf } from '../src/enrich/registries/pypi.js';
import type { PackageResult } from '../src/enrich/registries/types.js';
import { startFakeRegistries, type FakeRegistries } from './support/fake-registries/index.js';
import { fakeClient, memoryCache, requestsFor } from './support/fake-registries/client.js';
import { CRATES, GO_MOD_COMMENT, HEX, NPM, NUGET, PACKAGIST, PYPI } from './support/fake-registries/fixtures.js';

const NOW = new Date('2026-12-01T06:00:00Z');

function summary(result: PackageResult | undefined) {
  if (!result || 'error' in result) return result;
  const { daily, ...rest } = result;
  const [first, last] = [daily[0], daily.at(-1)];
  return { ...rest, daily: first && last ? { first: first.day, last: last.day, count: daily.length, sum: daily.reduce((t, d) => t + d.downloads, 0) } : null };
}

describe('registry clients against the fakes', () => {
  let fake: FakeRegistries;
  beforeAll(async () => {
    fake = await startFakeRegistries();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.setFaults({});
    fake.resetLog();
    fake.setToday('2026-12-01');
  });

  it.each([
    'npm:express', 'npm:@nestjs/core', 'pypi:Django', 'pypi:Flask', 'rubygems:rails', 'rubygems:sinatra', 'packagist:laravel/framework', 'hex:phoenix',
    'maven:org.springframework.boot:spring-boot', 'crates:axum', 'nuget:ServiceStack', 'go:github.com/gin-gonic/gin', 'go:github.com/BurntSushi/toml', 'go:github.com/gofiber/fiber/v3',
  ])('%s: the version, figures and daily history the fixture implies', async (key) => {
    const results = await fakeClient(fake).fetchPackages(requestsFor([key]), NOW);
    expect(summary(results.get(key))).toEqual(fake.expected(key));
    expect(fake.requests.flatMap((r) => r.schemaErrors)).toEqual([]);
  });

  it('unscoped npm packages share one bulk request, which reaches 365 days back', async () => {
    const keys = ['npm:fastify', 'npm:koa', 'npm:hono'];
    const results = await fakeClient(fake).fetchPackages(requestsFor(keys), NOW);
    for (const key of keys) expect(summary(results.get(key))).toEqual(fake.expected(key));
    const downloads = fake.requests.filter((r) => r.endpoint === 'npm-downloads').map((r) => r.path);
    expect(downloads).toEqual(['/downloads/range/last-month/fastify,koa,hono', '/downloads/range/2025-12-01:2026-10-31/fastify,koa,hono']);
  });

  it('a package absent from its registry is not-found; its neighbours are unaffected', async () => {
    const results = await fakeClient(fake).fetchPackages(requestsFor(['npm:sails', 'hex:phoenix', 'crates:rocket']), NOW);
    expect(results.get('npm:sails')).toMatchObject({ error: 'not-found' });
    expect(results.get('crates:rocket')).toMatchObject({ error: 'not-found' });
    expect(summary(results.get('hex:phoenix'))).toEqual(fake.expected('hex:phoenix'));
  });

  it('every request carries the User-Agent with the contact', async () => {
    await fakeClient(fake).fetchPackages(requestsFor(['pypi:Django', 'go:github.com/BurntSushi/toml']), NOW);
    // Django: the project, its Simple API page, pypistats' overall; toml: the version list, the version's info and go.mod.
    expect(fake.requests.length).toBe(6);
    for (const r of fake.requests) expect(r.headers['user-agent']).toBe('stackradar/0.1.0 (+ops@example.com)');
    expect(fake.requests.find((r) => r.endpoint === 'go')?.path).toBe('/github.com/!burnt!sushi/toml/@v/list');
  });

  it('a 404 from the registry is not-found', async () => {
    fake.setFaults({ endpoints: ['hex'], notFound: 1 });
    const results = await fakeClient(fake).fetchPackages(requestsFor(['hex:phoenix']), NOW);
    expect(results.get('hex:phoenix')).toEqual({ error: 'not-found', detail: 'HTTP 404' });
    expect(fake.requests).toHaveLength(1);
  });

  it('a 429 with a short Retry-After is waited out, a long one is rate-limited at once', async () => {
    fake.setFaults({ endpoints: ['hex'], rateLimited: { count: 1, retryAfterSeconds: 1 } });
    const waited = await fakeClient(fake).fetchPackages(requestsFor(['hex:phoenix']), NOW);
    expect(summary(waited.get('hex:phoenix'))).toEqual(fake.expected('hex:phoenix'));
    const [first, second] = fake.requests;
    expect(second && first ? second.at - first.doneAt : 0).toBeGreaterThanOrEqual(950);

    fake.resetLog();
    fake.setFaults({ endpoints: ['hex'], rateLimited: { count: 5, retryAfterSeconds: 120 } });
    const limited = await fakeClient(fake).fetchPackages(requestsFor(['hex:phoenix']), NOW);
    expect(limited.get('hex:phoenix')).toMatchObject({ error: 'rate-limited' });
    expect(fake.requests).toHaveLength(1);
  });

  it('5xx is retried with backoff, then unavailable; other registries still answer', async () => {
    fake.setFaults({ endpoints: ['rubygems'], serverErrors: { count: 2, status: 502 } });
    const recovered = await fakeClient(fake).fetchPackages(requestsFor(['rubygems:sinatra']), NOW);
    expect(summary(recovered.get('rubygems:sinatra'))).toEqual(fake.expected('rubygems:sinatra'));

    fake.setFaults({ endpoints: ['maven'], serverErrors: { count: 10, status: 503 } });
    fake.resetLog();
    const failed = await fakeClient(fake).fetchPackages(requestsFor(['maven:org.springframework.boot:spring-boot', 'hex:phoenix']), NOW);
    expect(failed.get('maven:org.springframework.boot:spring-boot')).toEqual({ error: 'unavailable', detail: 'HTTP 503' });
    expect(fake.requests.filter((r) => r.endpoint === 'maven')).toHaveLength(3);
    expect(summary(failed.get('hex:phoenix'))).toEqual(fake.expected('hex:phoenix'));
  });

  it('a garbage body is invalid-response', async () => {
    fake.setFaults({ endpoints: ['pypistats'], garbage: 1 });
    const results = await fakeClient(fake).fetchPackages(requestsFor(['pypi:Django']), NOW);
    expect(results.get('pypi:Django')).toEqual({ error: 'invalid-response', detail: 'the body is not JSON' });
  });

  it('a network failure is unavailable', async () => {
    const client = fakeClient(fake, { urls: { ...fake.urls, hex: 'http://127.0.0.1:9' } });
    const results = await client.fetchPackages(requestsFor(['hex:phoenix']), NOW);
    expect(results.get('hex:phoenix')).toMatchObject({ error: 'unavailable', detail: expect.stringMatching(/^network error/) as unknown });
  });

  it('an abort rejects the call', async () => {
    const controller = new AbortController();
    fake.setFaults({ latencyMs: 2000 });
    const pending = fakeClient(fake, { signal: controller.signal }).fetchPackages(requestsFor(['hex:phoenix', 'npm:express']), NOW);
    setTimeout(() => controller.abort(new Error('interrupted')), 100);
    await expect(pending).rejects.toThrow('interrupted');
  });

  it('each registry\'s deprecation mark, as it publishes it; a mark on an older version is none', async () => {
    const saved = structuredClone({ npm: NPM.express, pypi: [PYPI.Django, PYPI.Flask], packagist: PACKAGIST['laravel/framework'], hex: HEX.phoenix.retirements, crates: CRATES.axum, nuget: NUGET.ServiceStack });
    try {
      Object.assign(NPM.express ?? {}, { deprecated: { '5.2.1': 'express is no more', '4.21.2': 'old line' } });
      Object.assign(PYPI.Django ?? {}, { status: { status: 'archived', reason: 'moved to django-next' } });
      Object.assign(PYPI.Flask ?? {}, { classifiers: ['Development Status :: 7 - Inactive'] });
      Object.assign(PACKAGIST['laravel/framework'] ?? {}, { abandoned: 'illuminate/framework' });
      for (const v of CRATES.axum?.versions ?? []) v.yanked = true;
      const [latest] = (NUGET.ServiceStack?.versions ?? []).filter((v) => v.version === '8.10.0');
      if (latest) latest.deprecation = { reasons: ['Legacy'], alternatePackage: { id: 'ServiceStack.Core', range: '[9.0.0, )' } };
      GO_MOD_COMMENT['github.com/gin-gonic/gin'] = '// Deprecated: use github.com/gin-gonic/gin/v2 instead.';
      const keys = ['npm:express', 'pypi:Django', 'pypi:Flask', 'packagist:laravel/framework', 'hex:phoenix', 'crates:axum', 'nuget:ServiceStack', 'go:github.com/gin-gonic/gin', 'go:github.com/BurntSushi/toml', 'rubygems:rails'];
      const results = await fakeClient(fake).fetchPackages(requestsFor(keys), NOW);
      const marks = Object.fromEntries(keys.map((k) => { const r = results.get(k); return [k, r && !('error' in r) ? [r.deprecated, r.replacement] : r]; }));
      expect(marks).toEqual({
        'npm:express': [true, null],
        'pypi:Django': [true, null],
        'pypi:Flask': [true, null],
        'packagist:laravel/framework': [true, 'illuminate/framework'],
        // 1.8.0 is retired, the latest stable 1.8.1 is not
        'hex:phoenix': [false, null],
        'crates:axum': [true, null],
        'nuget:ServiceStack': [true, 'ServiceStack.Core'],
        'go:github.com/gin-gonic/gin': [true, null],
        'go:github.com/BurntSushi/toml': [false, null],
        // RubyGems has no such mark
        'rubygems:rails': [null, null],
      });
      expect(fake.requests.flatMap((r) => r.schemaErrors)).toEqual([]);
    } finally {
      Object.assign(NPM, { express: saved.npm });
      Object.assign(PYPI, { Django: saved.pypi[0], Flask: saved.pypi[1] });
      Object.assign(PACKAGIST, { 'laravel/framework': saved.packagist });
      Object.assign(CRATES, { axum: saved.crates });
      Object.assign(NUGET, { ServiceStack: saved.nuget });
      delete GO_MOD_COMMENT['github.com/gin-gonic/gin'];
    }
  });

  it('a second run sends the stored validators and reuses the bodies of 304s', async () => {
    const cache = memoryCache();
    const keys = ['npm:express', 'rubygems:rails', 'hex:phoenix', 'go:github.com/gin-gonic/gin'];
    const first = await fakeClient(fake, { cache }).fetchPackages(requestsFor(keys), NOW);
    fake.resetLog();
    const client = fakeClient(fake, { cache });
    const second = await client.fetchPackages(requestsFor(keys), NOW);
    for (const key of keys) expect(second.get(key)).toEqual(first.get(key));
    const notModified = fake.requests.filter((r) => r.status === 304);
    expect(notModified.map((r) => r.endpoint).sort()).toEqual(['go', 'go', 'go', 'hex', 'npm', 'rubygems', 'rubygems']);
    expect(fake.requests.find((r) => r.endpoint === 'go')?.headers['if-modified-since']).toBeDefined();
    expect(client.stats().notModified).toBe(7);
  });
});

describe('recentOf (pypistats\' /recent from /overall)', () => {
  it('the newest day, and the 7 and 30 days ending with it, whatever the order and gaps', () => {
    // Day n (2026-11-01 + n) has n + 1 downloads; 2026-11-29 is missing and the newest day is 2026-11-30.
    const daily = Array.from({ length: 30 }, (_, n) => ({ day: `2026-11-${String(n + 1).padStart(2, '0')}`, downloads: n + 1 }))
      .filter((d) => d.day !== '2026-11-29')
      .reverse();
    expect(recentOf(daily)).toEqual({ downloadsLastDay: 30, downloadsLastWeek: 24 + 25 + 26 + 27 + 28 + 30, downloadsLastMonth: 465 - 29 });
    expect(recentOf([])).toEqual({ downloadsLastDay: null, downloadsLastWeek: null, downloadsLastMonth: null });
  });
});

describe('parseRegistryUrls', () => {
  it('reads name=url pairs', () => {
    expect(parseRegistryUrls('npm=http://127.0.0.1:4873/, npm-downloads=http://127.0.0.1:4874')).toEqual({ npm: 'http://127.0.0.1:4873', 'npm-downloads': 'http://127.0.0.1:4874' });
  });
  it('rejects an unknown name or a bad URL in one line', () => {
    expect(() => parseRegistryUrls('yarn=http://x')).toThrow(/^unknown registry "yarn" \(known: npm, npm-downloads, /);
    expect(() => parseRegistryUrls('hex=ftp://x')).toThrow('registry hex: "ftp://x" is not an http(s) URL');
    expect(() => parseRegistryUrls('hex')).toThrow('registry hex: "" is not an http(s) URL');
  });
});

describe('a go.mod\'s deprecation comment', () => {
  it('counts a paragraph starting "Deprecated:" just above the module line, or a comment on it', () => {
    expect(readGoModDeprecated('// Package x does things.\n//\n// Deprecated: use example.com/y.\nmodule example.com/x\n\ngo 1.22\n')).toBe(true);
    expect(readGoModDeprecated('module example.com/x // Deprecated: use example.com/y.\n')).toBe(true);
    // Mid-paragraph, or separated from the module line, it is not the module's deprecation.
    expect(readGoModDeprecated('// This is not Deprecated: at all.\nmodule example.com/x\n')).toBe(false);
    expect(readGoModDeprecated('// Deprecated: old note.\n\nmodule example.com/x\n')).toBe(false);
    expect(readGoModDeprecated('module example.com/x\n\n// Deprecated: about a require below.\nrequire example.com/z v1.0.0\n')).toBe(false);
  });
});
