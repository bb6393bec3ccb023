/** `stackradar sources [add URL… | remove URL…]`: list the tracked sources, or add and stop tracking some. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { Format } from '../../format/rows.js';
import { sourceListing, trackSources, untrackSources } from '../../store/sources.js';
import { createContext } from '../context.js';
import { printRows } from '../print.js';

const COLUMNS = ['url', 'tracked', 'added', 'current_version', 'entries', 'last_fetched', 'last_outcome'];

const isHttpUrl = (text: string) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);

function checkUrls(action: string, urls: string[]): void {
  if (urls.length === 0) throw new UsageError(`sources ${action}: give at least one URL`);
  const bad = urls.find((url) => !isHttpUrl(url));
  if (bad !== undefined) throw new UsageError(`sources ${action}: ${JSON.stringify(bad)} is not an http(s) URL`);
}

export async function runSources(command: Command, action: string | undefined, urls: string[], options: { format: Format }): Promise<void> {
  if (action !== undefined && action !== 'add' && action !== 'remove') throw new UsageError(`sources: unknown action "${action}" (add or remove)`);
  if (action === 'add') checkUrls('add', urls);
  if (action === 'remove' && urls.length === 0) throw new UsageError('sources remove: give at least one URL');
  const context = createContext(command);
  const now = context.config.now ?? new Date();
  const rows = await context.withStore(async (store) => {
    // The configured sources are tracked unless a user stopped them.
    await trackSources(store.db, context.config.sourceUrls, now, { revive: false });
    if (action === 'add') {
      await trackSources(store.db, urls, now, { revive: true });
      process.stderr.write(`sources: tracking ${urls.join(', ')}; the next refresh ingests them\n`);
    }
    if (action === 'remove') {
      const stopped = await untrackSources(store.db, urls, now);
      const unknown = urls.filter((url) => !stopped.includes(url));
      if (unknown.length) throw new UsageError(`sources remove: not a tracked source: ${unknown.join(', ')} (list them: stackradar sources)`);
      process.stderr.write(`sources: stopped tracking ${stopped.join(', ')}; their stored versions stay\n`);
    }
    return sourceListing(store.db);
  });
  printRows(rows, options.format, COLUMNS);
}
