/**
 * npm's registry and downloads API. Shapes follow the package metadata and download-counts documents of
 * github.com/npm/registry (docs/responses/package-metadata.md, docs/download-counts.md) and are checked
 * against the zod schemas of the `query-registry` package. The downloads API's limits are enforced:
 * at most 128 unscoped packages per bulk request and 365 days back for bulk, 18 months for one package.
 */
import { BulkDailyPackageDownloads, DailyPackageDownloads, Packument } from 'query-registry';
import { json, missing, zodErrors, type Answer } from './answer.js';
import { addDays, BULK_NAME, DAILY, days, NPM, type NpmFixture } from './fixtures.js';

const SINGLE_REACH_DAYS = 548;
const BULK_REACH_DAYS = 365;

function fixture(name: string): NpmFixture | undefined {
  const bulk = BULK_NAME.exec(name);
  return bulk ? { tags: { latest: '1.0.0' }, time: { '1.0.0': '2025-01-01T00:00:00.000Z' } } : NPM[name];
}

export function npmRegistry(path: string): Answer {
  const name = decodeURIComponent(path.slice(1));
  const found = fixture(name);
  if (!found) return missing({ error: 'Not found' });
  const versions = Object.fromEntries(
    Object.keys(found.time).map((v) => [v, { name, version: v, _id: `${name}@${v}`, ...(found.deprecated?.[v] ? { deprecated: found.deprecated[v] } : {}), dist: { tarball: `https://registry.npmjs.org/${name}/-/${name.split('/').pop() ?? name}-${v}.tgz`, shasum: '0'.repeat(40) } }]),
  );
  const times = Object.values(found.time).sort();
  const body = { _id: name, name, 'dist-tags': found.tags, time: { created: times[0], modified: times.at(-1), ...found.time }, versions };
  return json(body, zodErrors(Packument.safeParse(body)));
}

function period(text: string, today: string): { start: string; end: string } | undefined {
  const last = addDays(today, -1);
  const named: Record<string, number> = { 'last-day': 1, 'last-week': 7, 'last-month': 30 };
  if (named[text]) return { start: addDays(today, -named[text]), end: last };
  const m = /^(\d{4}-\d\d-\d\d):(\d{4}-\d\d-\d\d)$/.exec(text);
  if (!m?.[1] || !m[2] || m[1] > m[2]) return undefined;
  return { start: m[1], end: m[2] < last ? m[2] : last };
}

/** npm answers every day of the range, 0 before the package existed. */
function downloadsOf(name: string, start: string, end: string) {
  const bulk = BULK_NAME.exec(name);
  const series = DAILY[`npm:${name}`];
  const known = new Map(series ? days(series, start, end).map((d) => [d.day, d.downloads]) : []);
  const out: { downloads: number; day: string }[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) out.push({ downloads: bulk ? 100 + Number(bulk[1]) : (known.get(day) ?? 0), day });
  return { start, end, package: name, downloads: out };
}

export function npmDownloads(path: string, today: string): Answer {
  const parts = path.split('/');
  if (parts[1] !== 'downloads' || parts[2] !== 'range') return missing({ error: 'not supported by the fake' });
  const range = period(parts[3] ?? '', today);
  const names = decodeURIComponent(parts.slice(4).join('/')).split(',').filter((n) => n !== '');
  if (!range || names.length === 0) return { status: 400, body: { error: 'invalid date range or package' } };
  if (names.length === 1) {
    const [name = ''] = names;
    if (range.start < addDays(today, -SINGLE_REACH_DAYS)) return { status: 400, body: { error: 'range exceeds the 18 months limit' } };
    if (!fixture(name)) return missing({ error: `package ${name} not found` });
    const body = downloadsOf(name, range.start, range.end);
    return json(body, zodErrors(DailyPackageDownloads.safeParse(body)));
  }
  if (names.length > 128 || names.some((n) => n.startsWith('@'))) return { status: 400, body: { error: 'bulk queries take at most 128 unscoped packages' } };
  if (range.start < addDays(today, -BULK_REACH_DAYS)) return { status: 400, body: { error: 'bulk queries are limited to 365 days' } };
  const body = Object.fromEntries(names.map((n) => [n, fixture(n) ? downloadsOf(n, range.start, range.end) : null]));
  return json(body, zodErrors(BulkDailyPackageDownloads.safeParse(body)));
}
