/**
 * pypistats' per-run budget. At its 30 requests a minute, hundreds of PyPI packages would hold every run
 * for ten minutes and more, growing with the catalog. A run asks pypistats for at most PYPISTATS_PER_RUN
 * packages (30 at once, then 30 after each minute: about two minutes) and leaves the others' downloads
 * for later runs, the packages whose stored days are oldest first (never stored before all), so each gets
 * its turn. Nothing is lost: pypistats keeps 180 days, and the next turn backfills the days in between.
 */
import type { PackageRequest } from './types.js';

export const PYPISTATS_PER_RUN = 90;

/** Oldest stored day first; a package never stored before all; then by name, so a run's choice is reproducible. */
function oldestFirst(a: PackageRequest, b: PackageRequest): number {
  if (a.dailySince !== b.dailySince) {
    if (a.dailySince === null) return -1;
    if (b.dailySince === null) return 1;
    return a.dailySince < b.dailySince ? -1 : 1;
  }
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The requests with `downloads: false` on the PyPI packages past the budget. */
export function withinBudget(requests: PackageRequest[], budget: number): PackageRequest[] {
  const past = new Set(
    requests
      .filter((r) => r.registry === 'pypi')
      .sort(oldestFirst)
      .slice(budget)
      .map((r) => r.name),
  );
  return requests.map((r) => (r.registry === 'pypi' && past.has(r.name) ? { ...r, downloads: false } : r));
}
