/** `stackradar ingest` and `stackradar diff`. */
import type { Command } from 'commander';
import { loadCatalog } from '../../enrich/catalog.js';
import { ExitCode, UsageError } from '../../errors.js';
import { diffEntries } from '../../ingest/diff.js';
import { ingestSources, type IngestOutcome } from '../../jobs/ingest.js';
import { knownSources, recentVersions } from '../../store/articles.js';
import { finishRun, startRun, type FinalStatus } from '../../store/runs.js';
import { createContext } from '../context.js';
import { printRows, type Format, type OutputRow } from '../output.js';

interface IngestOptions {
  source?: string[];
  file?: string[];
  format: Format;
}

/** Exit status of an ingest: broken parses and failed sources make it partial, or failed when nothing worked. */
export function ingestStatus(outcomes: IngestOutcome[]): FinalStatus {
  const good = outcomes.filter((o) => o.status === 'new-version' || o.status === 'unchanged').length;
  if (good === outcomes.length) return 'succeeded';
  return outcomes.some((o) => o.status === 'broken') || good > 0 ? 'partial' : 'failed';
}

function entryRows(outcomes: IngestOutcome[]): OutputRow[] {
  return outcomes.flatMap((outcome) =>
    (outcome.status === 'broken' ? [] : outcome.article?.entries ?? []).map((entry) => ({
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

export async function runIngest(command: Command, options: IngestOptions): Promise<void> {
  if (options.source?.length && options.file?.length) throw new UsageError('ingest: give --source or --file, not both');
  const context = createContext(command, { source: options.source });
  const catalog = loadCatalog(context.config.catalogFile);
  const seenAt = context.config.now ?? new Date();
  const status = await context.withStore(async (store) => {
    const runId = await startRun(store.db, 'cli', 'ingest', seenAt);
    const outcomes = await ingestSources({
      db: store.db,
      catalog,
      logger: context.logger,
      sources: options.file?.length ? { files: options.file } : { urls: context.config.sourceUrls },
      seenAt,
      runId,
      fetchOptions: { timeoutSecs: context.config.fetchTimeoutSecs, retries: context.config.fetchRetries },
    });
    const status = ingestStatus(outcomes);
    const problems = outcomes.filter((o) => o.problem).map((o) => `${o.sourceUrl}: ${o.problem}`);
    await finishRun(
      store.db,
      runId,
      status,
      { sources: outcomes.map((o) => ({ url: o.sourceUrl, status: o.status, entries: o.article?.entries.length ?? 0 })) },
      problems.join('; ') || null,
    );
    printRows(entryRows(outcomes), options.format, options.format === 'table' ? TABLE_COLUMNS : undefined);
    for (const outcome of outcomes) {
      const what =
        outcome.status === 'broken'
          ? `not stored: ${outcome.problem} (the previous version stays current)`
          : outcome.status === 'failed'
            ? `failed: ${outcome.problem}`
            : `${outcome.article!.entries.length} entries, ${outcome.status === 'new-version' ? `new version ${outcome.versionId}` : `unchanged (version ${outcome.versionId})`}`;
      process.stderr.write(`ingest ${outcome.sourceUrl}: ${what}\n`);
    }
    return status;
  });
  if (status !== 'succeeded') process.exitCode = status === 'partial' ? ExitCode.partial : ExitCode.failed;
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
