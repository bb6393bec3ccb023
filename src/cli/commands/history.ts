/** `stackradar history NAME`: one framework's visible snapshots, oldest first. */
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { loadCatalog } from '../../enrich/catalog.js';
import { UsageError } from '../../errors.js';
import { slugify } from '../../ingest/slug.js';
import type { Store } from '../../store/database.js';
import { refreshStatistics } from '../../store/statistics.js';
import { createContext } from '../context.js';
import { printRows, type Format } from '../output.js';

const TABLE_COLUMNS = ['captured_at', 'run_id', 'repo', 'stars', 'forks', 'open_issues', 'latest_version', 'latest_release', 'releases_last_365d', 'median_release_interval_days', 'docs_status', 'docs_error'];

/** NAME may be the display name, the slug, or a catalog alias ("Rails", "ExpressJS"), in any case. */
async function resolveSlug(store: Store, name: string, catalogFile: string | undefined): Promise<string | undefined> {
  let aliasSlug: string | undefined;
  try {
    aliasSlug = loadCatalog(catalogFile).resolve(name)?.slug;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const slugs = [...new Set([name.toLowerCase(), slugify(name), aliasSlug].filter((s): s is string => Boolean(s)))];
  const [match] = await store.rows<{ slug: string }>(sql`
    select slug from frameworks
    where lower(name) = lower(${name}) or lower(slug) in ${slugs}
    order by lower(name) = lower(${name}) desc, lower(slug) = lower(${name}) desc, id
    limit 1`);
  return match?.slug;
}

export async function runHistory(command: Command, name: string, options: { format: Format }): Promise<void> {
  const context = createContext(command);
  const rows = await context.withStore(async (store) => {
    await refreshStatistics(store);
    const slug = await resolveSlug(store, name, context.config.catalogFile);
    if (!slug) throw new UsageError(`history: no framework named "${name}" (list them: stackradar sql "select name, slug from frameworks")`);
    return store.rows(sql`select * from framework_history where slug = ${slug} order by captured_at, run_id`);
  });
  if (rows.length === 0) process.stderr.write(`history: "${name}" has no snapshot from a finished run yet\n`);
  printRows(rows, options.format, options.format === 'table' ? TABLE_COLUMNS : undefined);
}
