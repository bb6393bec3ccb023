/**
 * Everything a report shows, read from the public views (framework_latest, star_trends,
 * framework_history, snapshot_anomalies) and the releases and article tables, in one pass.
 */
import { asc, inArray } from 'drizzle-orm';
import { diffEntries, type DiffEntry } from '../domain/diff.js';
import type { Store } from '../store/database.js';
import { dailyDownloads, packageSummaries } from '../store/package-reads.js';
import { anomaliesSince, currentEntryRows, lastEnrichFailures, latestWithTrends, releasesBetween, starHistory } from '../store/reads.js';
import { articleEntries, articleVersions } from '../store/schema.js';
import { daysBetween, localDate, startOfDayBefore } from './dates.js';

/** Small multiples stay legible up to about this many; the most-starred are charted. */
export const MAX_CHARTED = 48;

/** The columns of json and csv, in order (a header even when there are no rows). */
export const REPORT_FIELDS = [
  'framework', 'slug', 'language', 'repo', 'stars', 'delta_7d', 'delta_30d', 'releases_last_365d',
  'median_release_interval_days', 'latest_version', 'latest_version_at', 'package_registry', 'package_name', 'package_version',
  'package_error', 'downloads_last_30d', 'downloads_change_30d_pct', 'latest_release', 'latest_release_at', 'latest_release_age_days',
  'docs_url', 'docs_status', 'docs_error', 'captured_at', 'anomalies', 'in_article',
] as const;

export type ReportRow = {
  framework: string;
  slug: string;
  language: string | null;
  repo: string | null;
  stars: number | null;
  delta_7d: number | null;
  delta_30d: number | null;
  releases_last_365d: number | null;
  median_release_interval_days: number | null;
  /** Highest stable version by version order; latest_release is the newest by date. */
  latest_version: string | null;
  latest_version_at: Date | null;
  package_registry: string | null;
  package_name: string | null;
  /** The registry's latest stable version, beside the repository's latest_version. */
  package_version: string | null;
  /** Why the newest run has no package figures (`not-found`, `unavailable`, …). */
  package_error: string | null;
  /** Downloads over the package's newest 30 whole days, and the change against the 30 before (%). */
  downloads_last_30d: number | null;
  downloads_change_30d_pct: number | null;
  latest_release: string | null;
  latest_release_at: Date | null;
  latest_release_age_days: number | null;
  docs_url: string | null;
  docs_status: number | null;
  docs_error: string | null;
  captured_at: Date;
  /** Anomalies within the window, "YYYY-MM-DD detail". */
  anomalies: string[];
  /** False: no tracked article lists the framework any more (its figures are its last snapshot's); null: no article is tracked. */
  in_article: boolean | null;
};

export type Anomaly = {
  framework: string;
  slug: string;
  run_id: number;
  captured_at: Date;
  kind: 'stars_drop' | 'repo_changed';
  before: string | null;
  after: string | null;
  detail: string;
};

export type StarPoint = {
  framework: string;
  slug: string;
  run_id: number;
  captured_at: Date;
  stars: number | null;
};

export type DownloadPoint = {
  framework: string;
  slug: string;
  registry: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  downloads: number;
};

export type ReleasePoint = {
  framework: string;
  slug: string;
  tag: string;
  published_at: Date;
  prerelease: boolean;
};

export interface ArticleVersionRow {
  source_url: string;
  version: number;
  title: string | null;
  first_seen_at: Date;
  last_seen_at: Date;
  entry_count: number;
  changes: string;
}

export interface ReportData {
  /** The newest visible snapshot's time (now when there is none): ages and windows count from it. */
  asOf: Date;
  since: Date;
  sinceDays: number;
  timeZone: string;
  rows: ReportRow[];
  anomalies: Anomaly[];
  /** Star history of the charted frameworks (the MAX_CHARTED most-starred), oldest first. */
  stars: StarPoint[];
  releases: ReleasePoint[];
  /** Daily downloads of the charted frameworks' packages within the window, oldest first. */
  downloads: DownloadPoint[];
  versions: ArticleVersionRow[];
  /** Frameworks of the articles that the newest enriching run could not enrich, and why. */
  notEnriched: { framework: string; reason: string }[];
}

export interface ReportOptions {
  sinceDays: number;
  timeZone: string;
  now: Date;
}

export async function loadReport(store: Store, options: ReportOptions): Promise<ReportData> {
  const { sinceDays, timeZone } = options;
  const latest = await latestWithTrends(store.db);
  const asOf = latest.reduce<Date | undefined>((max, row) => (!max || row.captured_at > max ? row.captured_at : max), undefined) ?? options.now;
  const since = startOfDayBefore(asOf, sinceDays, timeZone);

  const anomalies = await anomaliesSince(store.db, since);
  const charted = latest.slice(0, MAX_CHARTED);
  const slugs = charted.map((row) => row.slug);
  const stars = await starHistory(store.db, slugs, since);
  // Only the releases behind each framework's cadence figures (GitHub Releases, or tags without them).
  const cadence = new Map(charted.map((row) => [row.slug, row.cadence_source]));
  const releases = (await releasesBetween(store.db, slugs, since, asOf))
    .filter((r) => (cadence.get(r.slug) ?? r.source) === r.source)
    .map(({ source: _source, ...release }) => release);

  const packages = new Map((await packageSummaries(store.db)).map((p) => [p.slug, p]));
  const downloads = await dailyDownloads(store.db, slugs, since.toISOString().slice(0, 10));

  const listed = new Map((await currentEntryRows(store.db)).map((entry) => [entry.slug, entry.framework]));
  const notEnriched = (await lastEnrichFailures(store.db)).map((f) => ({ framework: listed.get(f.slug) ?? f.slug, reason: f.reason }));
  const flagged = new Map<string, string[]>();
  for (const a of anomalies) push(flagged, a.slug, `${localDate(a.captured_at, timeZone)} ${a.detail}`);
  const rows = latest.map((row): ReportRow => ({
    framework: row.framework,
    slug: row.slug,
    language: row.language,
    repo: row.repo,
    stars: row.stars,
    delta_7d: row.delta_7d,
    delta_30d: row.delta_30d,
    releases_last_365d: row.releases_last_365d,
    median_release_interval_days: row.median_release_interval_days,
    latest_version: row.latest_version,
    latest_version_at: row.latest_version_at,
    package_registry: packages.get(row.slug)?.package_registry ?? null,
    package_name: packages.get(row.slug)?.package_name ?? null,
    package_version: packages.get(row.slug)?.package_version ?? null,
    package_error: packages.get(row.slug)?.package_error ?? null,
    downloads_last_30d: packages.get(row.slug)?.downloads_last_30d ?? null,
    downloads_change_30d_pct: packages.get(row.slug)?.change_30d_pct ?? null,
    latest_release: row.latest_release,
    latest_release_at: row.latest_release_at,
    latest_release_age_days: row.latest_release_at ? daysBetween(row.latest_release_at, asOf, timeZone) : null,
    docs_url: row.docs_url,
    docs_status: row.docs_status,
    docs_error: row.docs_error,
    captured_at: row.captured_at,
    anomalies: flagged.get(row.slug) ?? [],
    in_article: listed.size === 0 ? null : listed.has(row.slug),
  }));
  return { asOf, since, sinceDays, timeZone, rows, anomalies, stars, releases, downloads, versions: await loadVersions(store), notEnriched };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function describeChanges(before: DiffEntry[] | undefined, after: DiffEntry[]): string {
  if (!before) return `first version, ${after.length} entries`;
  const changes = diffEntries(before, after);
  if (changes.length === 0) return 'no entry changed (text or metadata only)';
  const names = (kind: string) => changes.filter((c) => c.change === kind).map((c) => c.framework);
  const fields = new Map<string, string[]>();
  for (const c of changes) if (c.change === 'changed') push(fields, c.framework, c.field!);
  return [
    ...names('added').map((name) => `added ${name}`),
    ...names('removed').map((name) => `removed ${name}`),
    ...[...fields].map(([name, list]) => `${name}: ${list.join(', ')} changed`),
  ].join('; ');
}

/** Every stored version of every source, oldest first, each with what changed from the one before. */
async function loadVersions(store: Store): Promise<ArticleVersionRow[]> {
  const versions = await store.db.select().from(articleVersions).orderBy(asc(articleVersions.sourceUrl), asc(articleVersions.id));
  if (versions.length === 0) return [];
  const entries = await store.db
    .select()
    .from(articleEntries)
    .where(inArray(articleEntries.articleVersionId, versions.map((v) => v.id)))
    .orderBy(asc(articleEntries.position));
  const byVersion = new Map<number, DiffEntry[]>();
  for (const e of entries) {
    const entry: DiffEntry = { position: e.position, name: e.framework, slug: e.slug, language: e.language, description: e.description, pros: e.pros, cons: e.cons, notableUsers: e.notableUsers, links: e.links };
    push(byVersion, e.articleVersionId, entry);
  }
  // Numbered within each source (1, 2, …), as ingest, diff and sources say it.
  let number = 0;
  return versions.map((v, i) => {
    const previous = versions[i - 1]?.sourceUrl === v.sourceUrl ? versions[i - 1] : undefined;
    number = previous ? number + 1 : 1;
    return {
      source_url: v.sourceUrl,
      version: number,
      title: v.title,
      first_seen_at: v.firstSeenAt,
      last_seen_at: v.lastSeenAt,
      entry_count: v.entryCount,
      changes: describeChanges(previous && (byVersion.get(previous.id) ?? []), byVersion.get(v.id) ?? []),
    };
  });
}
