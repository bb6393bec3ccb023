/**
 * A refresh: ingest every source, enrich the frameworks of the current entries, then their packages,
 * check the articles' links when due, then review the articles, as one run.
 */
import type { RunContext } from './context.js';
import { runStages } from './run.js';
import { enrichStage } from './stages/enrich.js';
import { ingestStage, type Sources } from './stages/ingest.js';
import { linksStage } from './stages/links.js';
import { registriesStage } from './stages/registries.js';
import { reviewStage } from './stages/review.js';

/** What `refresh` does, and what every scheduled slot does: every tracked source unless `sources` names some. */
export function refresh(context: RunContext, run: { trigger: string; onStart?: (runId: number) => void; sources?: Sources }) {
  const sources = run.sources ?? { tracked: context.config.sourceUrls };
  const stages = [ingestStage(sources, { essential: false }), enrichStage(), registriesStage(), linksStage(), reviewStage()] as const;
  return runStages(context, { ...run, command: 'refresh' }, stages);
}

