/**
 * Which charted frameworks' packages have a downloads chart, and why the others have none. A chart
 * needs two days and a count above zero: one day draws no line, and an all-zero series gives its own
 * y scale an empty domain, which Vega labels "NaN".
 */
import { MAX_CHARTED, type DownloadPoint, type ReportData } from './data.js';

/** Registries that publish no download counts at all. */
const NO_COUNTS: Record<string, string> = { maven: 'Maven Central', go: 'the Go module proxy' };
/** Registries that publish only a running total: daily figures are the difference of two days' runs. */
const TOTALS_ONLY: Record<string, string> = { rubygems: 'RubyGems', hex: 'Hex', nuget: 'NuGet' };

export interface DownloadGap {
  framework: string;
  why: string;
}

const drawable = (points: DownloadPoint[]) => points.length >= 2 && points.some((p) => p.downloads > 0);

function bySlug(data: ReportData): Map<string, DownloadPoint[]> {
  const series = new Map<string, DownloadPoint[]>();
  for (const p of data.downloads) series.set(p.slug, [...(series.get(p.slug) ?? []), p]);
  return series;
}

/** The daily downloads worth a chart: those of the packages with a drawable series. */
export function chartedDownloads(data: ReportData): DownloadPoint[] {
  return [...bySlug(data).values()].filter(drawable).flat();
}

function whyNot(registry: string, points: DownloadPoint[], error: string | null): string {
  const none = NO_COUNTS[registry];
  if (none) return `no daily downloads: ${none} publishes no download counts`;
  if (points.length === 0 && error) return `no daily downloads yet: the registry's last answer was an error (${error})`;
  const totals = TOTALS_ONLY[registry];
  if (totals && points.length < 2) return `no daily downloads yet: ${totals} publishes only a running total, so each day's figure is the difference between two days' runs, and a chart needs two such days`;
  if (points.length === 0) return 'no daily downloads yet: none stored in this window';
  if (points.length === 1) return `no daily downloads yet: one day stored (${points[0]?.day}), a chart needs two`;
  return 'no downloads counted on any day in this window';
}

/** The charted frameworks with a package but no downloads chart, in the report's order, and why. */
export function downloadGaps(data: ReportData): DownloadGap[] {
  const series = bySlug(data);
  return data.rows.slice(0, MAX_CHARTED).flatMap((row) => {
    const points = series.get(row.slug) ?? [];
    if (!row.package_registry || drawable(points)) return [];
    return [{ framework: row.framework, why: whyNot(row.package_registry, points, row.package_error) }];
  });
}
