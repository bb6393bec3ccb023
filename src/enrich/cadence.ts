/**
 * Release cadence, as the README's definitions describe it. Pure functions: the GitHub client
 * normalises Releases and tags into the inputs below; `now` is the run's clock (STACKRADAR_NOW).
 * A tag that carries no version (`2.3.x`, `latest`) is not a release at all (version.ts reads tags).
 */
import { compareReleases, readVersion } from './version.js';

/** A GitHub Release. */
export interface ReleaseInput {
  tag: string;
  name?: string | null;
  isDraft: boolean;
  isPrerelease: boolean;
  publishedAt?: string | null;
  createdAt: string;
}

/** A git tag (used only when the repository has no Releases). */
export interface TagInput {
  name: string;
  /** Date of an annotated tag; null or absent for a lightweight tag. */
  taggerDate?: string | null;
  commitDate: string;
}

export interface StableRelease {
  tag: string;
  /** ISO timestamp (UTC). */
  date: string;
}

export type CadenceSource = 'releases' | 'tags';

export interface Cadence {
  cadenceSource: CadenceSource | null;
  /** Stable releases dated at or before `now`, newest first, one per tag. */
  stable: StableRelease[];
  releasesLast365d: number;
  /**
   * Median gap in days between consecutive in-window release days (UTC calendar days with at least one
   * stable release), one decimal; null with fewer than 2 release days.
   */
  medianReleaseIntervalDays: number | null;
  /** Newest stable release by date. */
  latestRelease: string | null;
  latestReleaseAt: string | null;
  /** Highest stable version by version order (version.ts); the newest by date on a tie. */
  latestVersion: string | null;
  latestVersionAt: string | null;
}

const DAY_MS = 86_400_000;
const WINDOW_MS = 365 * DAY_MS;

/**
 * A prerelease marker attached to a version: `1.0.0-rc1`, `2.0.0-beta.2`, `5.0a1`, `4.2b2`, `4.2rc1`,
 * `3.0.0.M1`, `3.2.0-RC1`, `1.0-SNAPSHOT`, `3.1.1.dev0`, `9.0.0-preview.1`, `3.8.0.CR1`, `1.0 beta`.
 * The marker must follow a digit (after at most one of `-._~` or a space) and must not run on into more
 * letters, so `-stable`, `-final`, `.RELEASE`, `.Final`, `-build.5` and `+meta` are stable.
 * `a`, `b` and `M` count only with a number after them (PEP 440 `a1`, Maven `M2`).
 */
const ATTACHED =
  /\d[-._~ ]?(?:alpha|beta|preview|pre|rc|cr|dev|snapshot|canary|nightly|next|a(?=\d)|b(?=\d)|m(?=\d))(?![a-z])/i;
/** A prerelease word standing alone in a name: "Beta 3", "RC1", "Release Candidate", "Nightly build". */
const STANDALONE =
  /(?<![a-z])(?:alpha|beta|rc|preview|pre-?release|release candidate|milestone|snapshot|nightly|canary)(?![a-z])/i;

/** Whether a tag or release name carries a prerelease part. */
export function isPrereleaseName(tagOrName: string): boolean {
  return ATTACHED.test(tagOrName) || STANDALONE.test(tagOrName);
}

/** Start of the 365-day window that ends at `now` (exclusive: a release exactly then is outside). */
export function windowStart(now: Date): Date {
  return new Date(now.getTime() - WINDOW_MS);
}

function parseMs(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

const releaseMs = (r: ReleaseInput) => parseMs(r.publishedAt) ?? parseMs(r.createdAt);
const tagMs = (t: TagInput) => parseMs(t.taggerDate) ?? parseMs(t.commitDate);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A Release's date (ISO): published, else created. */
export function releaseDate(r: ReleaseInput): string | null {
  return iso(releaseMs(r));
}

/** A tag's date (ISO): the tagger date of an annotated tag, else the commit date. */
export function tagDate(t: TagInput): string | null {
  return iso(tagMs(t));
}

/** A stable Release: not a draft, not flagged, a final version in its tag and no prerelease word in its name. */
export function isStableRelease(r: ReleaseInput): boolean {
  return !r.isDraft && !r.isPrerelease && readVersion(r.tag)?.prerelease === false && !isPrereleaseName(r.name ?? '');
}

interface Dated {
  tag: string;
  ms: number;
  stable: boolean;
  release: number[];
}

/** Releases and tags whose tag carries a version and that have a date; the rest do not exist here. */
function datedReleases(releases: ReleaseInput[]): Dated[] {
  return releases.flatMap((r) => {
    const ms = releaseMs(r);
    const version = readVersion(r.tag);
    return ms === null || !version ? [] : [{ tag: r.tag, ms, stable: isStableRelease(r), release: version.release }];
  });
}

function datedTags(tags: TagInput[]): Dated[] {
  return tags.flatMap((t) => {
    const ms = tagMs(t);
    const version = readVersion(t.name);
    return ms === null || !version ? [] : [{ tag: t.name, ms, stable: !version.prerelease, release: version.release }];
  });
}

/** Newest first; equal dates put the higher version first (parallel lines released together). */
function newestFirst(a: Dated, b: Dated): number {
  return b.ms - a.ms || compareReleases(b.release, a.release) || b.tag.localeCompare(a.tag);
}

/** Highest version first; the same version under two tags (`v2.0`, `2.0.0`): the newer first. */
function highestFirst(a: Dated, b: Dated): number {
  return compareReleases(b.release, a.release) || newestFirst(a, b);
}

/** Median gap between consecutive release days, in whole days between the UTC dates, one decimal. */
function medianDays(ascendingMs: number[]): number | null {
  const days = [...new Set(ascendingMs.map((ms) => Math.floor(ms / DAY_MS)))];
  if (days.length < 2) return null;
  const gaps = days.slice(1).map((day, i) => day - (days[i] ?? day)).sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  const median = gaps.length % 2 ? (gaps[mid] ?? 0) : ((gaps[mid - 1] ?? 0) + (gaps[mid] ?? 0)) / 2;
  return Math.round(median * 10) / 10;
}

const isoOf = (d: Dated | undefined) => (d ? new Date(d.ms).toISOString() : null);

/**
 * The cadence figures as of `now`. Drafts and anything dated after `now` do not exist for this
 * computation, so a repository whose only Releases are drafts (or later than `now`) falls back to tags.
 */
export function computeCadence(input: { releases: ReleaseInput[]; tags: TagInput[]; now: Date }): Cadence {
  const nowMs = input.now.getTime();
  const visible = (items: Dated[]) => items.filter((d) => d.ms <= nowMs);
  const releases = visible(datedReleases(input.releases.filter((r) => !r.isDraft)));
  const tags = releases.length > 0 ? [] : visible(datedTags(input.tags));
  const cadenceSource: CadenceSource | null = releases.length > 0 ? 'releases' : tags.length > 0 ? 'tags' : null;

  // One entry per tag; a tag seen twice keeps its earliest date.
  const byTag = new Map<string, Dated>();
  for (const d of [...releases, ...tags]) {
    const seen = byTag.get(d.tag);
    if (d.stable && (!seen || d.ms < seen.ms)) byTag.set(d.tag, d);
  }
  const stable = [...byTag.values()].sort(newestFirst);

  const startMs = windowStart(input.now).getTime();
  const inWindow = stable.filter((d) => d.ms > startMs).map((d) => d.ms).sort((a, b) => a - b);
  const latest = stable[0];
  const highest = [...stable].sort(highestFirst)[0];
  return {
    cadenceSource,
    stable: stable.map((d) => ({ tag: d.tag, date: new Date(d.ms).toISOString() })),
    releasesLast365d: inWindow.length,
    medianReleaseIntervalDays: medianDays(inWindow),
    latestRelease: latest?.tag ?? null,
    latestReleaseAt: isoOf(latest),
    latestVersion: highest?.tag ?? null,
    latestVersionAt: isoOf(highest),
  };
}

/**
 * Whether a newest-first listing (Releases or tags, everything fetched so far) needs another page:
 * yes while the oldest item is still inside the window, and past the window only while no stable
 * release at or before `now` has been seen (latest_release may be older than the window).
 * The caller stops anyway when there is no next page.
 */
export function needsMoreReleases(fetched: ReleaseInput[], now: Date): boolean {
  return needsMore(datedReleases(fetched.filter((r) => !r.isDraft)), now);
}

export function needsMoreTags(fetched: TagInput[], now: Date): boolean {
  return needsMore(datedTags(fetched), now);
}

function needsMore(dated: Dated[], now: Date): boolean {
  if (dated.length === 0) return true;
  const oldest = dated.reduce((min, d) => Math.min(min, d.ms), Infinity);
  if (oldest > windowStart(now).getTime()) return true;
  return !dated.some((d) => d.stable && d.ms <= now.getTime());
}
