import { describe, expect, it } from 'vitest';
import {
  computeCadence,
  isPrereleaseName,
  isStableRelease,
  needsMoreReleases,
  needsMoreTags,
  windowStart,
  type ReleaseInput,
  type TagInput,
} from '../src/enrich/cadence.js';

/** A published, unflagged GitHub Release. */
const rel = (tag: string, publishedAt: string, extra: Partial<ReleaseInput> = {}): ReleaseInput => ({
  tag,
  name: tag,
  isDraft: false,
  isPrerelease: false,
  publishedAt,
  createdAt: publishedAt,
  ...extra,
});
const tag = (name: string, taggerDate: string | null, commitDate = '2000-01-01T00:00:00Z'): TagInput => ({
  name,
  taggerDate,
  commitDate,
});
const at = (iso: string) => new Date(iso);

describe('isPrereleaseName', () => {
  it.each([
    'v1.0.0-rc1', 'v2.0.0-beta.2', '1.0.0-alpha', '5.0a1', '4.2b2', '4.2rc1', '3.0.0.M1', '3.2.0.RC1',
    'v3.3.0-M2', '1.0-SNAPSHOT', 'v0.9.0-dev', '3.1.1.dev0', 'v9.0.0-preview.1.24080.9', 'v2.0.0-pre',
    'v1.8.0-rc.0', '7.1.0.beta1', 'v7.1.0-BETA1', '3.8.0.CR1', 'v6.4.0b1', 'v4.0.0-next.3',
    'Flask 3.0.0 Release Candidate', 'Phoenix 1.8.0 RC 1', '2.0 beta', 'Beta 3', 'Nightly build',
  ])('%s is a prerelease', (name) => expect(isPrereleaseName(name)).toBe(true));

  it.each([
    'v11.2.0', '4.2.10', '5.0.0', '5.2.4', 'v2.0.0-stable', 'v1.0.0-final', '1.5.0.RELEASE', '3.0.0.Final',
    'v4.2.0-GA', '1.0.0+build.5', 'v3.1.0.post1', 'v2.1.0 Developer experience', 'Rails 7.1.0',
    'v2.0 Nextgen', 'Alphabetical routes 1.2.3', 'Betamax 2.0', 'preserve-1.0', 'v1.0.0-build.5', 'v3.0.0-amd64',
  ])('%s is stable', (name) => expect(isPrereleaseName(name)).toBe(false));
});

describe('isStableRelease', () => {
  it('needs no draft, no prerelease flag and no prerelease part in tag or name', () => {
    expect(isStableRelease(rel('v2.0.0', '2025-01-01T00:00:00Z'))).toBe(true);
    expect(isStableRelease(rel('v2.0.0', '2025-01-01T00:00:00Z', { isDraft: true }))).toBe(false);
    expect(isStableRelease(rel('v2.0.0', '2025-01-01T00:00:00Z', { isPrerelease: true }))).toBe(false);
    expect(isStableRelease(rel('v2.0.0', '2025-01-01T00:00:00Z', { name: '2.0.0 Beta 1' }))).toBe(false);
    expect(isStableRelease(rel('v2.0.0-rc.1', '2025-01-01T00:00:00Z', { name: 'v2.0.0' }))).toBe(false);
    expect(isStableRelease(rel('v2.0.0', '2025-01-01T00:00:00Z', { name: null }))).toBe(true);
  });
});

describe('windowStart', () => {
  it('is exactly 365 days before now', () => {
    expect(windowStart(at('2025-06-01T00:00:00Z')).toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(windowStart(at('2024-12-31T00:00:00Z')).toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('computeCadence', () => {
  it('Django: no Releases, tags dated by tagger date, else commit date; a1/b1/rc1 skipped', () => {
    const tags = [
      tag('5.1.5', '2025-01-06T12:00:00Z'), // after now: ignored
      tag('5.1.1', '2024-09-03T12:00:00Z'),
      tag('5.1', '2024-08-07T12:00:00Z'),
      tag('5.1a1', '2024-05-22T12:00:00Z'),
      tag('5.0.3', '2024-03-04T12:00:00Z', '2024-03-01T09:00:00Z'),
      tag('5.0.2', null, '2024-02-06T12:00:00Z'), // lightweight tag
      tag('5.0.1', '2024-01-02T12:00:00Z'),
      tag('5.0', '2023-12-04T12:00:00Z'), // before the window
      tag('5.0rc1', '2023-11-20T12:00:00Z'),
      tag('5.0b1', '2023-10-23T12:00:00Z'),
      tag('5.0a1', '2023-09-18T12:00:00Z'),
    ];
    const c = computeCadence({ releases: [], tags, now: at('2024-12-31T00:00:00Z') });
    expect(c.cadenceSource).toBe('tags');
    expect(c.stable).toEqual([
      { tag: '5.1.1', date: '2024-09-03T12:00:00.000Z' },
      { tag: '5.1', date: '2024-08-07T12:00:00.000Z' },
      { tag: '5.0.3', date: '2024-03-04T12:00:00.000Z' },
      { tag: '5.0.2', date: '2024-02-06T12:00:00.000Z' },
      { tag: '5.0.1', date: '2024-01-02T12:00:00.000Z' },
      { tag: '5.0', date: '2023-12-04T12:00:00.000Z' },
    ]);
    // gaps 35, 27, 156, 27 → sorted 27, 27, 35, 156 → (27 + 35) / 2
    expect(c.releasesLast365d).toBe(5);
    expect(c.medianReleaseIntervalDays).toBe(31);
    expect(c.latestRelease).toBe('5.1.1');
    expect(c.latestReleaseAt).toBe('2024-09-03T12:00:00.000Z');
  });

  it('Flask: the draft Release is never counted, even as the newest', () => {
    const releases = [
      rel('3.1.2', '', { isDraft: true, publishedAt: null, createdAt: '2025-05-20T12:00:00Z' }),
      rel('3.1.1', '2025-05-13T12:00:00Z'),
      rel('3.1.0', '2024-11-13T12:00:00Z'),
      rel('3.0.3', '2024-04-07T12:00:00Z'),
    ];
    const tags = [tag('3.1.2', null, '2025-05-20T12:00:00Z')];
    const c = computeCadence({ releases, tags, now: at('2025-06-01T00:00:00Z') });
    expect(c.cadenceSource).toBe('releases');
    expect(c.stable.map((s) => s.tag)).toEqual(['3.1.1', '3.1.0', '3.0.3']);
    expect(c.releasesLast365d).toBe(2);
    expect(c.medianReleaseIntervalDays).toBe(181); // 2024-11-13 → 2025-05-13
    expect(c.latestRelease).toBe('3.1.1');
  });

  it('a repository whose only Releases are drafts falls back to its tags', () => {
    const c = computeCadence({
      releases: [rel('2.0.0', '', { isDraft: true, publishedAt: null, createdAt: '2025-05-01T00:00:00Z' })],
      tags: [tag('1.1.0', '2025-03-01T00:00:00Z'), tag('1.0.0', null, '2025-01-01T00:00:00Z')],
      now: at('2025-06-01T00:00:00Z'),
    });
    expect(c.cadenceSource).toBe('tags');
    expect(c.releasesLast365d).toBe(2);
    expect(c.medianReleaseIntervalDays).toBe(59); // Jan 1 → Mar 1, 2025
    expect(c.latestRelease).toBe('1.1.0');
  });

  it('Phoenix: -rc Releases flagged prerelease are skipped; odd number of gaps', () => {
    const releases = [
      rel('v1.8.0-rc.3', '2025-05-07T00:00:00Z', { isPrerelease: true }),
      rel('v1.8.0-rc.2', '2025-04-29T00:00:00Z', { isPrerelease: true }),
      rel('v1.7.21', '2025-03-25T00:00:00Z'),
      rel('v1.7.20', '2025-02-19T00:00:00Z'),
      rel('v1.7.19', '2025-01-29T00:00:00Z'),
      rel('v1.7.18', '2024-12-10T00:00:00Z'),
    ];
    const c = computeCadence({ releases, tags: [], now: at('2025-06-01T00:00:00Z') });
    expect(c.releasesLast365d).toBe(4);
    expect(c.medianReleaseIntervalDays).toBe(34); // gaps 50, 21, 34
    expect(c.latestRelease).toBe('v1.7.21');
    expect(c.latestReleaseAt).toBe('2025-03-25T00:00:00.000Z');
  });

  it('Spring Boot: -M1/-RC1 milestones count as prereleases by name even when not flagged; even number of gaps', () => {
    const releases = [
      rel('v3.5.0', '2025-05-22T10:00:00Z'),
      rel('v3.4.5', '2025-04-24T10:00:00Z'),
      rel('v3.5.0-RC1', '2025-04-24T09:00:00Z'),
      rel('v3.4.4', '2025-03-20T10:00:00Z'),
      rel('v3.5.0-M2', '2025-02-20T10:00:00Z'),
      rel('v3.5.0-M1', '2025-01-23T10:00:00Z'),
    ];
    const c = computeCadence({ releases, tags: [], now: at('2025-06-01T00:00:00Z') });
    expect(c.stable.map((s) => s.tag)).toEqual(['v3.5.0', 'v3.4.5', 'v3.4.4']);
    expect(c.releasesLast365d).toBe(3);
    expect(c.medianReleaseIntervalDays).toBe(31.5); // gaps 35 and 28
    expect(c.latestRelease).toBe('v3.5.0');
  });

  it('Laravel: weekly main line plus a patch line released alongside', () => {
    const releases = [
      rel('v12.15.0', '2025-05-27T15:00:00Z'),
      rel('v12.14.0', '2025-05-20T15:00:00Z'),
      rel('v11.44.8', '2025-05-13T16:30:00Z'),
      rel('v12.13.0', '2025-05-13T15:00:00Z'),
      rel('v11.44.7', '2025-05-06T15:00:00Z'),
      rel('v12.12.0', '2025-05-06T15:00:00Z'),
      rel('v12.11.0', '2025-04-29T15:00:00Z'),
    ];
    const c = computeCadence({ releases, tags: [], now: at('2025-06-01T00:00:00Z') });
    expect(c.releasesLast365d).toBe(7);
    // release days 04-29, 05-06, 05-13, 05-20, 05-27: the patch line ships on main-line days
    expect(c.medianReleaseIntervalDays).toBe(7);
    // same instant: the higher version first
    expect(c.stable.slice(4).map((s) => s.tag)).toEqual(['v12.12.0', 'v11.44.7', 'v12.11.0']);
    expect(c.latestRelease).toBe('v12.15.0');
    expect(c.latestVersion).toBe('v12.15.0');
  });

  it('CakePHP: no v prefix, parallel 4.x and 5.x lines, an unflagged -RC1', () => {
    const releases = [
      rel('5.2.4', '2025-05-20T12:00:00Z'),
      rel('5.3.0-RC1', '2025-05-10T12:00:00Z'),
      rel('4.6.1', '2025-05-03T12:00:00Z'),
      rel('5.2.3', '2025-04-25T12:00:00Z'),
      rel('5.2.2', '2025-03-30T12:00:00Z'),
      rel('4.6.0', '2025-03-30T12:00:00Z'),
    ];
    const c = computeCadence({ releases, tags: [], now: at('2025-06-01T00:00:00Z') });
    expect(c.releasesLast365d).toBe(5);
    // release days 03-30 (5.2.2 and 4.6.0), 04-25, 05-03, 05-20: gaps 26, 8, 17
    expect(c.medianReleaseIntervalDays).toBe(17);
    expect(c.latestRelease).toBe('5.2.4');
    expect(c.latestVersion).toBe('5.2.4');
  });

  it('a project with no release in the last year still has a latest release', () => {
    const releases = [rel('4.19.2', '2024-03-25T00:00:00Z'), rel('4.19.1', '2024-03-20T00:00:00Z')];
    const c = computeCadence({ releases, tags: [], now: at('2025-06-01T00:00:00Z') });
    expect(c).toMatchObject({
      cadenceSource: 'releases',
      releasesLast365d: 0,
      medianReleaseIntervalDays: null,
      latestRelease: '4.19.2',
      latestReleaseAt: '2024-03-25T00:00:00.000Z',
    });
  });

  it('a single release in the window has no median', () => {
    const releases = [rel('v1.0.0', '2025-05-01T00:00:00Z')];
    const c = computeCadence({ releases, tags: [], now: at('2025-06-01T00:00:00Z') });
    expect(c.releasesLast365d).toBe(1);
    expect(c.medianReleaseIntervalDays).toBeNull();
    expect(c.latestRelease).toBe('v1.0.0');
  });

  it('ignores releases dated after now (replays)', () => {
    const releases = [
      rel('v2.0.0', '2025-03-01T00:00:00Z'),
      rel('v1.1.0', '2024-12-01T00:00:00Z'),
      rel('v1.0.0', '2024-11-01T00:00:00Z'),
    ];
    const c = computeCadence({ releases, tags: [], now: at('2025-01-01T00:00:00Z') });
    expect(c.stable.map((s) => s.tag)).toEqual(['v1.1.0', 'v1.0.0']);
    expect(c.releasesLast365d).toBe(2);
    expect(c.medianReleaseIntervalDays).toBe(30);
    expect(c.latestRelease).toBe('v1.1.0');

    const before = computeCadence({ releases, tags: [], now: at('2024-10-01T00:00:00Z') });
    expect(before).toEqual({
      cadenceSource: null,
      stable: [],
      releasesLast365d: 0,
      medianReleaseIntervalDays: null,
      latestRelease: null,
      latestReleaseAt: null,
      latestVersion: null,
      latestVersionAt: null,
    });
  });

  it('counts a release at now, not one exactly 365 days before', () => {
    const now = '2025-06-01T00:00:00Z';
    const releases = [
      rel('v3', now),
      rel('v2', '2024-06-01T00:00:00.001Z'),
      rel('v1', '2024-06-01T00:00:00Z'),
    ];
    const c = computeCadence({ releases, tags: [], now: at(now) });
    expect(c.releasesLast365d).toBe(2);
    expect(c.latestRelease).toBe('v3');
  });

  it('uses published_at, else created_at', () => {
    const releases = [
      rel('v2', '2025-05-20T00:00:00Z', { createdAt: '2025-05-01T00:00:00Z' }),
      rel('v1', '', { publishedAt: null, createdAt: '2025-05-10T00:00:00Z' }),
    ];
    const c = computeCadence({ releases, tags: [], now: at('2025-06-01T00:00:00Z') });
    expect(c.stable).toEqual([
      { tag: 'v2', date: '2025-05-20T00:00:00.000Z' },
      { tag: 'v1', date: '2025-05-10T00:00:00.000Z' },
    ]);
    expect(c.medianReleaseIntervalDays).toBe(10);
  });

  it('deduplicates by tag, keeping the earliest date', () => {
    const releases = [
      rel('v1.2.0', '2025-05-21T00:00:00Z'),
      rel('v1.1.0', '2025-05-11T00:00:00Z'),
      rel('v1.1.0', '2025-05-11T00:00:00Z'), // page overlap
      rel('v1.0.0', '2025-05-02T00:00:00Z'),
      rel('v1.0.0', '2025-05-01T00:00:00Z'),
    ];
    const c = computeCadence({ releases, tags: [], now: at('2025-06-01T00:00:00Z') });
    expect(c.stable.map((s) => s.tag)).toEqual(['v1.2.0', 'v1.1.0', 'v1.0.0']);
    expect(c.stable.at(-1)?.date).toBe('2025-05-01T00:00:00.000Z');
    expect(c.releasesLast365d).toBe(3);
    expect(c.medianReleaseIntervalDays).toBe(10); // gaps 10 and 10
  });

  it('counts release days, not releases: same-day releases are one day, gaps are whole days', () => {
    const now = at('2025-06-01T00:00:00Z');
    // two releases on one UTC day, whatever the hours between them: one release day, no median
    const sameDay = computeCadence({
      releases: [rel('v2.0.1', '2025-05-01T23:59:00Z'), rel('v1.9.9', '2025-05-01T00:00:00Z')],
      tags: [],
      now,
    });
    expect(sameDay).toMatchObject({ releasesLast365d: 2, medianReleaseIntervalDays: null });
    // 23:00 one day and 01:00 the next are consecutive days: a gap of 1, not 0.1
    const c = computeCadence({
      releases: [rel('v3', '2025-05-04T06:00:00Z'), rel('v2', '2025-05-02T01:00:00Z'), rel('v1', '2025-05-01T23:00:00Z')],
      tags: [],
      now,
    });
    expect(c.medianReleaseIntervalDays).toBe(1.5); // gaps 1 and 2
  });

  it('has no source with neither Releases nor tags; only prereleases give no stable release', () => {
    const now = at('2025-06-01T00:00:00Z');
    expect(computeCadence({ releases: [], tags: [], now }).cadenceSource).toBeNull();
    const releases = [rel('v1.0.0-rc.1', '2025-05-01T00:00:00Z')];
    const c = computeCadence({ releases, tags: [tag('v0.9.0', '2025-01-01T00:00:00Z')], now });
    expect(c).toMatchObject({ cadenceSource: 'releases', releasesLast365d: 0, latestRelease: null });
  });
});

describe('pagination helpers', () => {
  const now = at('2025-06-01T00:00:00Z');

  it('asks for more while the oldest fetched Release is inside the window', () => {
    expect(needsMoreReleases([], now)).toBe(true);
    expect(needsMoreReleases([rel('v2', '2025-05-01T00:00:00Z'), rel('v1', '2024-07-01T00:00:00Z')], now)).toBe(true);
    expect(needsMoreReleases([rel('v2', '2025-05-01T00:00:00Z'), rel('v1', '2024-05-01T00:00:00Z')], now)).toBe(false);
  });

  it('goes past the window only until a stable release dated by now was seen', () => {
    const old = [
      rel('v3.0.0-rc.1', '2025-05-01T00:00:00Z', { isPrerelease: true }),
      rel('v2.0.0', '', { isDraft: true, publishedAt: null, createdAt: '2023-01-01T00:00:00Z' }),
      rel('v1.0.0-beta', '2022-01-01T00:00:00Z'),
    ];
    expect(needsMoreReleases(old, now)).toBe(true);
    expect(needsMoreReleases([...old, rel('v0.9.0', '2021-01-01T00:00:00Z')], now)).toBe(false);
    // a stable release after now does not count during a replay
    const replay = [rel('v2', '2025-03-01T00:00:00Z'), rel('v1-rc1', '2023-01-01T00:00:00Z')];
    expect(needsMoreReleases(replay, at('2025-01-01T00:00:00Z'))).toBe(true);
  });

  it('applies the same rule to tags', () => {
    expect(needsMoreTags([tag('5.1', '2024-08-07T00:00:00Z')], now)).toBe(true);
    const tags = [tag('5.1', '2024-08-07T00:00:00Z'), tag('5.0', null, '2023-12-04T00:00:00Z')];
    expect(needsMoreTags(tags, now)).toBe(false);
    expect(needsMoreTags([tag('5.1a1', '2024-05-22T00:00:00Z')], now)).toBe(true);
  });
});
