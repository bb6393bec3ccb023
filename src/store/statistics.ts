/**
 * Planner statistics for the embedded database. PGlite runs no autovacuum, so without this its tables
 * are never analyzed and the trend views' per-framework index probes degrade into bitmap scans and
 * sorts (a report over a year of daily snapshots: ~3 s of queries instead of ~0.1 s). A PostgreSQL
 * server analyzes on its own.
 */
import { sql } from 'drizzle-orm';
import type { Store } from './database.js';

const TABLES = ['runs', 'frameworks', 'repositories', 'releases', 'snapshots', 'article_versions', 'article_entries'];

/**
 * Vacuums and analyzes the tables never analyzed or grown by a fifth since (autovacuum's rule of thumb); a
 * catalog lookup when nothing is stale.
 */
export async function refreshStatistics(store: Store): Promise<string[]> {
  if (store.driver !== 'pglite') return [];
  const stale = await store.rows<{ name: string }>(sql`
    select c.relname as name from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname in ${TABLES}
      and (c.reltuples < 0 or pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * 1.2 + 8)`);
  // VACUUM too: it marks the new pages all-visible, which the trend views' index-only probes need.
  if (stale.length) await store.db.execute(sql.raw(`vacuum (analyze) ${stale.map((t) => `"${t.name}"`).join(', ')}`));
  return stale.map((t) => t.name);
}
