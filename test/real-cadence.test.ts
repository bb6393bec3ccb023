/**
 * computeCadence on the real release histories (../shared/data/project-corpus/releases/), served as tags and as
 * Releases, at several snapshot dates, against the definitions computed by test/support/release-reference.ts.
 */
import { describe, expect, it } from 'vitest';
import { computeCadence } from '../src/enrich/cadence.js';
import { readVersion } from '../src/enrich/version.js';
import { readRealHistories, realRepo } from './support/fake-github/real-histories.js';
import { referenceFigures } from './support/release-reference.js';
import { realDataPresent } from './support/real-data.js';

const HISTORIES = readRealHistories();
/** The newest snapshots' date, the older snapshots' date, and a day in between. */
const NOWS = ['2026-08-23T00:00:00Z', '2024-10-25T00:00:00Z', '2025-06-01T12:00:00Z'].map((iso) => new Date(iso));

const figures = (c: ReturnType<typeof computeCadence>) => ({
  latest_release: c.latestRelease,
  latest_release_at: c.latestReleaseAt,
  latest_version: c.latestVersion,
  latest_version_at: c.latestVersionAt,
  releases_last_365d: c.releasesLast365d,
  median_release_interval_days: c.medianReleaseIntervalDays,
});

describe.skipIf(!realDataPresent)('the real histories', () => {
  it('are eight repositories with hundreds of tags', () => {
    expect(HISTORIES.map((h) => h.repo).sort()).toEqual([
      'cakephp/cakephp', 'expressjs/express', 'laravel/framework', 'pallets/flask',
      'phoenixframework/phoenix', 'rails/rails', 'spring-projects/spring-boot', 'symfony/symfony',
    ]);
    expect(HISTORIES.reduce((n, h) => n + h.tags.length, 0)).toBe(4054);
  });

  it('every tag reads as the reference reads it: stable, or else a prerelease or no version', () => {
    const stablePattern = /^v?\d+(?:\.\d+)*(?:\.RELEASE)?$/;
    for (const { tags } of HISTORIES) {
      for (const { name } of tags) expect(readVersion(name)?.prerelease === false, name).toBe(stablePattern.test(name));
    }
  });

  it('names without a version are not releases at all', () => {
    const names = HISTORIES.flatMap((h) => h.tags.map((t) => t.name)).filter((name) => readVersion(name) === null);
    expect(names.sort()).toEqual([
      '0.12.x', '1.0.x', '1.1.x', '2.0.x', '2.1.x', '2.2.x', '2.3.x',
      'vPR10', 'vPR11', 'vPR12', 'vPR3', 'vPR4', 'vPR5', 'vPR6', 'vPR8', 'vPR9',
    ]);
  });
});

describe.skipIf(!realDataPresent).each(HISTORIES)('cadence of $repo', (history) => {
  it.each(NOWS)('as tags, at %s, equals the definitions', (now) => {
    const repo = realRepo(history, 'tags', now.toISOString());
    const tags = repo.tags.map((t) => ({ name: t.name, taggerDate: t.annotated?.taggerDate ?? null, commitDate: t.commitDate }));
    const cadence = computeCadence({ releases: [], tags, now });
    expect(figures(cadence)).toEqual(referenceFigures(history.tags, now));
    expect(cadence.cadenceSource).toBe('tags');
  });

  it.each(NOWS)('as Releases, at %s, equals the definitions', (now) => {
    const repo = realRepo(history, 'releases', now.toISOString());
    const cadence = computeCadence({ releases: repo.releases, tags: [], now });
    expect(figures(cadence)).toEqual(referenceFigures(history.tags, now));
  });
});
