/**
 * Version order for release tags as real projects spell them: semver with or without `v`, four parts
 * (`8.0.5.1`), PEP 440 (`5.2`, `6.0rc1`, `1.0.post1`) and Maven qualifiers (`.RELEASE`, `.Final`, `-M1`,
 * `.RC1`). @renovatebot/pep440 reads the PEP 440 family, whose normalisation already covers most
 * prerelease spellings (`-rc.1`, `_RC`, `.pre`, `.beta1`, `a1`, `-BETA2`, `-dev`); the qualifiers PEP 440
 * does not know (Maven's milestones and snapshots, semver's `-next.3`, `-canary`) are handled here.
 * Only the numeric release parts order stable versions: the README promises "numeric parts compared left
 * to right", and the migration that fills stored snapshots compares the same parts in SQL.
 */
import { explain } from '@renovatebot/pep440';

export interface TagVersion {
  /** The numeric release parts: `v8.0.5.1` → [8, 0, 5, 1]. */
  release: number[];
  prerelease: boolean;
}

/** A word prefix such as `release-` or `django_` before the version (a `/` is not allowed: `tags/5.3`). */
const PREFIX = /^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z][A-Za-z0-9]*)*[-_](?=[vV]?\d)/;
/** A prefix that marks a build rather than a release: `nightly-20240115`, `canary_1.2.0`. */
const PRERELEASE_PREFIX = /(?:^|[-_])(?:nightly|canary|snapshot|preview|dev|alpha|beta|rc|next|edge)[-_]/i;
/** Maven's (and others') words for a final release: `1.5.0.RELEASE`, `3.0.0.Final`, `v4.2.0-GA`. */
const STABLE_QUALIFIER = /^(.*\d)[-.](?:release|final|ga|stable)$/i;
/** A leading version number, then a separator and whatever follows it. */
const LEADING = /^[vV]?(\d+(?:\.\d+)*)[-._+~ ]?(.*)$/;
/** What follows a version in a branch or series marker: `2.3.x`, `5.x-dev`, `4.2-branch`, `1.0.*`. */
const SERIES = /^(?:[x*](?:-dev)?|branch|dev-.*)$/i;

/**
 * The version a tag carries, or null for a name that carries none (`2.3.x`, `latest`, `nightly`,
 * `tags/5.3`, `vPR10`): such a name is not a release at all.
 */
export function readVersion(tag: string): TagVersion | null {
  const prefix = PREFIX.exec(tag.trim())?.[0] ?? '';
  const name = tag.trim().slice(prefix.length);
  const qualified = STABLE_QUALIFIER.exec(name);
  const pep440 = explain(qualified?.[1] ?? name);
  if (pep440) return { release: pep440.release, prerelease: pep440.is_prerelease || PRERELEASE_PREFIX.test(prefix) };

  const leading = LEADING.exec(name);
  const [, numbers, rest = ''] = leading ?? [];
  if (!numbers || SERIES.test(rest)) return null;
  // Anything else after the number is a qualifier PEP 440 does not read: semver's `-next.3`,
  // Maven's `.M1`, `-SNAPSHOT`, `.CR1`, Rails' `.beta1.1` and `_PR`: not a final release.
  return { release: numbers.split('.').map(Number), prerelease: true };
}

/** Numeric parts left to right; a missing part counts as 0 (`5.2` = `5.2.0`). */
export function compareReleases(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
