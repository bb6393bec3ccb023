/** `stackradar enrich`: enrich the frameworks of the current article versions, without fetching articles. */
import type { Command } from 'commander';
import type { Format } from '../../format/rows.js';
import { exitCodeOf, runStages } from '../../jobs/run.js';
import { enrichTargets } from '../../jobs/stages/enrich-records.js';
import { enrichStage } from '../../jobs/stages/enrich.js';
import { registriesStage } from '../../jobs/stages/registries.js';
import { createContext } from '../context.js';
import { printSnapshots, reportEnrich } from '../run-output.js';

export async function runEnrich(command: Command, options: { framework?: string[]; format: Format }): Promise<void> {
  const context = createContext(command);
  const names = options.framework ?? [];
  const report = await context.withRunContext(
    options.format,
    async (run) => {
      // Unknown names are a usage error before a run row exists.
      await enrichTargets(run.store.db, run.catalog, names);
      return runStages(run, { trigger: 'cli', command: 'enrich' }, [enrichStage(names), registriesStage()] as const);
    },
    async (run, result) => {
      reportEnrich(result.details[0]);
      await printSnapshots(run.store, result, options.format);
    },
  );
  process.exitCode = exitCodeOf(report.status);
}
