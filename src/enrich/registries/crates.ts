/**
 * crates.io: `/api/v1/crates/NAME` for `max_stable_version`, its date and the total downloads;
 * `/api/v1/crates/NAME/downloads` for the last 90 days, per version for the top versions plus
 * `meta.extra_downloads` for the rest, summed per day. Responses from before `max_stable_version`
 * existed give the highest stable version that is not yanked, as the field would.
 */
import { z } from 'zod';
import type { Fetcher } from './fetcher.js';
import { completeDays, figures, highestStable, isoTime, sumByDay } from './figures.js';
import type { PackageFigures, PackageRequest } from './types.js';

export const CRATE = z.object({
  // `yanked`: every version is yanked (older responses lack it: the versions tell).
  crate: z.object({ downloads: z.number().int().nullish(), max_stable_version: z.string().nullish(), yanked: z.boolean().nullish() }),
  versions: z.array(z.object({ num: z.string(), created_at: z.string().nullish(), yanked: z.boolean().default(false) })).nullish(),
});
const perDay = z.object({ date: z.string(), downloads: z.number().int() });
const downloads = z.object({ version_downloads: z.array(perDay).default([]), meta: z.object({ extra_downloads: z.array(perDay).default([]) }).nullish() });

/** Version, its date and the total of one validated crate document (no daily history). */
export function readCrate(doc: z.infer<typeof CRATE>): PackageFigures {
  const versions = (doc.versions ?? []).map((v) => ({ version: v.num, at: isoTime(v.created_at), yanked: v.yanked }));
  const stated = doc.crate.max_stable_version;
  const latest = stated ? (versions.find((v) => v.version === stated) ?? { version: stated, at: null }) : highestStable(versions.filter((v) => !v.yanked));
  const allYanked = doc.crate.yanked ?? (versions.length > 0 ? versions.every((v) => v.yanked) : null);
  return figures({ version: latest?.version ?? null, versionAt: latest?.at ?? null, downloadsTotal: doc.crate.downloads ?? null, deprecated: allYanked });
}

export async function fetchCrates(f: Fetcher, request: PackageRequest, now: Date): Promise<PackageFigures> {
  const path = `/api/v1/crates/${encodeURIComponent(request.name)}`;
  const doc = await f.json('crates', path, CRATE, { conditional: true });
  const history = await f.json('crates', `${path}/downloads`, downloads);
  const days = sumByDay([...history.version_downloads, ...(history.meta?.extra_downloads ?? [])].map((d) => ({ day: d.date, downloads: d.downloads })));
  return { ...readCrate(doc), daily: completeDays(days, request.dailySince, now) };
}
