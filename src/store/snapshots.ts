/**
 * Writes of the enrich stage: repositories, licences, frameworks, releases and snapshot rows, in batches
 * (one statement per table and chunk, not one per framework) so that thousands of frameworks stay cheap.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';
import { frameworks, licenses, releases, repositories, snapshots } from './schema.js';

/** Rows per statement: far below PostgreSQL's 65,535 bind parameters for every table here. */
const CHUNK = 1000;

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK));
  return result;
}

/** Ids of values in a lookup table (id serial, a unique text key), inserting the values not there yet. */
async function lookupIds(db: Db, table: PgTable, id: PgColumn, key: PgColumn, values: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunks([...new Set(values)])) {
    await db.execute(
      sql`insert into ${table} (${sql.identifier(key.name)}) values ${sql.join(part.map((value) => sql`(${value})`), sql`, `)} on conflict do nothing`,
    );
    const rows = await db.select({ id: sql<number>`${id}`, key: sql<string>`${key}` }).from(table).where(inArray(key, part));
    for (const row of rows) ids.set(row.key, row.id);
  }
  return ids;
}

export const repositoryIds = (db: Db, names: string[]) => lookupIds(db, repositories, repositories.id, repositories.fullName, names);

export const licenseIds = (db: Db, spdxIds: string[]) => lookupIds(db, licenses, licenses.id, licenses.spdxId, spdxIds);

export type FrameworkRow = typeof frameworks.$inferInsert & { slug: string };

/** Inserts or updates frameworks by slug; returns slug → id. */
export async function upsertFrameworks(db: Db, rows: FrameworkRow[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunks(rows)) {
    const saved = await db
      .insert(frameworks)
      .values(part)
      .onConflictDoUpdate({
        target: frameworks.slug,
        set: {
          name: sql`excluded.name`,
          language: sql`coalesce(excluded.language, ${frameworks.language})`,
          repoId: sql`coalesce(excluded.repo_id, ${frameworks.repoId})`,
          repoSource: sql`coalesce(excluded.repo_source, ${frameworks.repoSource})`,
          repoConfidence: sql`coalesce(excluded.repo_confidence, ${frameworks.repoConfidence})`,
          docsUrl: sql`coalesce(excluded.docs_url, ${frameworks.docsUrl})`,
          updatedAt: sql`now()`,
        },
      })
      .returning({ id: frameworks.id, slug: frameworks.slug });
    for (const row of saved) ids.set(row.slug, row.id);
  }
  return ids;
}

/** What the database remembers of frameworks: a repository found by search is not searched again. */
export async function knownFrameworks(db: Db, slugs: string[]) {
  if (slugs.length === 0) return [];
  return db
    .select({
      slug: frameworks.slug,
      repo: repositories.fullName,
      repoSource: frameworks.repoSource,
      repoConfidence: frameworks.repoConfidence,
    })
    .from(frameworks)
    .leftJoin(repositories, eq(repositories.id, frameworks.repoId))
    .where(inArray(frameworks.slug, slugs));
}

export type ReleaseRow = typeof releases.$inferInsert;

/** Upserts releases by (framework, source, tag); returns "frameworkId source tag" → id. */
export async function upsertReleases(db: Db, rows: ReleaseRow[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const unique = new Map(rows.map((row) => [releaseKey(row.frameworkId, row.source, row.tag), row]));
  for (const part of chunks([...unique.values()])) {
    const saved = await db
      .insert(releases)
      .values(part)
      .onConflictDoUpdate({
        target: [releases.frameworkId, releases.source, releases.tag],
        set: { name: sql`excluded.name`, isPrerelease: sql`excluded.is_prerelease`, publishedAt: sql`excluded.published_at` },
      })
      .returning({ id: releases.id, frameworkId: releases.frameworkId, source: releases.source, tag: releases.tag });
    for (const row of saved) ids.set(releaseKey(row.frameworkId, row.source, row.tag), row.id);
  }
  return ids;
}

export const releaseKey = (frameworkId: number, source: string, tag: string) => `${frameworkId} ${source} ${tag}`;

export type SnapshotRow = typeof snapshots.$inferInsert;

export async function insertSnapshots(db: Db, rows: SnapshotRow[]): Promise<void> {
  for (const part of chunks(rows)) await db.insert(snapshots).values(part);
}

