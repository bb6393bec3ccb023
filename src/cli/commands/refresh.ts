/** `stackradar refresh`: one full run (ingest every source, enrich every framework, review the articles), as `npm start`. */
import type { Command } from 'commander';
import type { Format } from '../../format/rows.js';
import { refresh } from '../../jobs/refresh.js';
import { exitCodeOf } from '../../jobs/run.js';
import { createContext } from '../context.js';
import { describeReview, printSnapshots, reportEnrich, reportIngest } from '../run-output.js';

export async function runRefresh(command: Command, options: { source?: string[]; format: Format }): Promise<void> {
  const context = createContext(command, { source: options.source });
  const report = await context.withRunContext(
    options.format,
    // --source names this run's sources (and tracks them); without it, every tracked source.
    (run) => refresh(run, { trigger: 'cli', sources: options.source?.length ? { urls: run.config.sourceUrls } : undefined }),
    async (run, result) => {
      const [ingested, enriched, , , reviewed] = result.details;
      reportIngest(ingested);
      reportEnrich(enriched, ingested);
      // A failed run's findings are never shown (review_findings reads finished runs only): no line for them.
      if (result.status !== 'failed') process.stderr.write(`${describeReview(reviewed)}\n`);
      await printSnapshots(run.store, result, options.format);
      process.stderr.write(`refresh: run ${result.runId} ${result.status}${result.error ? `: ${result.error}` : ''}\n`);
    },
  );
  process.exitCode = exitCodeOf(report.status);
}
