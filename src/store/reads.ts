/**
 * Typed reads of the public views and the tables behind the report: every query the jobs, the report
 * and the CLI make of them lives here, so a column change is one place to look.
 */
import { and, asc, desc, eq, getViewSelectedFields, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from './database.js';
import { frameworks, releases, runs, snapshots, sources } from './schema.js';
import { currentEntries, frameworkHistory, frameworkLatest, snapshotAnomalies, starTrends } from './views.js';

/** The current entries of every tracked source, in source and article order. */
export function currentEntryRows(db: Db) {
  return db
    .select({ slug: currentEntries.slug, framework: currentEntries.framework, language: currentEntries.language, links: currentEntries.links })
    .from(currentEntries)
    .innerJoin(sources, and(eq(sources.url, currentEntries.source_url), isNull(sources.removedAt)))
    .orderBy(asc(currentEntries.source_url), asc(currentEntries.position));
}

/**
 * The frameworks the newest finished run that enriched could not enrich, and why (its `stats.failed`):
 * they have no snapshot of that run, so the report would otherwise leave them out without a word.
 */
export async function lastEnrichFailures(db: Db): Promise<{ slug: string; reason: string }[]> {
  const [run] = await db
    .select({ stats: runs.stats })
    .from(runs)
    .where(and(inArray(runs.status, ['succeeded', 'partial']), sql`${runs.stats} -> 'failed' is not null`))
    .orderBy(desc(runs.id))
    .limit(1);
  return run?.stats.failed ?? [];
}

/** The columns of snapshotsOfRun() and historyOf(), so an empty result still prints its header. */
export const HISTORY_COLUMNS = Object.keys(getViewSelectedFields(frameworkHistory));

/** Each framework's last docs check, from its newest visible snapshot: the URL, the result and when. */
export function lastDocsChecks(db: Db, slugs: string[]) {
  if (slugs.length === 0) return Promise.resolve([]);
  const l = frameworkLatest;
  return db
    .select({ slug: l.slug, url: l.docs_url, status: l.docs_status, error: l.docs_error, checkedAt: l.docs_checked_at })
    .from(l)
    .where(inArray(l.slug, slugs));
}

/**
 * The first answers of each framework's last docs check (framework_latest leaves them out), carried
 * with the rest of a check that is not due again.
 */
export function lastDocsFirstHops(db: Db, slugs: string[]) {
  if (slugs.length === 0) return Promise.resolve([]);
  return db
    .selectDistinctOn([snapshots.frameworkId], { slug: frameworks.slug, firstStatus: snapshots.docsFirstStatus, movedTo: snapshots.docsMovedTo })
    .from(snapshots)
    .innerJoin(runs, and(eq(runs.id, snapshots.runId), inArray(runs.status, ['succeeded', 'partial'])))
    .innerJoin(frameworks, eq(frameworks.id, snapshots.frameworkId))
    .where(inArray(frameworks.slug, slugs))
    .orderBy(snapshots.frameworkId, desc(snapshots.capturedAt), desc(snapshots.runId));
}

/** The visible snapshots of one run (none while it is running), by framework name. */
export function snapshotsOfRun(db: Db, runId: number) {
  return db.select().from(frameworkHistory).where(eq(frameworkHistory.run_id, runId)).orderBy(asc(frameworkHistory.framework));
}

/** One framework's visible snapshots, oldest first. */
export function historyOf(db: Db, slug: string) {
  return db.select().from(frameworkHistory).where(eq(frameworkHistory.slug, slug)).orderBy(asc(frameworkHistory.captured_at), asc(frameworkHistory.run_id));
}

/**
 * The slug of the stored framework a user means: an exact display name wins over a slug; `candidates`
 * are the slugs the name may stand for (its own slug, a catalog alias's).
 */
export async function storedFrameworkSlug(db: Db, name: string, candidates: string[]): Promise<string | undefined> {
  const sameName = sql`lower(${frameworks.name}) = lower(${name})`;
  const [match] = await db
    .select({ slug: frameworks.slug })
    .from(frameworks)
    .where(or(sameName, inArray(sql`lower(${frameworks.slug})`, candidates)))
    .orderBy(desc(sameName), desc(sql`lower(${frameworks.slug}) = lower(${name})`), asc(frameworks.id))
    .limit(1);
  return match?.slug;
}

/** Every framework's newest figures with its star deltas, most-starred first. */
export function latestWithTrends(db: Db) {
  const l = frameworkLatest;
  return db
    .select({
      framework: l.framework,
      slug: l.slug,
      language: l.language,
      repo: l.repo,
      stars: l.stars,
      delta_7d: starTrends.delta_7d,
      delta_30d: starTrends.delta_30d,
      releases_last_365d: l.releases_last_365d,
      median_release_interval_days: l.median_release_interval_days,
      latest_release: l.latest_release,
      latest_release_at: l.latest_release_at,
      latest_version: l.latest_version,
      latest_version_at: l.latest_version_at,
      docs_url: l.docs_url,
      docs_status: l.docs_status,
      docs_error: l.docs_error,
      captured_at: l.captured_at,
      cadence_source: l.cadence_source,
    })
    .from(l)
    .leftJoin(starTrends, eq(starTrends.slug, l.slug))
    .orderBy(sql`${l.stars} desc nulls last`, asc(l.framework));
}

export function anomaliesSince(db: Db, since: Date) {
  const a = snapshotAnomalies;
  return db.select().from(a).where(gte(a.captured_at, since)).orderBy(asc(a.captured_at), asc(a.framework), asc(a.kind));
}

/** Star history of some frameworks since a moment, oldest first. */
export function starHistory(db: Db, slugs: string[], since: Date) {
  if (slugs.length === 0) return Promise.resolve([]);
  const h = frameworkHistory;
  return db
    .select({ framework: h.framework, slug: h.slug, run_id: h.run_id, captured_at: h.captured_at, stars: h.stars })
    .from(h)
    .where(and(gte(h.captured_at, since), inArray(h.slug, slugs)))
    .orderBy(asc(h.captured_at), asc(h.run_id));
}

/** Stored releases and tags of some frameworks dated within [since, until], oldest first. */
export function releasesBetween(db: Db, slugs: string[], since: Date, until: Date) {
  if (slugs.length === 0) return Promise.resolve([]);
  return db
    .select({
      framework: frameworks.name,
      slug: frameworks.slug,
      tag: releases.tag,
      published_at: releases.publishedAt,
      prerelease: releases.isPrerelease,
      source: releases.source,
    })
    .from(releases)
    .innerJoin(frameworks, eq(frameworks.id, releases.frameworkId))
    .where(and(gte(releases.publishedAt, since), lte(releases.publishedAt, until), inArray(frameworks.slug, slugs)))
    .orderBy(asc(releases.publishedAt));
}
