/**
 * `stackradar sources [add URL… | remove URL… | set URL (--entries SELECTOR [--exclude SELECTOR] | --auto)]`:
 * list the tracked sources, add and stop tracking some, or pin how a source's entries are found.
 */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { Format } from '../../format/rows.js';
import { selectorProblem } from '../../ingest/selector.js';
import type { Db } from '../../store/database.js';
import { setSourcePin, sourceListing, sourceState, trackSources, untrackSources, type SourcePin } from '../../store/sources.js';
import { createContext } from '../context.js';
import { printRows } from '../print.js';

const COLUMNS = ['url', 'tracked', 'added', 'current_version', 'entries', 'last_fetched', 'last_outcome', 'pin'];

interface SourcesOptions {
  format: Format;
  entries?: string;
  exclude?: string;
  auto?: boolean;
}

/** What `sources set` does: pin a source, or (null) go back to discovery. */
type PinChange = { url: string; pin: SourcePin | null };

const isHttpUrl = (text: string) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);

function checkUrls(action: string, urls: string[]): void {
  if (urls.length === 0) throw new UsageError(`sources ${action}: give at least one URL`);
  const bad = urls.find((url) => !isHttpUrl(url));
  if (bad !== undefined) throw new UsageError(`sources ${action}: ${JSON.stringify(bad)} is not an http(s) URL`);
}

function checkSelector(flag: string, selector: string): void {
  const problem = selectorProblem(selector);
  if (problem) throw new UsageError(`sources set: invalid ${flag} selector ${JSON.stringify(selector)}: ${problem}`);
}

/** `set URL --entries SELECTOR [--exclude SELECTOR]` or `set URL --auto`, checked before the database opens. */
function pinChange(urls: string[], options: SourcesOptions): PinChange {
  const [url, ...more] = urls;
  // A file source (ingest --file) is tracked under its file:// URL and can be pinned too.
  if (url === undefined || more.length) throw new UsageError('sources set: give exactly one URL');
  if (!isHttpUrl(url) && !(URL.canParse(url) && new URL(url).protocol === 'file:')) {
    throw new UsageError(`sources set: ${JSON.stringify(url)} is not an http(s) or file: URL`);
  }
  if (options.auto) {
    if (options.entries !== undefined || options.exclude !== undefined) throw new UsageError('sources set: give --auto or --entries, not both');
    return { url, pin: null };
  }
  const entries = options.entries?.trim();
  const exclude = options.exclude?.trim() ?? null;
  if (entries === undefined) throw new UsageError('sources set: give --entries SELECTOR (with --exclude SELECTOR if needed), or --auto');
  checkSelector('--entries', entries);
  if (exclude !== null) checkSelector('--exclude', exclude);
  return { url, pin: { entries, exclude } };
}

function describePin(pin: SourcePin): string {
  return `\`${pin.entries}\`${pin.exclude ? ` (excluding \`${pin.exclude}\`)` : ''}`;
}

/** Pins or unpins a source; pinning an untracked source tracks it. Says what it did in one line (two when it tracks). */
async function applyPinChange(db: Db, change: PinChange, now: Date): Promise<void> {
  const { url, pin } = change;
  const state = await sourceState(db, url);
  if (pin === null) {
    if (state === 'unknown') throw new UsageError(`sources set: not a known source: ${url} (list them: stackradar sources)`);
    const before = await setSourcePin(db, url, null);
    process.stderr.write(
      before ? `sources: ${url} is no longer pinned (was ${describePin(before)}); its entries are found by discovery again\n` : `sources: ${url} was not pinned; its entries are found by discovery\n`,
    );
    return;
  }
  if (state !== 'tracked') {
    await trackSources(db, [url], now);
    process.stderr.write(`sources: ${url} was not tracked and now is; the next refresh ingests it (undo: stackradar sources remove ${url})\n`);
  }
  await setSourcePin(db, url, pin);
  process.stderr.write(`sources: ${url} pinned: each element matching ${describePin(pin)} starts an entry (undo: stackradar sources set ${url} --auto)\n`);
}

/** Tracks `urls`, one line for each that was not tracked yet. */
async function addSources(db: Db, urls: string[], now: Date): Promise<void> {
  const added = await trackSources(db, urls, now);
  for (const url of urls) {
    process.stderr.write(
      added.includes(url)
        ? `sources: now tracking ${url}; the next refresh ingests it (undo: stackradar sources remove ${url})\n`
        : `sources: ${url} is tracked already\n`,
    );
  }
}

async function removeSources(db: Db, urls: string[], now: Date, configured: string[]): Promise<void> {
  const stopped = await untrackSources(db, urls, now, configured);
  const unknown = urls.filter((url) => !stopped.includes(url));
  if (unknown.length) throw new UsageError(`sources remove: not a tracked source: ${unknown.join(', ')} (list them: stackradar sources)`);
  process.stderr.write(`sources: stopped tracking ${stopped.join(', ')}; their stored versions stay\n`);
}

/** The listing never writes: a configured source not ingested yet is not tracked, and is named on stderr. */
function notePending(configured: string[], listing: { url: string }[]): void {
  for (const url of configured.filter((u) => !listing.some((row) => row.url === u))) {
    process.stderr.write(`sources: ${url} (configured) is not tracked yet: refresh and ingest try it, and track it once it is ingested\n`);
  }
}

export async function runSources(command: Command, action: string | undefined, urls: string[], options: SourcesOptions): Promise<void> {
  if (action !== undefined && !['add', 'remove', 'set'].includes(action)) throw new UsageError(`sources: unknown action "${action}" (add, remove or set)`);
  if (action !== 'set' && (options.entries !== undefined || options.exclude !== undefined || options.auto)) {
    throw new UsageError('sources: --entries, --exclude and --auto go with `sources set URL`');
  }
  if (action === 'add') checkUrls('add', urls);
  if (action === 'remove' && urls.length === 0) throw new UsageError('sources remove: give at least one URL');
  const change = action === 'set' ? pinChange(urls, options) : null;
  const context = createContext(command);
  const now = context.config.now ?? new Date();
  const rows = await context.withStore(async (store) => {
    if (action === 'add') await addSources(store.db, urls, now);
    if (action === 'remove') await removeSources(store.db, urls, now, context.config.sourceUrls);
    if (change) await applyPinChange(store.db, change, now);
    const listing = await sourceListing(store.db);
    if (action === undefined) notePending(context.config.sourceUrls, listing);
    return listing;
  });
  printRows(rows, options.format, COLUMNS);
}
