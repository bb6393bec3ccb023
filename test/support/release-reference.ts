/**
 * The README's release definitions written out a second time, independently of src/enrich/cadence.ts and
 * src/enrich/version.ts, for the real histories in ../shared/data/project-corpus/releases/. Reading those files,
 * every stable release is spelled `N.N…` with an optional `v`, or Spring Boot's `vN.N.N.RELEASE`; every
 * other name there is a prerelease (`-RC1`, `.beta1`, `rc1`, `.M1`, `_RC`, `.pre`, `PR8`, `-dev`) or
 * carries no version (`2.3.x`, `vPR10`). So one strict pattern says what a stable release is.
 */
import type { RealTag } from './fake-github/real-histories.js';

const STABLE = /^v?(\d+(?:\.\d+)*)(?:\.RELEASE)?$/;
const DAY = 86_400_000;

export interface ReferenceFigures {
  latest_release: string | null;
  latest_release_at: string | null;
  latest_version: string | null;
  latest_version_at: string | null;
  releases_last_365d: number;
  median_release_interval_days: number | null;
}

function numbers(tag: string): number[] {
  return (STABLE.exec(tag)?.[1] ?? '').split('.').map(Number);
}

/** Positive when version a is higher than b (missing parts are zeros). */
function versionOrder(a: string, b: string): number {
  const x = numbers(a);
  const y = numbers(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  }
  return 0;
}

/** The figures as of `now` from tags (dated by tagger date, else commit date). */
export function referenceFigures(tags: RealTag[], now: Date): ReferenceFigures {
  const stable = tags
    .filter((t) => STABLE.test(t.name))
    .map((t) => ({ tag: t.name, at: Date.parse(t.taggerDate ?? t.commitDate) }))
    .filter((r) => r.at <= now.getTime());
  const byDate = [...stable].sort((a, b) => b.at - a.at || versionOrder(b.tag, a.tag));
  const byVersion = [...stable].sort((a, b) => versionOrder(b.tag, a.tag) || b.at - a.at);

  const inWindow = stable.filter((r) => r.at > now.getTime() - 365 * DAY);
  const days = [...new Set(inWindow.map((r) => new Date(r.at).toISOString().slice(0, 10)))].sort();
  const gaps = days.slice(1).map((day, i) => (Date.parse(day) - Date.parse(days[i] ?? day)) / DAY).sort((a, b) => a - b);
  const half = Math.floor(gaps.length / 2);
  const median = gaps.length === 0 ? null : gaps.length % 2 === 1 ? gaps[half] : ((gaps[half - 1] ?? 0) + (gaps[half] ?? 0)) / 2;

  const iso = (at: number | undefined) => (at === undefined ? null : new Date(at).toISOString());
  return {
    latest_release: byDate[0]?.tag ?? null,
    latest_release_at: iso(byDate[0]?.at),
    latest_version: byVersion[0]?.tag ?? null,
    latest_version_at: iso(byVersion[0]?.at),
    releases_last_365d: inWindow.length,
    median_release_interval_days: median === undefined || median === null ? null : Math.round(median * 10) / 10,
  };
}
