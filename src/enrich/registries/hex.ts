/**
 * Hex: `/api/packages/NAME` has everything: `latest_stable_version`, the releases with their
 * `inserted_at`, and the downloads it publishes (`day`: yesterday, `week`, `all`; `recent` is 90 days,
 * which no column holds). No daily history. Older responses lack `latest_stable_version` (the highest
 * stable release stands in) and `inserted_at`; a new package's `downloads` is `{}`.
 */
import { z } from 'zod';
import type { Fetcher } from './fetcher.js';
import { figures, highestStable, isoTime } from './figures.js';
import type { PackageFigures, PackageRequest } from './types.js';

const count = z.number().int().nullish();

export const HEX_PACKAGE = z.object({
  latest_stable_version: z.string().nullish(),
  releases: z.array(z.object({ version: z.string(), inserted_at: z.string().nullish() })).default([]),
  downloads: z.object({ all: count, week: count, day: count }).nullish(),
  /** Retired releases by version: `{ reason, message }`. */
  retirements: z.record(z.string(), z.object({ reason: z.string().nullish(), message: z.string().nullish() })).nullish(),
});

/** The figures of one validated package document. */
export function readHex(doc: z.infer<typeof HEX_PACKAGE>): PackageFigures {
  const releases = doc.releases.map((r) => ({ version: r.version, at: isoTime(r.inserted_at) }));
  const stated = doc.latest_stable_version;
  const latest = stated ? (releases.find((r) => r.version === stated) ?? { version: stated, at: null }) : highestStable(releases);
  return figures({
    version: latest?.version ?? null,
    versionAt: latest?.at ?? null,
    downloadsLastDay: doc.downloads?.day ?? null,
    downloadsLastWeek: doc.downloads?.week ?? null,
    downloadsTotal: doc.downloads?.all ?? null,
    deprecated: latest ? doc.retirements?.[latest.version] !== undefined : null,
  });
}

export async function fetchHex(f: Fetcher, request: PackageRequest): Promise<PackageFigures> {
  return readHex(await f.json('hex', `/api/packages/${encodeURIComponent(request.name)}`, HEX_PACKAGE, { conditional: true }));
}
