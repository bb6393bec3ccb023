/**
 * The registries stage end to end through the CLI, against the fake registries, on both drivers: the
 * package columns of framework_latest, every package_downloads row and every download_trends figure
 * against what the fixtures imply (test/fixtures/registries: expected.json for the figures, daily.json
 * for each day), a first run with its backfill and a next-day run, and each kind of registry fault.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import type { ExpectedFigures } from './support/fake-registries/index.js';
import { sqlRows, startStandins, type Standins } from './support/jobs.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const LONG = 180_000;
const DAY_MS = 86_400_000;

/** The stand-ins' frameworks and the package the bundled catalog names for each (CakePHP's is removed). */
const PACKAGES: Record<string, { registry: string; name: string; daily?: string } | null> = {
  laravel: { registry: 'packagist', name: 'laravel/framework', daily: 'packagist:laravel/framework' },
  cakephp: null,
  django: { registry: 'pypi', name: 'Django', daily: 'pypistats:django' },
  'ruby-on-rails': { registry: 'rubygems', name: 'rails' },
  flask: { registry: 'pypi', name: 'Flask', daily: 'pypistats:flask' },
  phoenix: { registry: 'hex', name: 'phoenix' },
  express: { registry: 'npm', name: 'express', daily: 'npm:express' },
  'spring-boot': { registry: 'maven', name: 'org.springframework.boot:spring-boot' },
};

const SERIES = JSON.parse(readFileSync(new URL('./fixtures/registries/daily.json', import.meta.url), 'utf8')) as Record<string, { start: string; values: number[] }>;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The fixture's downloads on `day`. */
function downloadsOn(series: string, day: string): number {
  const s = SERIES[series];
  if (!s) throw new Error(`no series ${series}`);
  const value = s.values[Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${s.start}T00:00:00Z`)) / DAY_MS)];
  if (value === undefined) throw new Error(`${series} has no ${day}`);
  return value;
}

/** The sum of `series` over the `length` days ending `length * back` days before `last`. */
function windowSum(series: string, last: string, length: number, back: number): number {
  let total = 0;
  for (let i = 0; i < length; i++) total += downloadsOn(series, addDays(last, -(back * length + i)));
  return total;
}

const pct = (last: number, prev: number) => Math.round(((last - prev) * 1000) / prev) / 10;

interface LatestRow {
  slug: string;
  stars: number | null;
  package_registry: string | null;
  package_name: string | null;
  package_version: string | null;
  package_version_at: string | null;
  downloads_last_day: number | null;
  downloads_last_week: number | null;
  downloads_last_month: number | null;
  downloads_total: number | null;
  package_error: string | null;
}

interface DayRow {
  registry: string;
  package: string;
  day: string;
  downloads: number;
  source: string;
}

describe.each(DRIVERS)('package registries on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let standins: Standins;
  let database: TestDatabase;
  const envOn = (day: string, hour = '06:00') => ({ ...standins.env(database), STACKRADAR_NOW: `${day}T${hour}:00Z`, LOG_LEVEL: 'warn' });
  const query = <T,>(sql: string) => sqlRows<T>(sql, envOn('2026-12-01'));
  const latest = async () => new Map((await query<LatestRow>('select * from framework_latest')).map((row) => [row.slug, row]));
  const days = () => query<DayRow>("select registry, package, day::text as day, downloads, source from package_downloads order by registry, package, day");

  async function refreshOn(day: string, hour?: string) {
    standins.registries.setToday(day);
    standins.registries.resetLog();
    return runCli(['refresh', '--format', 'json'], { env: envOn(day, hour), timeoutMs: LONG });
  }

  function expectFigures(row: LatestRow | undefined, expected: ExpectedFigures) {
    expect(row).toMatchObject({
      package_version: expected.version,
      downloads_last_day: expected.downloadsLastDay,
      downloads_last_week: expected.downloadsLastWeek,
      downloads_last_month: expected.downloadsLastMonth,
      downloads_total: expected.downloadsTotal,
      package_error: null,
    });
    expect(row?.package_version_at && new Date(row.package_version_at).toISOString()).toBe(expected.versionAt);
  }

  function expectTrends(rows: Record<string, unknown>[], last: string) {
    const daily = Object.entries(PACKAGES).flatMap(([slug, p]) => (p?.daily ? [{ slug, ...p, series: p.daily }] : []));
    expect(rows.map((r) => r.slug).sort()).toEqual(daily.map((p) => p.slug).sort());
    for (const p of daily) {
      const [l7, p7, l30, p30] = [windowSum(p.series, last, 7, 0), windowSum(p.series, last, 7, 1), windowSum(p.series, last, 30, 0), windowSum(p.series, last, 30, 1)];
      expect(rows.find((r) => r.slug === p.slug), p.slug).toEqual({
        framework: expect.any(String), slug: p.slug, registry: p.registry, package: p.name,
        downloads_last_7d: l7, downloads_prev_7d: p7, downloads_last_30d: l30, downloads_prev_30d: p30,
        change_7d_pct: pct(l7, p7), change_30d_pct: pct(l30, p30),
      });
    }
  }

  beforeAll(async () => {
    if (skip) return;
    standins = await startStandins();
    database = await createTestDatabase(driver);
  }, LONG);
  afterAll(async () => {
    if (skip) return;
    await standins.close();
    await database.drop();
  });
  beforeEach(() => {
    if (!skip) standins.registries.setFaults({});
  });

  it.skipIf(skip)('a first run stores every package figure and backfills each registry\'s daily history', async () => {
    const result = await refreshOn('2026-12-01');
    expect(result.code, result.stderr).toBe(0);
    // 15 for the figures, plus each PyPI project's Simple API page for its status marker (deprecated-package).
    expect(standins.registries.requests.length).toBeLessThanOrEqual(18);
    expect(standins.registries.requests.every((r) => r.schemaErrors.length === 0)).toBe(true);

    const rows = await latest();
    for (const [slug, p] of Object.entries(PACKAGES)) {
      const row = rows.get(slug);
      expect(row?.stars, slug).toBeGreaterThan(0);
      if (!p) {
        expect(row, slug).toMatchObject({ package_registry: null, package_name: null, package_version: null, downloads_total: null, package_error: null });
        continue;
      }
      expect(row, slug).toMatchObject({ package_registry: p.registry, package_name: p.name });
      expectFigures(row, standins.registries.expected(`${p.registry}:${p.name}`));
    }

    const stored = await days();
    for (const [slug, p] of Object.entries(PACKAGES)) {
      const mine = stored.filter((d) => p && d.registry === p.registry && d.package === p.name);
      const expected = p && standins.registries.expected(`${p.registry}:${p.name}`).daily;
      if (!p?.daily || !expected) {
        expect(mine, slug).toEqual([]);
        continue;
      }
      expect(mine.length, slug).toBe(expected.count);
      expect(mine[0]?.day).toBe(expected.first);
      expect(mine.at(-1)?.day).toBe(expected.last);
      expect(mine.reduce((t, d) => t + d.downloads, 0)).toBe(expected.sum);
      const series = p.daily;
      for (const [i, d] of mine.entries()) expect(d, `${slug} ${d.day}`).toEqual({ registry: p.registry, package: p.name, day: addDays(expected.first, i), downloads: downloadsOn(series, d.day), source: 'registry' });
    }
    expect(stored.length).toBe(Object.values(PACKAGES).reduce((t, p) => t + (p?.daily ? standins.registries.expected(`${p.registry}:${p.name}`).daily?.count ?? 0 : 0), 0));
    expectTrends(await query('select * from download_trends'), '2026-11-30');

    const [run] = await query<{ stats: { stages: { name: string; requests: Record<string, number> }[] } }>('select stats from runs order by id desc limit 1');
    const stage = run?.stats.stages.find((s) => s.name === 'registries');
    expect(Object.values(stage?.requests ?? {}).reduce((t, n) => t + n, 0)).toBe(standins.registries.requests.length);
  }, LONG);

  it.skipIf(skip)('a next-day run adds only the new day, derives the totals-only registries\' day, and never stores a day twice', async () => {
    const before = await days();
    const result = await refreshOn('2026-12-02');
    expect(result.code, result.stderr).toBe(0);
    expect(standins.registries.requests.length).toBeLessThanOrEqual(16);

    const after = await days();
    const added = after.filter((d) => !before.some((b) => b.registry === d.registry && b.package === d.package && b.day === d.day));
    const expected = Object.values(PACKAGES).flatMap((p) => {
      if (!p) return [];
      if (p.daily) return [{ registry: p.registry, package: p.name, day: '2026-12-01', downloads: downloadsOn(p.daily, '2026-12-01'), source: 'registry' }];
      // RubyGems and Hex publish only a total; the fixture's stays the same from one day to the next.
      if (p.registry === 'rubygems' || p.registry === 'hex') return [{ registry: p.registry, package: p.name, day: '2026-12-01', downloads: 0, source: 'derived' }];
      return [];
    });
    expect(added.sort((a, b) => a.package.localeCompare(b.package))).toEqual(expected.sort((a, b) => a.package.localeCompare(b.package)));
    expect(after.length).toBe(before.length + expected.length);
    expectTrends(await query("select * from download_trends where registry <> 'rubygems' and registry <> 'hex'"), '2026-12-01');

    // The same day again: nothing new.
    const again = await refreshOn('2026-12-02', '18:00');
    expect(again.code, again.stderr).toBe(0);
    expect((await days()).length).toBe(after.length);
  }, LONG);

  const FAULTS = [
    { name: '404', endpoint: 'pypi', faults: { notFound: 1000 }, slugs: ['django', 'flask'], error: 'not-found' },
    { name: '429 beyond the Retry-After bound', endpoint: 'hex', faults: { rateLimited: { count: 1000, retryAfterSeconds: 3600 } }, slugs: ['phoenix'], error: 'rate-limited' },
    { name: '5xx', endpoint: 'rubygems', faults: { serverErrors: { count: 1000, status: 503 } }, slugs: ['ruby-on-rails'], error: 'unavailable' },
    { name: 'garbage', endpoint: 'npm', faults: { garbage: 1000 }, slugs: ['express'], error: 'invalid-response' },
  ] as const;

  it.skipIf(skip).each(FAULTS)('$name from $endpoint: package columns null with package_error, GitHub figures intact, run partial naming the registry', async (fault) => {
    const stars = new Map([...(await latest())].map(([slug, row]) => [slug, row.stars]));
    standins.registries.setFaults({ endpoints: [fault.endpoint], ...fault.faults });
    const result = await refreshOn('2026-12-03', `0${FAULTS.indexOf(fault) + 1}:00`);
    expect(result.code, result.stderr).toBe(3);
    for (const slug of fault.slugs) expect(result.stderr).toMatch(new RegExp(`refresh: run \\d+ partial: .*${slug}: ${fault.endpoint} \\S+: ${fault.error}`));

    const rows = await latest();
    for (const [slug, row] of rows) {
      expect(row.stars, slug).toBe(stars.get(slug));
      if (!(fault.slugs as readonly string[]).includes(slug)) continue;
      expect(row, slug).toMatchObject({
        package_registry: fault.endpoint, package_version: null, package_version_at: null,
        downloads_last_day: null, downloads_last_week: null, downloads_last_month: null, downloads_total: null, package_error: fault.error,
      });
    }
    const [run] = await query<{ status: string; error: string }>('select status, error from runs order by id desc limit 1');
    expect(run?.status).toBe('partial');
    expect(run?.error).toContain(`${fault.slugs[0]}: ${fault.endpoint}`);
  }, LONG);
});
