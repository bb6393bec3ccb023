/** `stackradar history NAME`: one framework's visible snapshots, oldest first. */
import type { Command } from 'commander';
import { slugify } from '../../catalog/slug.js';
import { UsageError } from '../../errors.js';
import type { Format } from '../../format/rows.js';
import { HISTORY_COLUMNS, historyOf, storedFrameworkSlug } from '../../store/reads.js';
import { refreshStatistics } from '../../store/statistics.js';
import { createContext } from '../context.js';
import { printRows } from '../print.js';

const TABLE_COLUMNS = ['captured_at', 'run_id', 'repo', 'stars', 'forks', 'open_issues', 'latest_version', 'latest_release', 'releases_last_365d', 'median_release_interval_days', 'docs_status', 'docs_error'];

export async function runHistory(command: Command, name: string, options: { format: Format }): Promise<void> {
  const context = createContext(command);
  // NAME may be the display name, the slug, or a catalog alias ("Rails", "ExpressJS"), in any case.
  const candidates = [...new Set([name.toLowerCase(), slugify(name), context.catalog.resolve(name)?.slug].filter((s): s is string => Boolean(s)))];
  const rows = await context.withReader(async (store) => {
    await refreshStatistics(store);
    const slug = await storedFrameworkSlug(store.db, name, candidates);
    if (!slug) throw new UsageError(`history: no framework named "${name}" (list them: stackradar sql "select name, slug from frameworks")`);
    return historyOf(store.db, slug);
  });
  if (rows.length === 0) process.stderr.write(`history: "${name}" has no snapshot from a finished run yet\n`);
  printRows(rows, options.format, options.format === 'table' ? TABLE_COLUMNS : HISTORY_COLUMNS);
}
