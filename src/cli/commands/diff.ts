/** `stackradar diff`: what changed between the last two versions of each article. */
import type { Command } from 'commander';
import { diffEntries } from '../../domain/diff.js';
import { UsageError } from '../../errors.js';
import type { Format, OutputRow } from '../../format/rows.js';
import { knownSources, recentVersions } from '../../store/articles.js';
import { createContext } from '../context.js';
import { printRows } from '../print.js';

const COLUMNS = ['source_url', 'from_version', 'to_version', 'change', 'slug', 'framework', 'field', 'before', 'after'];

export async function runDiff(command: Command, options: { source?: string; format: Format }): Promise<void> {
  const context = createContext(command);
  const rows = await context.withReader(async (store) => {
    const sources = options.source ? [options.source] : await knownSources(store.db);
    const result: OutputRow[] = [];
    for (const sourceUrl of sources) {
      const [newer, older] = await recentVersions(store.db, sourceUrl, 2);
      if (!newer) throw new UsageError(`diff: no stored version of ${sourceUrl}`);
      if (!older) {
        process.stderr.write(`diff ${sourceUrl}: only one version stored (version ${newer.number}); nothing to compare\n`);
        continue;
      }
      const changes = diffEntries(older.entries, newer.entries);
      process.stderr.write(`diff ${sourceUrl}: version ${older.number} → ${newer.number}, ${changes.length} change(s)\n`);
      for (const change of changes) result.push({ source_url: sourceUrl, from_version: older.number, to_version: newer.number, ...change });
    }
    return result;
  });
  printRows(rows, options.format, COLUMNS);
}
