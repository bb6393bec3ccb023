/** What the run commands (refresh, ingest, enrich) say on stderr and print on stdout. */
import { fileURLToPath } from 'node:url';
import { isUnverifiedFinding } from '../domain/unverified.js';
import type { Format } from '../format/rows.js';
import type { EnrichOutcome } from '../jobs/stages/enrich.js';
import type { IngestOutcome } from '../jobs/stages/ingest.js';
import type { ReviewOutcome } from '../jobs/stages/review.js';
import type { Store } from '../store/database.js';
import type { FinalStatus } from '../store/runs.js';
import { HISTORY_COLUMNS, snapshotsOfRun } from '../store/reads.js';
import { printRows } from './print.js';

const SNAPSHOT_TABLE_COLUMNS = ['framework', 'repo', 'stars', 'releases_last_365d', 'median_release_interval_days', 'latest_release', 'docs_status', 'docs_error'];

/** How a user names a source to `ingest`: a file by its path, anything else by its URL. */
function ingestFlag(sourceUrl: string): string {
  return sourceUrl.startsWith('file:') ? `--file ${fileURLToPath(sourceUrl)}` : `--source ${sourceUrl}`;
}

/** What to do about a refused parse: look at it, pin (or re-pin or unpin) it, and for a doubtful one, accept it. */
function refusalHints(outcome: IngestOutcome): string {
  const url = outcome.sourceUrl;
  const explain = `check it with \`stackradar ingest --explain ${ingestFlag(url)}\``;
  const pin = outcome.pin
    ? `change the pin with \`stackradar sources set ${url} --entries SELECTOR\` (or drop it with \`--auto\`)`
    : `pin it with \`stackradar sources set ${url} --entries SELECTOR\``;
  if (outcome.status === 'broken') return `${explain}, or ${pin}`;
  return `${explain}, ${pin}, or store it with \`stackradar ingest --accept ${ingestFlag(url)}\``;
}

const stays = (outcome: IngestOutcome) => (outcome.versionNumber === null ? 'nothing stored' : `version ${outcome.versionNumber} stays current`);

/** One line per source: what was stored, or why not and what to do. */
function describeIngest(outcome: IngestOutcome): string {
  const entries = outcome.article?.entries.length ?? 0;
  const structure = outcome.article?.decision.chosen?.structure;
  // A stored parse says it was pinned when the parser used the pin; a refused one names the pin that failed.
  const pinned = structure?.kind === 'pinned' ? structure.selector : outcome.status === 'broken' ? outcome.pin?.entries : undefined;
  const how = pinned === undefined ? '' : ` (pinned: ${pinned})`;
  const accepted = outcome.accepted ? ` (accepted: ${outcome.accepted})` : '';
  switch (outcome.status) {
    case 'broken':
      return `ingest ${outcome.sourceUrl}: not stored: ${outcome.problem}${how} (the previous version stays current); ${refusalHints(outcome)}`;
    case 'doubtful':
      return `stackradar: ${outcome.sourceUrl}: doubtful parse (${outcome.problem}); ${stays(outcome)}; ${refusalHints(outcome)}`;
    case 'failed':
      return `ingest ${outcome.sourceUrl}: failed: ${outcome.problem}`;
    case 'new-version':
      return `ingest ${outcome.sourceUrl}: ${entries} entries${how}, new version ${outcome.versionNumber}${accepted}`;
    case 'unchanged':
      return `ingest ${outcome.sourceUrl}: ${entries} entries${how}, unchanged (version ${outcome.versionNumber})`;
  }
}

/** One line per source and one per source tracked from now on, with how to undo that. */
export function reportIngest(outcomes: IngestOutcome[]): void {
  for (const outcome of outcomes) process.stderr.write(`${describeIngest(outcome)}\n`);
  for (const { sourceUrl } of outcomes.filter((o) => o.newlyTracked)) {
    process.stderr.write(`sources: now tracking ${sourceUrl}; every refresh ingests it (undo: stackradar sources remove ${sourceUrl})\n`);
  }
}

/**
 * `ingested`: the outcomes of the ingest that ran first in the same run (refresh). When none of them
 * stored anything, that is why there is nothing to enrich, and the line says so instead of the hint.
 */
export function reportEnrich(outcome: EnrichOutcome, ingested?: IngestOutcome[]): void {
  for (const failure of outcome.failed) process.stderr.write(`enrich ${failure.slug}: failed: ${failure.reason}\n`);
  const { requests, notModified, graphqlCost } = outcome.github;
  const stored = outcome.stored.length ? ` (${outcome.stored.join(', ')})` : '';
  process.stderr.write(
    `enrich: stored ${outcome.stored.length} snapshot(s)${stored}, ${outcome.failed.length} failed; GitHub: ${requests} request(s), ${notModified} not modified, GraphQL cost ${graphqlCost}\n`,
  );
  if (outcome.stored.length > 0 || outcome.failed.length > 0) return;
  const failed = ingested?.filter((o) => o.status === 'failed') ?? [];
  if (failed.length > 0 && failed.length === ingested?.length) {
    const causes = failed.map((o) => `${o.sourceUrl}: ${o.problem}`).join('; ');
    process.stderr.write(`enrich: nothing to enrich: no source could be fetched (${causes}); check the network or the URL, then run again\n`);
  } else {
    process.stderr.write('enrich: no current article entries: ingest an article first (stackradar ingest --source URL)\n');
  }
}

/** The run's snapshots as the public view shows them; a failed run has none, and prints nothing. */
export async function printSnapshots(store: Store, run: { runId: number; status: FinalStatus }, format: Format): Promise<void> {
  if (run.status === 'failed') return;
  const rows = await snapshotsOfRun(store.db, run.runId);
  printRows(rows, format, format === 'table' ? SNAPSHOT_TABLE_COLUMNS : HISTORY_COLUMNS);
}

/** The review's one line: how many open findings, and where to read them. */
export function describeReview(outcome: ReviewOutcome): string {
  if ('error' in outcome) return `review: failed (${outcome.error}); the findings of the previous review stand`;
  const shown = outcome.found.filter((f) => !isUnverifiedFinding(f.finding));
  const counts = (['high', 'medium', 'info'] as const).flatMap((s) => {
    const n = shown.filter((f) => f.severity === s).length;
    return n > 0 ? [`${n} ${s}`] : [];
  });
  return counts.length === 0 ? 'review: no findings' : `review: ${counts.join(', ')} (see: stackradar review)`;
}
