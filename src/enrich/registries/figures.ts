/**
 * Pure helpers the registry modules share: UTC days, the complete days of a daily series from a start
 * day, the highest stable version of a list (version order from enrich/version.ts), and figures with
 * the fields a registry does not publish left null.
 */
import { compareReleases, readVersion } from '../version.js';
import type { DailyDownloads, PackageFigures } from './types.js';

/** YYYY-MM-DD of a moment, UTC. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}

/** The days from `since` (inclusive; null: all) before today, oldest first; one entry per day. */
export function completeDays(daily: DailyDownloads[], since: string | null, now: Date): DailyDownloads[] {
  const today = utcDay(now);
  const byDay = new Map(daily.filter((d) => d.day < today && (since === null || d.day >= since)).map((d) => [d.day, d.downloads]));
  return [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, downloads]) => ({ day, downloads }));
}

/** Daily figures from entries that may share a day (per-version counts): summed per day. */
export function sumByDay(entries: DailyDownloads[]): DailyDownloads[] {
  const sums = new Map<string, number>();
  for (const e of entries) sums.set(e.day, (sums.get(e.day) ?? 0) + e.downloads);
  return [...sums].map(([day, downloads]) => ({ day, downloads }));
}

export interface ListedVersion {
  version: string;
  at: string | null;
}

/** The highest version that is a stable release (no `dev-*` branch, series marker or prerelease); null if none. */
export function highestStable(versions: ListedVersion[]): ListedVersion | null {
  let best: { listed: ListedVersion; release: number[] } | null = null;
  for (const listed of versions) {
    const read = readVersion(listed.version);
    if (!read || read.prerelease) continue;
    if (!best || compareReleases(read.release, best.release) > 0) best = { listed, release: read.release };
  }
  return best?.listed ?? null;
}

/** An ISO timestamp from what a registry writes (ISO strings with or without zone, epoch milliseconds). */
export function isoTime(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const ms = typeof value === 'number' ? value : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function figures(partial: Partial<PackageFigures>): PackageFigures {
  return {
    version: null,
    versionAt: null,
    downloadsLastDay: null,
    downloadsLastWeek: null,
    downloadsLastMonth: null,
    downloadsTotal: null,
    daily: [],
    deprecated: null,
    replacement: null,
    ...partial,
  };
}
