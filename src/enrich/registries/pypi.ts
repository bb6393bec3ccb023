/**
 * PyPI: `/pypi/NAME/json` for `info.version` (PyPI's latest stable) and its files' upload time; the
 * downloads through pypistats.org: `/recent` for last day/week/month and `/overall?mirrors=false` for
 * the daily history (180 days, the `without_mirrors` category).
 */
import { z } from 'zod';
import { settleAll, type Fetcher } from './fetcher.js';
import { completeDays, figures, isoTime } from './figures.js';
import type { PackageFigures, PackageRequest } from './types.js';

const project = z.object({
  info: z.object({ version: z.string() }),
  urls: z.array(z.object({ upload_time_iso_8601: z.string() })),
});
const recent = z.object({ data: z.object({ last_day: z.number().int(), last_week: z.number().int(), last_month: z.number().int() }) });
const overall = z.object({ data: z.array(z.object({ category: z.string(), date: z.string(), downloads: z.number().int() })) });

/** PEP 503's normalised name, the form pypistats keys its data by. */
function normalised(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export async function fetchPypi(f: Fetcher, request: PackageRequest, now: Date): Promise<PackageFigures> {
  const name = normalised(request.name);
  const [doc, last, history] = await settleAll([
    f.json('pypi', `/pypi/${encodeURIComponent(request.name)}/json`, project, { conditional: true }),
    f.json('pypistats', `/api/packages/${name}/recent`, recent),
    f.json('pypistats', `/api/packages/${name}/overall?mirrors=false`, overall),
  ]);
  const uploads = doc.urls.map((u) => u.upload_time_iso_8601).sort();
  const days = history.data.filter((d) => d.category === 'without_mirrors').map((d) => ({ day: d.date, downloads: d.downloads }));
  return figures({
    version: doc.info.version,
    versionAt: isoTime(uploads[0]),
    downloadsLastDay: last.data.last_day,
    downloadsLastWeek: last.data.last_week,
    downloadsLastMonth: last.data.last_month,
    daily: completeDays(days, request.dailySince, now),
  });
}
