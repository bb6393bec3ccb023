/** What the run commands (refresh, ingest, enrich) say on stderr and print on stdout. */
import type { Format } from '../format/rows.js';
import type { EnrichOutcome } from '../jobs/stages/enrich.js';
import type { IngestOutcome } from '../jobs/stages/ingest.js';
import type { Store } from '../store/database.js';
import type { FinalStatus } from '../store/runs.js';
import { HISTORY_COLUMNS, snapshotsOfRun } from '../store/reads.js';
import { printRows } from './print.js';

const SNAPSHOT_TABLE_COLUMNS = ['framework', 'repo', 'stars', 'releases_last_365d', 'median_release_interval_days', 'latest_release', 'docs_status', 'docs_error'];

/** One line per source: what was stored, or why not. */
export function describeIngest(outcome: IngestOutcome): string {
  const entries = outcome.article?.entries.length ?? 0;
  switch (outcome.status) {
    case 'broken':
      return `ingest ${outcome.sourceUrl}: not stored: ${outcome.problem} (the previous version stays current)`;
    case 'failed':
      return `ingest ${outcome.sourceUrl}: failed: ${outcome.problem}`;
    case 'new-version':
      return `ingest ${outcome.sourceUrl}: ${entries} entries, new version ${outcome.versionId}`;
    case 'unchanged':
      return `ingest ${outcome.sourceUrl}: ${entries} entries, unchanged (version ${outcome.versionId})`;
  }
}

export function reportEnrich(outcome: EnrichOutcome): void {
  for (const failure of outcome.failed) process.stderr.write(`enrich ${failure.slug}: failed: ${failure.reason}\n`);
  const { requests, notModified, graphqlCost } = outcome.github;
  const stored = outcome.stored.length ? ` (${outcome.stored.join(', ')})` : '';
  process.stderr.write(
    `enrich: stored ${outcome.stored.length} snapshot(s)${stored}, ${outcome.failed.length} failed; GitHub: ${requests} request(s), ${notModified} not modified, GraphQL cost ${graphqlCost}\n`,
  );
  if (outcome.stored.length === 0 && outcome.failed.length === 0) {
    process.stderr.write('enrich: no current article entries: ingest an article first (stackradar ingest --source URL)\n');
  }
}

/** The run's snapshots as the public view shows them; a failed run has none, and prints nothing. */
export async function printSnapshots(store: Store, run: { runId: number; status: FinalStatus }, format: Format): Promise<void> {
  if (run.status === 'failed') return;
  const rows = await snapshotsOfRun(store.db, run.runId);
  printRows(rows, format, format === 'table' ? SNAPSHOT_TABLE_COLUMNS : HISTORY_COLUMNS);
}
