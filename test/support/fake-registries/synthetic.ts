/**
 * Synthetic packages for runs at scale: any name on any registry, with one stable version and a daily
 * download series derived from the name (the same figures on every run and every day asked), added to the
 * fixtures the routes serve, so they answer with the real APIs' shapes, validators and limits.
 */
import { createHash } from 'node:crypto';
import type { Registry } from '../../../src/catalog/catalog.js';
import { addDays, CRATES, DAILY, GEMS, GO, HEX, MAVEN, NPM, NUGET, PACKAGIST, PYPI, type Series } from './fixtures.js';

/** The series runs from 2024 to the end of 2027: every backfill reach (Packagist's two years included) of a bench date. */
const SERIES_START = '2024-01-01';
const SERIES_DAYS = 4 * 366;

const seed = (name: string): number => createHash('sha1').update(name).digest().readUInt32BE(0);
const normalised = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

function series(h: number): Series {
  const base = 50 + (h % 5000);
  return { start: SERIES_START, values: Array.from({ length: SERIES_DAYS }, (_, i) => base + ((i * 7 + h) % 97)) };
}

/** Registers each package (`{ registry, name }`) with the fake registries; returns how many. */
export function addSyntheticPackages(packages: { registry: Registry; name: string }[]): number {
  for (const { registry, name } of packages) {
    const h = seed(`${registry}:${name}`);
    const version = `1.${h % 30}.${h % 9}`;
    const at = `${addDays('2025-01-01', h % 330)}T12:00:00.000Z`;
    const total = 1_000_000 + (h % 1_000_000);
    switch (registry) {
      case 'npm':
        NPM[name] = { tags: { latest: version }, time: { [version]: at } };
        DAILY[`npm:${name}`] = series(h);
        break;
      case 'pypi':
        PYPI[name] = { version, releases: { [version]: { uploaded: [at] } } };
        DAILY[`pypistats:${normalised(name)}`] = series(h);
        break;
      case 'rubygems':
        GEMS[name] = { downloads: total, version, versions: [{ number: version, created_at: at, prerelease: false }] };
        break;
      case 'packagist':
        PACKAGIST[name] = { totalBefore: total, versions: { [version]: at } };
        DAILY[`packagist:${name}`] = series(h);
        break;
      case 'hex':
        HEX[name] = { latest_version: version, latest_stable_version: version, releases: [{ version, inserted_at: at }], retirements: {}, downloads: { all: total, recent: 9000, week: 700, day: 100 } };
        break;
      case 'maven':
        MAVEN[name] = [{ v: version, timestamp: Date.parse(at) }];
        break;
      case 'crates':
        CRATES[name] = { downloads: total, max_version: version, max_stable_version: version, versions: [{ id: h, num: version, created_at: at, yanked: false }] };
        DAILY[`crates:${name}`] = series(h);
        break;
      case 'nuget':
        NUGET[name] = { totalDownloads: total, versions: [{ version, published: at }] };
        break;
      case 'go':
        GO[name] = [{ Version: `v${version}`, Time: at }];
        break;
    }
  }
  return packages.length;
}
