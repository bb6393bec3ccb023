/**
 * crates.io: `/api/v1/crates/NAME` for `max_stable_version`, its date and the total downloads;
 * `/api/v1/crates/NAME/downloads` for the last 90 days, per version for the top versions plus
 * `meta.extra_downloads` for the rest, summed per day.
 */
import { z } from 'zod';
import type { Fetcher } from './fetcher.js';
import { completeDays, figures, isoTime, sumByDay } from './figures.js';
import type { PackageFigures, PackageRequest } from './types.js';

const crate = z.object({
  crate: z.object({ downloads: z.number().int(), max_stable_version: z.string().nullish() }),
  versions: z.array(z.object({ num: z.string(), created_at: z.string(), yanked: z.boolean() })).nullish(),
});
const perDay = z.object({ date: z.string(), downloads: z.number().int() });
const downloads = z.object({ version_downloads: z.array(perDay), meta: z.object({ extra_downloads: z.array(perDay) }) });

export async function fetchCrates(f: Fetcher, request: PackageRequest, now: Date): Promise<PackageFigures> {
  const path = `/api/v1/crates/${encodeURIComponent(request.name)}`;
  const doc = await f.json('crates', path, crate, { conditional: true });
  const history = await f.json('crates', `${path}/downloads`, downloads);
  const version = doc.crate.max_stable_version ?? null;
  const entry = doc.versions?.find((v) => v.num === version);
  const days = sumByDay([...history.version_downloads, ...history.meta.extra_downloads].map((d) => ({ day: d.date, downloads: d.downloads })));
  return figures({
    version,
    versionAt: isoTime(entry?.created_at),
    downloadsTotal: doc.crate.downloads,
    daily: completeDays(days, request.dailySince, now),
  });
}
