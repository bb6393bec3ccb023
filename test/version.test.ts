import { describe, expect, it } from 'vitest';
import { compareReleases, readVersion } from '../src/enrich/version.js';

describe('readVersion', () => {
  it.each([
    ['v4.1.0', [4, 1, 0]], ['4.1.0', [4, 1, 0]], ['8.0.5.1', [8, 0, 5, 1]], ['v8.0.5.1', [8, 0, 5, 1]], ['5.2', [5, 2]],
    ['v1.5.0.RELEASE', [1, 5, 0]], ['3.2.0.Final', [3, 2, 0]], ['v4.2.0-GA', [4, 2, 0]], ['v2.0.0-stable', [2, 0, 0]],
    ['1.0.post1', [1, 0]], ['v1.0.0+build.5', [1, 0, 0]], ['release-1.2.0', [1, 2, 0]], ['django_2.0', [2, 0]],
  ])('%s is the stable version %j', (tag, release) => expect(readVersion(tag)).toEqual({ release, prerelease: false }));

  it.each([
    // PEP 440
    '6.0rc1', '5.0a1', '4.2b2', '3.1.1.dev0', '1.3-dev',
    // semver
    'v1.8.0-rc.4', 'v9.0.0-beta.1', '1.0.0-alpha', 'v4.0.0-next.3', '2.0.0-canary.1',
    // Maven
    '3.0.0.M1', 'v3.5.0-M1', 'v3.5.0-RC1', '3.2.0.RC1', '1.0-SNAPSHOT', '3.8.0.CR1',
    // the README's other spellings, and Rails' and Symfony's old ones
    'v7.1.0.beta1', 'v3.0.0_RC', 'v2.3.9.pre', '1.0.0beta', 'v4.0.0-BETA2', 'v5.0.0.beta1.1', 'v2.0.0_PR', 'v2.0.0PR8',
    'nightly-20240115',
  ])('%s is a prerelease', (tag) => expect(readVersion(tag)?.prerelease).toBe(true));

  it.each(['2.3.x', '0.12.x', '5.x-dev', '4.2-branch', 'latest', 'nightly', 'tags/5.3', 'vPR10', 'main', 'gh-pages', ''])(
    '%j carries no version',
    (tag) => expect(readVersion(tag)).toBeNull(),
  );
});

describe('compareReleases', () => {
  it('compares numeric parts left to right, a missing part as 0', () => {
    expect(compareReleases([4, 1, 0], [3, 5, 16])).toBeGreaterThan(0);
    expect(compareReleases([5, 2, 10], [5, 2, 9])).toBeGreaterThan(0);
    expect(compareReleases([8, 0, 5, 1], [8, 0, 5])).toBeGreaterThan(0);
    expect(compareReleases([5, 2], [5, 2, 0])).toBe(0);
    expect(compareReleases([1, 9], [1, 10])).toBeLessThan(0);
  });
});
