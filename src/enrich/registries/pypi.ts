/**
 * PyPI: `/pypi/NAME/json` for `info.version` (PyPI's latest stable) and its files' upload time; the
 * downloads through pypistats.org: `/recent` for last day/week/month and `/overall?mirrors=false` for
 * the daily history (180 days, the `without_mirrors` category). Older PyPI responses have only the
 * zone-less `upload_time` (UTC), no `upload_time_iso_8601`.
 */
import { z } from 'zod';
import { settleAll, type Fetcher } from './fetcher.js';
import { completeDays, figures, isoTime } from './figures.js';
import type { PackageFigures, PackageRequest } from './types.js';

export const PYPI_PROJECT = z.object({
  info: z.object({ version: z.string() }),
  urls: z.array(z.object({ upload_time_iso_8601: z.string().nullish(), upload_time: z.string().nullish() })).default([]),
});
const count = z.number().int().nullish();
export const PYPISTATS_RECENT = z.object({ data: z.object({ last_day: count, last_week: count, last_month: count }) });
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

export function readRecent(doc: z.infer<typeof PYPISTATS_RECENT>): Pick<PackageFigures, 'downloadsLastDay' | 'downloadsLastWeek' | 'downloadsLastMonth'> {
  return { downloadsLastDay: doc.data.last_day ?? null, downloadsLastWeek: doc.data.last_week ?? null, downloadsLastMonth: doc.data.last_month ?? null };
}

export async function fetchPypi(f: Fetcher, request: PackageRequest, now: Date): Promise<PackageFigures> {
  const name = normalised(request.name);
  const [doc, last, history] = await settleAll([
    f.json('pypi', `/pypi/${encodeURIComponent(request.name)}/json`, PYPI_PROJECT, { conditional: true }),
    f.json('pypistats', `/api/packages/${name}/recent`, PYPISTATS_RECENT),
    f.json('pypistats', `/api/packages/${name}/overall?mirrors=false`, overall),
  ]);
  const days = history.data.filter((d) => d.category === 'without_mirrors').map((d) => ({ day: d.date, downloads: d.downloads }));
  return figures({ ...readProject(doc), ...readRecent(last), daily: completeDays(days, request.dailySince, now) });
}
