/**
 * npm: the registry document (`dist-tags.latest` and its `time`) and the downloads API. Downloads come
 * from `/downloads/range/last-month/…`: its days are the registry's `last-month`, its last 7 days
 * `last-week` and its last day `last-day`, so one request gives all three plus the daily history. Up to
 * 128 unscoped packages share a request (the API's bulk limit; scoped packages go one by one). The first
 * run backfills with one more range request per group, back 18 months for a package asked alone and 365
 * days for a bulk group (the API's limits).
 */
import { z } from 'zod';
import { RegistryFault } from './http.js';
import { settleAll, type Fetcher } from './fetcher.js';
import { addDays, completeDays, figures, utcDay } from './figures.js';
import type { DailyDownloads, PackageFigures, PackageRequest, PackageResult } from './types.js';

const BULK_SIZE = 128;
const SINGLE_REACH_DAYS = 540;
const BULK_REACH_DAYS = 365;

export const PACKUMENT = z.object({
  'dist-tags': z.object({ latest: z.string() }),
  time: z.record(z.string(), z.string()).default({}),
  // `deprecated` is the message `npm deprecate` set on that version; an empty one lifts it.
  versions: z.record(z.string(), z.object({ deprecated: z.union([z.string(), z.boolean()]).nullish() })).default({}),
});
const daily = z.object({ day: z.string(), downloads: z.number().int().nonnegative() });
const range = z.object({ start: z.string(), end: z.string(), package: z.string(), downloads: z.array(daily) });
const bulkRange = z.record(z.string(), range.nullable());

type Range = z.infer<typeof range>;

function documentPath(name: string): string {
  return name.startsWith('@') ? `/@${encodeURIComponent(name.slice(1))}` : `/${encodeURIComponent(name)}`;
}

/** One request's ranges by package name; a package the API does not know is missing. */
async function ranges(f: Fetcher, period: string, names: string[]): Promise<Map<string, Range>> {
  const path = `/downloads/range/${period}/${names.join(',')}`;
  if (names.length === 1) {
    const one = await f.json('npm-downloads', path, range);
    return new Map([[names[0] ?? one.package, one]]);
  }
  const many = await f.json('npm-downloads', path, bulkRange);
  return new Map(Object.entries(many).flatMap(([name, r]) => (r ? [[name, r] as const] : [])));
}

/** Every package's days in one group: last month, then the backfill the oldest `dailySince` needs. */
async function groupDownloads(f: Fetcher, group: PackageRequest[], now: Date): Promise<Map<string, { month: Range; days: DailyDownloads[] }>> {
  const names = group.map((r) => r.name);
  const month = await ranges(f, 'last-month', names);
  const [first] = month.values();
  const reach = addDays(utcDay(now), -(names.length === 1 ? SINGLE_REACH_DAYS : BULK_REACH_DAYS));
  const wanted = group.filter((r) => month.has(r.name)).map((r) => (r.dailySince === null || r.dailySince < reach ? reach : r.dailySince));
  const from = wanted.sort()[0];
  const earlier = first && from !== undefined && from < first.start ? await ranges(f, `${from}:${addDays(first.start, -1)}`, names) : new Map<string, Range>();
  const result = new Map<string, { month: Range; days: DailyDownloads[] }>();
  for (const [name, r] of month) result.set(name, { month: r, days: [...(earlier.get(name)?.downloads ?? []), ...r.downloads] });
  return result;
}

/** `dist-tags.latest` of one validated package document, dated by its `time` entry, and whether that version is deprecated. */
export function readPackument(doc: z.infer<typeof PACKUMENT>): Pick<PackageFigures, 'version' | 'versionAt' | 'deprecated'> {
  const latest = doc['dist-tags'].latest;
  const mark = doc.versions[latest]?.deprecated;
  return { version: latest, versionAt: doc.time[latest] ?? null, deprecated: mark !== undefined && mark !== null && mark !== '' && mark !== false };
}

function groups(requests: PackageRequest[]): PackageRequest[][] {
  const unscoped = requests.filter((r) => !r.name.startsWith('@'));
  const chunks: PackageRequest[][] = [];
  for (let i = 0; i < unscoped.length; i += BULK_SIZE) chunks.push(unscoped.slice(i, i + BULK_SIZE));
  return [...chunks, ...requests.filter((r) => r.name.startsWith('@')).map((r) => [r])];
}

async function onePackage(f: Fetcher, request: PackageRequest, downloads: ReturnType<typeof groupDownloads>, now: Date): Promise<PackageResult> {
  const [doc, group] = await settleAll([f.json('npm', documentPath(request.name), PACKUMENT, { conditional: true }), downloads]);
  const found = group.get(request.name);
  if (!found) throw new RegistryFault('not-found', 'the downloads API does not know the package');
  const month = [...found.month.downloads].sort((a, b) => (a.day < b.day ? -1 : 1));
  const sum = (days: DailyDownloads[]) => days.reduce((total, d) => total + d.downloads, 0);
  return figures({
    ...readPackument(doc),
    downloadsLastDay: month.at(-1)?.downloads ?? null,
    downloadsLastWeek: sum(month.slice(-7)),
    downloadsLastMonth: sum(month),
    daily: completeDays(found.days, request.dailySince, now),
  });
}

/** Each package's result promise; a group's fault is every member's fault. */
export function fetchNpm(f: Fetcher, requests: PackageRequest[], now: Date): Map<string, Promise<PackageResult>> {
  const results = new Map<string, Promise<PackageResult>>();
  for (const group of groups(requests)) {
    const downloads = groupDownloads(f, group, now);
    for (const request of group) results.set(request.name, onePackage(f, request, downloads, now));
  }
  return results;
}
