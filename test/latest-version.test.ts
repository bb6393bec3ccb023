/** latest_version on hand-made histories: version order, prerelease spellings, names without a version. */
import { describe, expect, it } from 'vitest';
import { computeCadence, type ReleaseInput, type TagInput } from '../src/enrich/cadence.js';

const rel = (tag: string, publishedAt: string): ReleaseInput => ({
  tag,
  name: tag,
  isDraft: false,
  isPrerelease: false,
  publishedAt,
  createdAt: publishedAt,
});
const tag = (name: string, taggerDate: string): TagInput => ({ name, taggerDate, commitDate: '2000-01-01T00:00:00Z' });
const at = (iso: string) => new Date(iso);

describe('latest version', () => {
  const now = at('2025-06-01T00:00:00Z');

  it('is the highest stable version, while latest_release is the newest by date', () => {
    const releases = [
      rel('v8.0.5.1', '2025-05-20T15:07:00Z'), // the old line's patch, a few minutes after
      rel('v8.1.3.1', '2025-05-20T14:59:00Z'),
      rel('v8.1.3', '2025-05-01T00:00:00Z'),
      rel('v8.2.0.rc1', '2025-05-25T00:00:00Z'), // a prerelease is never the latest version
      rel('v9.0.0', '2025-06-02T00:00:00Z'), // after now
    ];
    expect(computeCadence({ releases, tags: [], now })).toMatchObject({
      latestRelease: 'v8.0.5.1',
      latestReleaseAt: '2025-05-20T15:07:00.000Z',
      latestVersion: 'v8.1.3.1',
      latestVersionAt: '2025-05-20T14:59:00.000Z',
    });
  });

  it('compares numeric parts, not text: 5.2.10 > 5.2.9, v8.0.5.1 > v8.0.5, v4.1.0 > v3.5.16', () => {
    const pick = (...tags: string[]) =>
      computeCadence({ releases: [], tags: tags.map((name, i) => tag(name, `2025-05-0${i + 1}T00:00:00Z`)), now }).latestVersion;
    expect(pick('5.2.10', '5.2.9')).toBe('5.2.10');
    expect(pick('v8.0.5.1', 'v8.0.5')).toBe('v8.0.5.1');
    expect(pick('v4.1.0', 'v3.5.16')).toBe('v4.1.0');
    expect(pick('v1.2.0.RELEASE', 'v1.10.0.RELEASE', 'v1.9.0.RELEASE')).toBe('v1.10.0.RELEASE');
    expect(pick('6.0', '5.2.9', '6.0rc1')).toBe('6.0');
  });

  it('names without a version are no releases: not counted, not latest, no Releases source', () => {
    const junk = ['2.3.x', 'latest', 'nightly', 'tags/5.3', '5.x-dev'];
    const releases = junk.map((name, i) => rel(name, `2025-05-1${i}T00:00:00Z`));
    const c = computeCadence({ releases, tags: [tag('v1.0.0', '2025-05-01T00:00:00Z'), tag('1.1.x', '2025-05-20T00:00:00Z')], now });
    expect(c).toMatchObject({ cadenceSource: 'tags', releasesLast365d: 1, latestRelease: 'v1.0.0', latestVersion: 'v1.0.0' });
  });

  it('reads the prerelease spellings of the README as prereleases', () => {
    const spellings = ['v1.1.0.beta1', 'v1.1.0_RC', 'v1.1.0.pre', '1.1a1', '1.1b2', '1.1rc1', 'v1.1.0.M1', 'v1.1.0.RC1', 'v1.1.0-rc1', 'v1.1.0-beta.2'];
    const tags = [...spellings.map((name) => tag(name, '2025-05-20T00:00:00Z')), tag('v1.0.0', '2025-05-01T00:00:00Z')];
    expect(computeCadence({ releases: [], tags, now })).toMatchObject({ releasesLast365d: 1, latestRelease: 'v1.0.0', latestVersion: 'v1.0.0' });
  });
});
