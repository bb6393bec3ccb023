/**
 * What review's `contender` finding reads and writes: the daily topic searches (which languages a day
 * already has, the run's new ones, the newest of each language) and each framework's 90-day change in
 * stars, from the runs that finished plus the run in progress.
 */
import { and, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';
import { frameworks, runs, snapshots } from './schema.js';
import { topicSearches } from './schema-topics.js';

export type TopicSearchRow = Omit<typeof topicSearches.$inferInsert, 'id' | 'runId'>;

/** The languages already searched on `day` (YYYY-MM-DD in STACKRADAR_TZ). */
export async function languagesSearchedOn(db: Db, day: string): Promise<Set<string>> {
  const rows = await db.select({ language: topicSearches.language }).from(topicSearches).where(eq(topicSearches.day, day));
  return new Set(rows.map((row) => row.language));
}

/** Stores one search; a row of the same language and day (another process's) wins. */
export async function recordTopicSearch(db: Db, runId: number, row: TopicSearchRow): Promise<void> {
  await db.insert(topicSearches).values({ ...row, runId }).onConflictDoNothing();
}

/** The newest search of each language. */
export function latestTopicSearches(db: Db) {
  return db
    .selectDistinctOn([topicSearches.language], { language: topicSearches.language, searchedAt: topicSearches.searchedAt, repos: topicSearches.repos })
    .from(topicSearches)
    .orderBy(topicSearches.language, desc(topicSearches.searchedAt));
}

/** Snapshots of finished runs and of the run in progress, read through aliases so two lateral reads can nest. */
function visibleStars(db: Db, runId: number, name: string) {
  const s = alias(snapshots, `${name}_snapshot`);
  const r = alias(runs, `${name}_run`);
  const rows = db
    .select({ capturedAt: s.capturedAt, stars: s.stars })
    .from(s)
    .innerJoin(r, and(eq(r.id, s.runId), or(inArray(r.status, ['succeeded', 'partial']), eq(r.id, runId))))
    .orderBy(desc(s.capturedAt), desc(s.runId))
    .limit(1);
  return { s, rows };
}

/** Stars gained by each framework between its newest snapshot and the newest one at least 90 days older (star_trends' rule). */
export async function starsChange90d(db: Db, runId: number): Promise<Map<string, number>> {
  const now = visibleStars(db, runId, 'newest');
  const newest = now.rows.where(eq(now.s.frameworkId, frameworks.id)).as('newest');
  const then = visibleStars(db, runId, 'older');
  const older = then.rows
    .where(and(eq(then.s.frameworkId, frameworks.id), lte(then.s.capturedAt, sql`${newest.capturedAt} - interval '90 days' + interval '1 hour'`)))
    .as('older');
  const rows = await db
    .select({ slug: frameworks.slug, now: newest.stars, then: older.stars })
    .from(frameworks)
    .innerJoinLateral(newest, sql`true`)
    .innerJoinLateral(older, sql`true`);
  return new Map(rows.flatMap((row) => (row.now === null || row.then === null ? [] : [[row.slug, row.now - row.then] as const])));
}
