/** `stackradar ingest` and `stackradar diff`. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { diffEntries } from '../../domain/diff.js';
import type { IngestOutcome } from '../../jobs/ingest.js';
import { ingestResult, ingestStage, stageContext } from '../../jobs/refresh.js';
import { exitCodeOf, withRun } from '../../jobs/run.js';
import { knownSources, recentVersions } from '../../store/articles.js';
import { createContext } from '../context.js';
import { printRows, type Format, type OutputRow } from '../../format/rows.js';

interface IngestOptions {
  source?: string[];
  file?: string[];
  format: Format;
}

function entryRows(outcomes: IngestOutcome[]): OutputRow[] {
  return outcomes.flatMap((outcome) =>
    (outcome.status === 'broken' ? [] : (outcome.article?.entries ?? [])).map((entry) => ({
      source_url: outcome.sourceUrl,
      position: entry.position,
      framework: entry.name,
      slug: entry.slug,
      language: entry.language,
      pros: entry.pros,
      notable_users: entry.notableUsers,
      links: entry.links,
      description: entry.description,
    })),
  );
}

const TABLE_COLUMNS = ['position', 'framework', 'slug', 'language', 'pros', 'notable_users'];

/** One line per source on stderr: what was stored, or why not. */
export function describeIngest(outcome: IngestOutcome): string {
  switch (outcome.status) {
    case 'broken':
      return `ingest ${outcome.sourceUrl}: not stored: ${outcome.problem} (the previous version stays current)`;
    case 'failed':
      return `ingest ${outcome.sourceUrl}: failed: ${outcome.problem}`;
    case 'new-version':
      return `ingest ${outcome.sourceUrl}: ${outcome.article!.entries.length} entries, new version ${outcome.versionId}`;
    case 'unchanged':
      return `ingest ${outcome.sourceUrl}: ${outcome.article!.entries.length} entries, unchanged (version ${outcome.versionId})`;
  }
}

export async function runIngest(command: Command, options: IngestOptions): Promise<void> {
  if (options.source?.length && options.file?.length) throw new UsageError('ingest: give --source or --file, not both');
  const context = createContext(command, { source: options.source });
  const { config, logger } = context;
  const result = await context.withStore((store) =>
    withRun(store, logger, { trigger: 'cli', command: 'ingest', now: config.now ?? new Date() }, async (runId) => {
      const outcomes = await ingestStage(stageContext(store, config, logger, runId), options.file?.length ? { files: options.file } : { urls: config.sourceUrls });
      printRows(entryRows(outcomes), options.format, options.format === 'table' ? TABLE_COLUMNS : undefined);
      for (const outcome of outcomes) process.stderr.write(`${describeIngest(outcome)}\n`);
      return ingestResult(outcomes);
    }),
  );
  process.exitCode = exitCodeOf(result.status);
}

export async function runDiff(command: Command, options: { source?: string; format: Format }): Promise<void> {
  const context = createContext(command);
  const rows = await context.withStore(async (store) => {
    const sources = options.source ? [options.source] : await knownSources(store.db);
    const result: OutputRow[] = [];
    for (const sourceUrl of sources) {
      const [newer, older] = await recentVersions(store.db, sourceUrl, 2);
      if (!newer) throw new UsageError(`diff: no stored version of ${sourceUrl}`);
      if (!older) {
        process.stderr.write(`diff ${sourceUrl}: only one version stored (version ${newer.id}); nothing to compare\n`);
        continue;
      }
      const changes = diffEntries(older.entries, newer.entries);
      process.stderr.write(`diff ${sourceUrl}: version ${older.id} → ${newer.id}, ${changes.length} change(s)\n`);
      for (const change of changes) {
        result.push({ source_url: sourceUrl, from_version: older.id, to_version: newer.id, ...change });
      }
    }
    return result;
  });
  printRows(rows, options.format);
}
