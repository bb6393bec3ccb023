/**
 * Hex: `/api/packages/NAME` has everything: `latest_stable_version`, the releases with their
 * `inserted_at`, and the downloads it publishes (`day`: yesterday, `week`, `all`; `recent` is 90 days,
 * which no column holds). No daily history.
 */
import { z } from 'zod';
import type { Fetcher } from './fetcher.js';
import { figures, highestStable, isoTime } from './figures.js';
import type { PackageFigures, PackageRequest } from './types.js';

const hexPackage = z.object({
  latest_stable_version: z.string().nullish(),
  releases: z.array(z.object({ version: z.string(), inserted_at: z.string() })).default([]),
  downloads: z.object({ all: z.number().int(), week: z.number().int().optional(), day: z.number().int().optional() }).optional(),
});

export async function fetchHex(f: Fetcher, request: PackageRequest): Promise<PackageFigures> {
  const doc = await f.json('hex', `/api/packages/${encodeURIComponent(request.name)}`, hexPackage, { conditional: true });
  const releases = doc.releases.map((r) => ({ version: r.version, at: isoTime(r.inserted_at) }));
  const latest = doc.latest_stable_version ? (releases.find((r) => r.version === doc.latest_stable_version) ?? { version: doc.latest_stable_version, at: null }) : highestStable(releases);
  return figures({
    version: latest?.version ?? null,
    versionAt: latest?.at ?? null,
    downloadsLastDay: doc.downloads?.day ?? null,
    downloadsLastWeek: doc.downloads?.week ?? null,
    downloadsTotal: doc.downloads?.all ?? null,
  });
}
