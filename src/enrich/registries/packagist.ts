/**
 * Packagist: `/packages/VENDOR/NAME.json` for the downloads it publishes (daily, monthly, total) and the
 * versions, of which the highest stable one is the package's version (`dev-*` branches and prereleases
 * excluded); `/packages/VENDOR/NAME/stats/all.json?average=daily&from=DAY` for the daily history.
 */
import { z } from 'zod';
import { settleAll, type Fetcher } from './fetcher.js';
import { addDays, completeDays, figures, highestStable, isoTime, utcDay } from './figures.js';
import type { PackageFigures, PackageRequest } from './types.js';

/** Packagist keeps daily statistics much longer; a first run asks for two years. */
const BACKFILL_DAYS = 730;

const count = z.number().int().nullish();
export const PACKAGIST_PACKAGE = z.object({
  package: z.object({
    downloads: z.object({ total: count, monthly: count, daily: count }).nullish(),
    versions: z.record(z.string(), z.object({ time: z.string().nullish() })).default({}),
    /** `true`, or the name of the package to use instead; absent while maintained. */
    abandoned: z.union([z.boolean(), z.string()]).nullish(),
  }),
});
const stats = z.object({ labels: z.array(z.string()).default([]), values: z.record(z.string(), z.array(z.number().int())).default({}) });

/** Version, its date and the downloads of one validated package document (no daily history). */
export function readPackage(doc: z.infer<typeof PACKAGIST_PACKAGE>): PackageFigures {
  const { downloads, versions, abandoned } = doc.package;
  const stable = highestStable(Object.entries(versions).map(([version, v]) => ({ version, at: isoTime(v.time) })));
  return figures({
    version: stable?.version ?? null,
    versionAt: stable?.at ?? null,
    downloadsLastDay: downloads?.daily ?? null,
    downloadsLastMonth: downloads?.monthly ?? null,
    downloadsTotal: downloads?.total ?? null,
    deprecated: abandoned !== undefined && abandoned !== null && abandoned !== false,
    replacement: typeof abandoned === 'string' && abandoned !== '' ? abandoned : null,
  });
}

export async function fetchPackagist(f: Fetcher, request: PackageRequest, now: Date): Promise<PackageFigures> {
  const path = `/packages/${request.name.split('/').map(encodeURIComponent).join('/')}`;
  const from = request.dailySince ?? addDays(utcDay(now), -BACKFILL_DAYS);
  const [doc, history] = await settleAll([
    f.json('packagist', `${path}.json`, PACKAGIST_PACKAGE),
    f.json('packagist', `${path}/stats/all.json?average=daily&from=${from}`, stats),
  ]);
  const values = history.values[request.name] ?? Object.values(history.values)[0] ?? [];
  const days = history.labels.flatMap((day, i) => (values[i] === undefined ? [] : [{ day, downloads: values[i] }]));
  return { ...readPackage(doc), daily: completeDays(days, request.dailySince, now) };
}
