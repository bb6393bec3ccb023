/** `stackradar feed`: the stored change events as an Atom 1.0, RSS 2.0 or JSON Feed 1.1 document. */
import { renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { EVENT_KINDS } from '../../notify/event.js';
import { renderFeed, type FeedFormat } from '../../notify/feed.js';
import { parseWindow } from '../../report/dates.js';
import { eventsSince } from '../../store/events.js';
import { createContext } from '../context.js';

interface FeedOptions {
  format: FeedFormat;
  since: string;
  kind?: string[];
  out?: string;
}

const DAY_MS = 86_400_000;

function checkKinds(kinds: string[]): string[] {
  const unknown = kinds.filter((kind) => !(EVENT_KINDS as readonly string[]).includes(kind));
  if (unknown.length) throw new UsageError(`feed: unknown --kind ${unknown.join(', ')} (kinds: ${EVENT_KINDS.join(', ')})`);
  return [...new Set(kinds)];
}

/** Written beside the target and renamed, so a web server never serves half a feed. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    throw new UsageError(`feed: cannot write --out ${file}: ${(error as Error).message}`);
  }
}

export async function runFeed(command: Command, options: FeedOptions): Promise<void> {
  const sinceDays = parseWindow(options.since);
  const kinds = checkKinds(options.kind ?? []);
  const context = createContext(command);
  const now = context.config.now ?? new Date();
  const events = await context.withReader((store) => eventsSince(store.db, new Date(now.getTime() - sinceDays * DAY_MS), kinds));
  const text = renderFeed(events, options.format, { home: context.config.sourceUrls[0]!, kinds, now });
  if (options.out) {
    writeAtomically(options.out, text);
    process.stderr.write(`feed: wrote ${options.out} (${events.length} event(s))\n`);
  } else {
    await new Promise<void>((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
  }
}
