/**
 * The tracked sources: which articles `refresh` ingests and whose entries `enrich` covers. A source is
 * tracked from its first ingest (or `sources add`) until `sources remove`; its versions stay either way.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from './database.js';
import { articleVersions, sources } from './schema.js';

/**
 * Tracks `urls`. `revive`: a source stopped with `sources remove` is tracked again (an explicit
 * `--source`, `--file` or `sources add`); without it (the configured defaults) it stays stopped.
 */
export async function trackSources(db: Db, urls: string[], at: Date, options: { revive: boolean }): Promise<void> {
  if (urls.length === 0) return;
  const insert = db.insert(sources).values([...new Set(urls)].map((url) => ({ url, addedAt: at })));
  if (options.revive) await insert.onConflictDoUpdate({ target: sources.url, set: { removedAt: null }, setWhere: sql`${sources.removedAt} is not null` });
  else await insert.onConflictDoNothing();
}

/** Stops tracking `urls`; returns those that were tracked. */
export async function untrackSources(db: Db, urls: string[], at: Date): Promise<string[]> {
  if (urls.length === 0) return [];
  const rows = await db
    .update(sources)
    .set({ removedAt: at })
    .where(and(inArray(sources.url, urls), isNull(sources.removedAt)))
    .returning({ url: sources.url });
  return rows.map((row) => row.url);
}

/** The tracked sources' URLs, oldest first. */
export async function trackedSources(db: Db): Promise<string[]> {
  const rows = await db.select({ url: sources.url }).from(sources).where(isNull(sources.removedAt)).orderBy(asc(sources.addedAt), asc(sources.url));
  return rows.map((row) => row.url);
}

export async function recordFetch(db: Db, url: string, at: Date, outcome: string): Promise<void> {
  await db.update(sources).set({ lastFetchedAt: at, lastOutcome: outcome }).where(eq(sources.url, url));
}

/** Every source, tracked first, with its current version and entry count, for `stackradar sources`. */
export function sourceListing(db: Db) {
  const current = db
    .selectDistinctOn([articleVersions.sourceUrl], { url: articleVersions.sourceUrl, id: articleVersions.id, entries: articleVersions.entryCount })
    .from(articleVersions)
    .orderBy(articleVersions.sourceUrl, desc(articleVersions.id))
    .as('current');
  return db
    .select({
      url: sources.url,
      tracked: sql<boolean>`${sources.removedAt} is null`,
      added: sources.addedAt,
      removed: sources.removedAt,
      current_version: current.id,
      entries: current.entries,
      last_fetched: sources.lastFetchedAt,
      last_outcome: sources.lastOutcome,
    })
    .from(sources)
    .leftJoin(current, eq(current.url, sources.url))
    .orderBy(sql`${sources.removedAt} is not null`, asc(sources.addedAt), asc(sources.url));
}
