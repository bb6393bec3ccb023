/** `run-failed`: a run ended failed; its error is the summary. */
import type { EventDraft, EventSource, FinishedRun } from '../event.js';

export function runFailedEvents(_facts: null, run: FinishedRun): EventDraft[] {
  if (run.status !== 'failed') return [];
  return [
    {
      key: `run-failed:${run.id}`,
      kind: 'run-failed',
      sourceUrl: null,
      slug: null,
      title: `run ${run.id} failed`,
      summary: run.error ?? 'failed',
      url: null,
      data: { run_id: run.id, error: run.error },
    },
  ];
}

export const runFailed: EventSource<null> = {
  load: async () => null,
  derive: runFailedEvents,
};
