/** `stackradar ingest`: fetch (or read) and parse articles, store new versions (`--accept`: doubtful ones too), print the entries. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { Format, OutputRow } from '../../format/rows.js';
import { exitCodeOf, runStages } from '../../jobs/run.js';
import { ingestStage, type IngestOutcome } from '../../jobs/stages/ingest.js';
import { createContext } from '../context.js';
import { printRows } from '../print.js';
import { reportIngest } from '../run-output.js';

interface IngestOptions {
  source?: string[];
  file?: string[];
  accept?: boolean;
  format: Format;
}

const COLUMNS = ['source_url', 'position', 'framework', 'slug', 'language', 'pros', 'cons', 'notable_users', 'links', 'aliases', 'description'];
const TABLE_COLUMNS = ['position', 'framework', 'slug', 'language', 'pros', 'notable_users'];

/** With several sources, the table says which source each entry comes from. */
function tableColumns(outcomes: IngestOutcome[]): string[] {
  return new Set(outcomes.map((o) => o.sourceUrl)).size > 1 ? ['source_url', ...TABLE_COLUMNS] : TABLE_COLUMNS;
}

function entryRows(outcomes: IngestOutcome[]): OutputRow[] {
  return outcomes.flatMap((outcome) =>
    (outcome.status === 'broken' || outcome.status === 'doubtful' ? [] : (outcome.article?.entries ?? [])).map((entry) => ({
      source_url: outcome.sourceUrl,
      position: entry.position,
      framework: entry.name,
      aliases: entry.aliases,
      slug: entry.slug,
      language: entry.language,
      pros: entry.pros,
      cons: entry.cons,
      notable_users: entry.notableUsers,
      links: entry.links,
      description: entry.description,
    })),
  );
}

export async function runIngest(command: Command, options: IngestOptions): Promise<void> {
  if (options.source?.length && options.file?.length) throw new UsageError('ingest: give --source or --file, not both');
  const context = createContext(command, { source: options.source });
  const { sourceUrls } = context.config;
  const sources = options.file?.length ? { files: options.file } : options.source?.length ? { urls: sourceUrls } : { tracked: sourceUrls };
  const report = await context.withRunContext(
    options.format,
    (run) => runStages(run, { trigger: 'cli', command: 'ingest' }, [ingestStage(sources, { essential: true, accept: options.accept === true })] as const),
    (_run, result) => {
      const [outcomes] = result.details;
      printRows(entryRows(outcomes), options.format, options.format === 'table' ? tableColumns(outcomes) : COLUMNS);
      reportIngest(outcomes);
    },
  );
  process.exitCode = exitCodeOf(report.status);
}
