/** A refresh: ingest every source, then enrich the frameworks of the current entries, as one run. */
import type { RunContext } from './context.js';
import { runStages } from './run.js';
import { enrichStage } from './stages/enrich.js';
import { ingestStage } from './stages/ingest.js';

/** What `refresh` does, and what every scheduled slot does. */
export function refresh(context: RunContext, run: { trigger: string; onStart?: (runId: number) => void }) {
  const stages = [ingestStage({ urls: context.config.sourceUrls }, { essential: false }), enrichStage()] as const;
  return runStages(context, { ...run, command: 'refresh' }, stages);
}

