/**
 * `deprecated-package` end to end, on both drivers: a refresh against the fake registries, each marking
 * a package as its real registry publishes it (npm's `deprecated` on the latest version, Packagist's
 * `abandoned` with a replacement, PyPI's project status), then review. The negatives: a retired Hex
 * release that is not the latest, a PyPI project whose status is `active`, a registry with no such mark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { HEX, NPM, PACKAGIST, PYPI } from './support/fake-registries/fixtures.js';
import { sqlRows, startStandins, type Standins } from './support/jobs.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const LONG = 180_000;

type Row = { slug: string | null; finding: string; severity: string; detail: string };

describe.each(DRIVERS)('deprecated packages on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let standins: Standins;
  let database: TestDatabase;
  let restore: () => void;
  const env = () => ({ ...standins.env(database), STACKRADAR_NOW: '2026-12-01T06:00:00Z', LOG_LEVEL: 'warn' });

  beforeAll(async () => {
    if (skip) return;
    const saved = structuredClone({ express: NPM.express, laravel: PACKAGIST['laravel/framework'], django: PYPI.Django, flask: PYPI.Flask });
    restore = () => {
      Object.assign(NPM, { express: saved.express });
      Object.assign(PACKAGIST, { 'laravel/framework': saved.laravel });
      Object.assign(PYPI, { Django: saved.django, Flask: saved.flask });
    };
    Object.assign(NPM.express ?? {}, { deprecated: { '5.2.1': 'express is no longer maintained' } });
    Object.assign(PACKAGIST['laravel/framework'] ?? {}, { abandoned: 'illuminate/framework' });
    Object.assign(PYPI.Django ?? {}, { status: { status: 'archived', reason: 'moved' } });
    Object.assign(PYPI.Flask ?? {}, { status: { status: 'active', reason: null } });
    // Phoenix's retired 1.8.0 is not its latest stable 1.8.1 (fixtures.ts).
    expect(Object.keys(HEX.phoenix.retirements)).toEqual(['1.8.0']);
    standins = await startStandins();
    database = await createTestDatabase(driver);
    const refresh = await runCli(['refresh'], { env: env(), timeoutMs: LONG });
    expect(refresh.code, refresh.stderr).toBe(0);
  });
  afterAll(async () => {
    if (skip) return;
    restore();
    await standins.close();
    await database.drop();
  });

  it.skipIf(skip)('the packages their registries mark deprecated are high findings, with the replacement named; the others none', async () => {
    const before = standins.registries.requests.length;
    const result = await runCli(['review', '--format', 'json'], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    const rows = (JSON.parse(result.stdout) as Row[]).filter((r) => r.finding === 'deprecated-package');
    expect(rows.map((r) => r.slug).sort()).toEqual(['django', 'express', 'laravel']);
    for (const row of rows) expect(row.severity).toBe('high');
    const detail = new Map(rows.map((r) => [r.slug, r.detail]));
    expect(detail.get('laravel')).toBe('packagist marks laravel/framework deprecated, naming illuminate/framework instead: point the entry to it, or replace the entry');
    expect(detail.get('express')).toBe('npm marks express deprecated: say so in the entry, or replace it');
    // Review asks no registry.
    expect(standins.registries.requests.length).toBe(before);
  });

  it.skipIf(skip)('the marks are kept on the run\'s snapshots: null where the registry has none (RubyGems, Maven) or no package', async () => {
    const marks = await sqlRows<{ slug: string; package_deprecated: boolean | null; package_replacement: string | null }>(
      'select f.slug, s.package_deprecated, s.package_replacement from snapshots s join frameworks f on f.id = s.framework_id order by f.slug',
      env(),
    );
    expect(marks).toEqual([
      { slug: 'cakephp', package_deprecated: null, package_replacement: null },
      { slug: 'django', package_deprecated: true, package_replacement: null },
      { slug: 'express', package_deprecated: true, package_replacement: null },
      { slug: 'flask', package_deprecated: false, package_replacement: null },
      { slug: 'laravel', package_deprecated: true, package_replacement: 'illuminate/framework' },
      { slug: 'phoenix', package_deprecated: false, package_replacement: null },
      { slug: 'ruby-on-rails', package_deprecated: null, package_replacement: null },
      { slug: 'spring-boot', package_deprecated: null, package_replacement: null },
    ]);
  });
});
