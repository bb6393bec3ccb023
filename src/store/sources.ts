/**
 * The tracked sources: which articles `refresh` ingests and whose entries `enrich` covers. A source is
 * tracked from its first successful ingest (or `sources add`, or a pin) until `sources remove`; its
 * versions stay either way. A failed attempt tracks nothing.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from './database.js';
import { articleVersions, sources } from './schema.js';

/**
 * Tracks `urls` (a source stopped with `sources remove` is tracked again); returns those that were not
 * tracked before, for the line that says so.
 */
export async function trackSources(db: Db, urls: string[], at: Date): Promise<string[]> {
  if (urls.length === 0) return [];
  const rows = await db
    .insert(sources)
    .values([...new Set(urls)].map((url) => ({ url, addedAt: at })))
    .onConflictDoUpdate({ target: sources.url, set: { removedAt: null }, setWhere: sql`${sources.removedAt} is not null` })
    .returning({ url: sources.url });
  return rows.map((row) => row.url);
}

/**
 * Stops tracking `urls`; returns those that were tracked. A configured default never ingested yet is
 * recorded as stopped, so that it stays stopped.
 */
export async function untrackSources(db: Db, urls: string[], at: Date, configured: string[]): Promise<string[]> {
  if (urls.length === 0) return [];
  const rows = await db
    .update(sources)
    .set({ removedAt: at })
    .where(and(inArray(sources.url, urls), isNull(sources.removedAt)))
    .returning({ url: sources.url });
  const pending = urls.filter((url) => configured.includes(url));
  const added = pending.length
    ? await db.insert(sources).values(pending.map((url) => ({ url, addedAt: at, removedAt: at }))).onConflictDoNothing().returning({ url: sources.url })
    : [];
  return [...rows, ...added].map((row) => row.url);
}

/** What a run ingests: the tracked sources, then the configured defaults never seen (a default stopped with `sources remove` stays stopped). */
export async function trackedOrDefault(db: Db, defaults: string[]): Promise<string[]> {
  const rows = await db.select({ url: sources.url, removedAt: sources.removedAt }).from(sources).orderBy(asc(sources.addedAt), asc(sources.url));
  const known = new Set(rows.map((row) => row.url));
  return [...rows.filter((row) => row.removedAt === null).map((row) => row.url), ...defaults.filter((url) => !known.has(url))];
}

/** The sources among `urls` that are known: tracked, or stopped with `sources remove`. */
export async function sourceStates(db: Db, urls: string[]): Promise<Map<string, 'tracked' | 'removed'>> {
  if (urls.length === 0) return new Map();
  const rows = await db.select({ url: sources.url, removedAt: sources.removedAt }).from(sources).where(inArray(sources.url, urls));
  return new Map(rows.map((row) => [row.url, row.removedAt === null ? 'tracked' : 'removed']));
}

/** Forgets sources entirely (an interrupted run's first ingest of them): as if never seen. */
export async function forgetSources(db: Db, urls: string[]): Promise<void> {
  if (urls.length) await db.delete(sources).where(inArray(sources.url, urls));
}

/** Whether `url` is tracked, was tracked until `sources remove`, or was never seen. */
export async function sourceState(db: Db, url: string): Promise<'tracked' | 'removed' | 'unknown'> {
  const [row] = await db.select({ removedAt: sources.removedAt }).from(sources).where(eq(sources.url, url));
  return !row ? 'unknown' : row.removedAt === null ? 'tracked' : 'removed';
}

/** A source's pinned structure: each element `entries` matches starts an entry; what `exclude` matches is left out. */
export interface SourcePin {
  entries: string;
  exclude: string | null;
}

/** Pins (or with null, unpins) a known source; returns its pin before. */
export async function setSourcePin(db: Db, url: string, pin: SourcePin | null): Promise<SourcePin | null> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ entries: sources.entriesSelector, exclude: sources.excludeSelector })
      .from(sources)
      .where(eq(sources.url, url))
      .for('update');
    await tx
      .update(sources)
      .set({ entriesSelector: pin?.entries ?? null, excludeSelector: pin?.exclude ?? null })
      .where(eq(sources.url, url));
    return before?.entries ? { entries: before.entries, exclude: before.exclude } : null;
  });
}

/** The pins of `urls` that have one. */
export async function sourcePins(db: Db, urls: string[]): Promise<Map<string, SourcePin>> {
  if (urls.length === 0) return new Map();
  const rows = await db
    .select({ url: sources.url, entries: sources.entriesSelector, exclude: sources.excludeSelector })
    .from(sources)
    .where(and(inArray(sources.url, urls), isNotNull(sources.entriesSelector)));
  return new Map(rows.flatMap((row) => (row.entries === null ? [] : [[row.url, { entries: row.entries, exclude: row.exclude }] as const])));
}

export async function recordFetch(db: Db, url: string, at: Date, outcome: string): Promise<void> {
  await db.update(sources).set({ lastFetchedAt: at, lastOutcome: outcome }).where(eq(sources.url, url));
}

/** Every source, tracked first, with its current version and entry count, for `stackradar sources`. */
export function sourceListing(db: Db) {
  const current = db
    .selectDistinctOn([articleVersions.sourceUrl], {
      url: articleVersions.sourceUrl,
      // Numbered within the source, as ingest and diff say it: the newest is the source's count of versions.
      number: sql<number>`(count(*) over (partition by ${articleVersions.sourceUrl}))::int`.as('number'),
      entries: articleVersions.entryCount,
    })
    .from(articleVersions)
    .orderBy(articleVersions.sourceUrl, desc(articleVersions.id))
    .as('current');
  return db
    .select({
      url: sources.url,
      tracked: sql<boolean>`${sources.removedAt} is null`,
      added: sources.addedAt,
      removed: sources.removedAt,
      current_version: current.number,
      entries: current.entries,
      last_fetched: sources.lastFetchedAt,
      last_outcome: sources.lastOutcome,
      pin: sql<string | null>`${sources.entriesSelector} || coalesce(' (exclude ' || ${sources.excludeSelector} || ')', '')`,
      entries_selector: sources.entriesSelector,
      exclude_selector: sources.excludeSelector,
    })
    .from(sources)
    .leftJoin(current, eq(current.url, sources.url))
    .orderBy(sql`${sources.removedAt} is not null`, asc(sources.addedAt), asc(sources.url));
}
