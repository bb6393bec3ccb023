/**
 * PyPI: `/pypi/NAME/json` for `info.version` (PyPI's latest stable), its files' upload time and its
 * classifiers, `/simple/NAME/` (as JSON) for the project's status marker; the downloads through
 * pypistats.org in one request per package: `/overall?mirrors=false`, the daily `without_mirrors` figures
 * of 180 days. pypistats computes its `/recent` from that same table (`update_recent_stats` in
 * crflynn/pypistats.org: the newest day, the 7 and the 30 days ending with it), so the last day, week and
 * month are summed here the same way rather than asked for again: at 30 requests a minute, half the
 * requests. Older PyPI responses have only the zone-less `upload_time` (UTC), no `upload_time_iso_8601`.
 */
import { z } from 'zod';
import { settleAll, type Fetcher } from './fetcher.js';
import { addDays, completeDays, figures, isoTime } from './figures.js';
import type { DailyDownloads, PackageFigures, PackageRequest } from './types.js';

export const PYPI_PROJECT = z.object({
  info: z.object({ version: z.string(), classifiers: z.array(z.string()).nullish() }),
  urls: z.array(z.object({ upload_time_iso_8601: z.string().nullish(), upload_time: z.string().nullish() })).default([]),
});
/** The Simple API's project page (PEP 691 JSON), for its status marker (PEP 792); absent means active. */
export const PYPI_SIMPLE = z.object({ 'project-status': z.object({ status: z.string().nullish() }).nullish() });
const SIMPLE_JSON = 'application/vnd.pypi.simple.v1+json';
const INACTIVE = 'Development Status :: 7 - Inactive';
const RETIRED_STATUSES = new Set(['deprecated', 'archived', 'quarantined']);
const overall = z.object({ data: z.array(z.object({ category: z.string(), date: z.string(), downloads: z.number().int() })).default([]) });

/** PEP 503's normalised name, the form pypistats keys its data by. */
function normalised(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The version of one validated project document, dated by its first file's upload. */
export function readProject(doc: z.infer<typeof PYPI_PROJECT>): Pick<PackageFigures, 'version' | 'versionAt'> {
  const uploads = doc.urls.flatMap((u) => isoTime(u.upload_time_iso_8601 ?? u.upload_time) ?? []).sort();
  return { version: doc.info.version, versionAt: uploads[0] ?? null };
}

/** Deprecated: a retiring status marker, or the latest release classifies itself inactive. */
export function readDeprecated(doc: z.infer<typeof PYPI_PROJECT>, simple: z.infer<typeof PYPI_SIMPLE>): boolean {
  return RETIRED_STATUSES.has(simple['project-status']?.status ?? 'active') || (doc.info.classifiers ?? []).includes(INACTIVE);
}

/** pypistats' `/recent` as it computes it: the newest day of the series, and the 7 and 30 days ending with it (null without days). */
export function recentOf(daily: DailyDownloads[]): Pick<PackageFigures, 'downloadsLastDay' | 'downloadsLastWeek' | 'downloadsLastMonth'> {
  const newest = daily.reduce<string | null>((last, d) => (last === null || d.day > last ? d.day : last), null);
  if (newest === null) return { downloadsLastDay: null, downloadsLastWeek: null, downloadsLastMonth: null };
  const since = (days: number) => daily.filter((d) => d.day > addDays(newest, -days) && d.day <= newest).reduce((total, d) => total + d.downloads, 0);
  return { downloadsLastDay: since(1), downloadsLastWeek: since(7), downloadsLastMonth: since(30) };
}

export async function fetchPypi(f: Fetcher, request: PackageRequest, now: Date): Promise<PackageFigures> {
  const name = normalised(request.name);
  const [doc, simple, history] = await settleAll([
    f.json('pypi', `/pypi/${encodeURIComponent(request.name)}/json`, PYPI_PROJECT, { conditional: true }),
    f.json('pypi', `/simple/${name}/`, PYPI_SIMPLE, { conditional: true, accept: SIMPLE_JSON }),
    request.downloads === false ? null : f.json('pypistats', `/api/packages/${name}/overall?mirrors=false`, overall),
  ]);
  if (!history) return figures({ ...readProject(doc), deprecated: readDeprecated(doc, simple) });
  const days = history.data.filter((d) => d.category === 'without_mirrors').map((d) => ({ day: d.date, downloads: d.downloads }));
  return figures({ ...readProject(doc), ...recentOf(days), deprecated: readDeprecated(doc, simple), daily: completeDays(days, request.dailySince, now) });
}
