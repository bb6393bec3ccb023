/** `stackradar enrich` and `stackradar refresh`: the run commands that store snapshots. */
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import type { EnrichOutcome } from '../../jobs/enrich.js';
import { progressFor } from '../../jobs/progress.js';
import { enrichResult, enrichStage, refreshRun, stageContext } from '../../jobs/refresh.js';
import { exitCodeOf, withRun } from '../../jobs/run.js';
import type { Store } from '../../store/database.js';
import { createContext } from '../context.js';
import { printRows, type Format } from '../../format/rows.js';
import { describeIngest } from './ingest.js';

const TABLE_COLUMNS = ['framework', 'repo', 'stars', 'releases_last_365d', 'median_release_interval_days', 'latest_release', 'docs_status', 'docs_error'];

function reportEnrich(outcome: EnrichOutcome): void {
  for (const failure of outcome.failed) process.stderr.write(`enrich ${failure.slug}: failed: ${failure.reason}\n`);
  const { requests, notModified, graphqlCost } = outcome.github;
  process.stderr.write(
    `enrich: stored ${outcome.stored.length} snapshot(s)${outcome.stored.length ? ` (${outcome.stored.join(', ')})` : ''}, ${outcome.failed.length} failed; GitHub: ${requests} request(s), ${notModified} not modified, GraphQL cost ${graphqlCost}\n`,
  );
}

async function printSnapshots(store: Store, runId: number, format: Format): Promise<void> {
  const rows = await store.rows(sql`select * from framework_history where run_id = ${runId} order by framework`);
  printRows(rows, format, format === 'table' ? TABLE_COLUMNS : undefined);
}

export async function runEnrich(command: Command, options: { framework?: string[]; format: Format }): Promise<void> {
  const context = createContext(command);
  const { config, logger } = context;
  const progress = progressFor(logger, options.format);
  const result = await context.withStore(async (store) => {
    const run = await withRun(store, logger, { trigger: 'cli', command: 'enrich', now: config.now ?? new Date() }, async (runId) => {
      const outcome = await enrichStage(stageContext(store, config, logger, runId, progress.report), options.framework).finally(() => progress.end());
      reportEnrich(outcome);
      return enrichResult(outcome);
    });
    await printSnapshots(store, run.runId, options.format);
    return run;
  });
  process.exitCode = exitCodeOf(result.status);
}

export async function runRefresh(command: Command, options: { source?: string[]; format: Format }): Promise<void> {
  const context = createContext(command, { source: options.source });
  const { config, logger } = context;
  const progress = progressFor(logger, options.format);
  const result = await context.withStore(async (store) => {
    const run = await refreshRun(store, config, logger, { trigger: 'cli', progress: progress.report }).finally(() => progress.end());
    for (const ingest of run.ingest) process.stderr.write(`${describeIngest(ingest)}\n`);
    reportEnrich(run.enrich);
    await printSnapshots(store, run.runId, options.format);
    process.stderr.write(`refresh: run ${run.runId} ${run.status}${run.error ? `: ${run.error}` : ''}\n`);
    return run;
  });
  process.exitCode = exitCodeOf(result.status);
}
