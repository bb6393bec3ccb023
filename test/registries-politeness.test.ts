// Request counts and politeness, measured from the fake registries' log: npm's bulk downloads, the
// eight frameworks' first and next-day runs, and each registry's published rate limit.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeRegistries, type FakeRegistries } from './support/fake-registries/index.js';
import { busiest, mostInFlight } from './support/fake-registries/log.js';
import { fakeClient, memoryCache, requestsFor } from './support/fake-registries/client.js';
import { addSyntheticPackages } from './support/fake-registries/synthetic.js';

const NOW = new Date('2026-12-01T06:00:00Z');
const FRAMEWORKS = ['packagist:laravel/framework', 'pypi:Django', 'rubygems:rails', 'hex:phoenix', 'npm:express', 'maven:org.springframework.boot:spring-boot'];

const on = (fake: FakeRegistries, endpoint: string) => fake.requests.filter((r) => r.endpoint === endpoint);

describe('request counts and politeness', () => {
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

  it('1,000 unscoped npm packages: their downloads in 8 requests', async () => {
    const names = Array.from({ length: 1000 }, (_, i) => `npm:bulk-${i}`);
    const results = await fakeClient(fake).fetchPackages(requestsFor(names, '2026-11-25'), NOW);
    const downloads = on(fake, 'npm-downloads');
    expect(downloads.length).toBeLessThanOrEqual(8);
    expect(downloads.every((r) => r.status === 200)).toBe(true);
    // bulk-7 has 107 downloads every day (fixtures.ts).
    expect(results.get('npm:bulk-7')).toMatchObject({ downloadsLastDay: 107, downloadsLastWeek: 749, downloadsLastMonth: 3210 });
    expect(results.get('npm:bulk-999')).toMatchObject({ daily: Array.from({ length: 6 }, (_, i) => ({ day: `2026-11-${25 + i}`, downloads: 1099 })) });
  });

  it('the eight frameworks: first run with backfill and next-day run each within 16 requests, 304s on the second', async () => {
    const cache = memoryCache();
    const first = await fakeClient(fake, { cache }).fetchPackages(requestsFor(FRAMEWORKS), NOW);
    for (const key of FRAMEWORKS) expect(first.get(key)).not.toHaveProperty('error');
    const firstCount = fake.requests.length;
    expect(firstCount).toBeLessThanOrEqual(16);

    fake.resetLog();
    fake.setToday('2026-12-02');
    const next = await fakeClient(fake, { cache }).fetchPackages(requestsFor(FRAMEWORKS, '2026-12-01'), new Date('2026-12-02T06:00:00Z'));
    expect(fake.requests.length).toBeLessThanOrEqual(16);
    expect(fake.requests.filter((r) => r.status === 304).map((r) => r.endpoint).sort()).toEqual(['hex', 'npm', 'pypi', 'pypi', 'rubygems', 'rubygems']);
    for (const key of ['npm:express', 'pypi:Django', 'packagist:laravel/framework']) {
      const daily = (next.get(key) as { daily: { day: string }[] }).daily;
      expect(daily.map((d) => d.day)).toEqual(['2026-12-01']);
    }
    console.log(`eight frameworks: ${firstCount} requests on the first run, ${fake.requests.length} on the next day`);
  });

  it('RubyGems: never more than 10 requests in a second', async () => {
    const gems = ['rails', 'sinatra', ...Array.from({ length: 13 }, (_, i) => `absent-${i}`)].map((n) => `rubygems:${n}`);
    await fakeClient(fake, { timing: { paceScale: 1 } }).fetchPackages(requestsFor(gems), NOW);
    expect(on(fake, 'rubygems')).toHaveLength(30);
    expect(busiest(on(fake, 'rubygems'), 1000)).toBeLessThanOrEqual(10);
  });

  it('a published "N per window" allows a burst: the first 10 RubyGems requests and 4 pypistats requests go at once', async () => {
    fake.setFaults({ latencyMs: 2 });
    const started = Date.now();
    await fakeClient(fake, { timing: { paceScale: 1 } }).fetchPackages(requestsFor(['rubygems:rails', 'rubygems:sinatra', 'pypi:Django', 'pypi:Flask', 'pypi:absent-a', 'pypi:absent-b']), NOW);
    // Spaced evenly, pypistats' 30/min would put its 4 requests (one per package) 6 s apart from first to last.
    expect(on(fake, 'pypistats')).toHaveLength(4);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('crates.io: never more than 1 request in a second', async () => {
    await fakeClient(fake, { timing: { paceScale: 1 } }).fetchPackages(requestsFor(['crates:axum', 'crates:rocket']), NOW);
    expect(on(fake, 'crates')).toHaveLength(3);
    expect(busiest(on(fake, 'crates'), 1000)).toBe(1);
  });

  it('crates.io: a request sent late after taking its token still arrives a whole second before the next', async () => {
    // A loaded machine can send a request long after its turn: the window must run from its arrival, not its turn.
    const realFetch = globalThis.fetch;
    let calls = 0;
    const late = vi.spyOn(globalThis, 'fetch').mockImplementation(async (...args) => {
      if (calls++ === 0) await new Promise((r) => setTimeout(r, 600));
      return realFetch(...args);
    });
    try {
      await fakeClient(fake, { timing: { paceScale: 1 } }).fetchPackages(requestsFor(['crates:axum']), NOW);
    } finally {
      late.mockRestore();
    }
    expect(on(fake, 'crates')).toHaveLength(2);
    expect(busiest(on(fake, 'crates'), 1000)).toBe(1);
  });

  it('Packagist: at most 10 requests in flight', async () => {
    fake.setFaults({ latencyMs: 50 });
    const packages = Array.from({ length: 20 }, (_, i) => `packagist:vendor/absent-${i}`);
    await fakeClient(fake).fetchPackages(requestsFor(packages), NOW);
    expect(on(fake, 'packagist')).toHaveLength(40);
    expect(mostInFlight(on(fake, 'packagist'))).toBe(10);
  });

  it('Hex 100/min and pypistats 30/min, on a clock 50 times faster', async () => {
    fake.setFaults({ latencyMs: 2 });
    const scale = 0.02;
    const hexes = Array.from({ length: 120 }, (_, i) => `hex:absent_${i}`);
    // One pypistats request per package: 40 packages to pass its 30 a minute.
    const pythons = Array.from({ length: 40 }, (_, i) => `pypi:absent-${i}`);
    await fakeClient(fake, { timing: { paceScale: scale } }).fetchPackages(requestsFor([...hexes, ...pythons]), NOW);
    expect(on(fake, 'hex')).toHaveLength(120);
    expect(busiest(on(fake, 'hex'), 60_000 * scale)).toBeLessThanOrEqual(100);
    expect(on(fake, 'pypistats')).toHaveLength(40);
    expect(busiest(on(fake, 'pypistats'), 60_000 * scale)).toBeLessThanOrEqual(30);
  });

  it("pypistats' per-run budget: the packages whose days are oldest get their downloads, the others keep their version and wait", async () => {
    const names = ['synth-a', 'synth-b', 'synth-c', 'synth-d', 'synth-e'];
    addSyntheticPackages(names.map((name) => ({ registry: 'pypi', name })));
    const since: Record<string, string | null> = { 'synth-a': '2026-11-30', 'synth-b': null, 'synth-c': '2026-11-20', 'synth-d': '2026-11-30', 'synth-e': null };
    const client = fakeClient(fake, { pypistatsPerRun: 3 });
    const results = await client.fetchPackages(names.map((name) => ({ registry: 'pypi', name, dailySince: since[name] ?? null })), NOW);
    // Never stored (b, e) first, then the oldest stored day (c); a and d wait for a later run.
    expect(on(fake, 'pypistats').map((r) => r.path.split('/')[3]).sort()).toEqual(['synth-b', 'synth-c', 'synth-e']);
    expect(client.stats().deferred).toBe(2);
    for (const name of ['synth-a', 'synth-d']) {
      expect(results.get(`pypi:${name}`)).toMatchObject({ version: expect.stringMatching(/^1\./), downloadsLastDay: null, downloadsLastMonth: null, daily: [] });
    }
    expect(results.get('pypi:synth-c')).toMatchObject({ downloadsLastDay: expect.any(Number), daily: expect.arrayContaining([{ day: '2026-11-30', downloads: expect.any(Number) }]) });
    expect((results.get('pypi:synth-c') as { daily: unknown[] }).daily).toHaveLength(11);
  });
});
