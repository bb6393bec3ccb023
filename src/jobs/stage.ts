/**
 * A stage is one unit of a run (ingest, enrich, …): it does its work against the run's context and
 * returns a typed detail, which it summarises into a status, its share of the run's stats, and the
 * problems to record. `runStages` runs a list of them as one run.
 */
import type { RunStats } from '../store/run-stats.js';
import type { RunContext } from './context.js';

export type StageStatus = 'succeeded' | 'partial' | 'failed';

export interface StageSummary {
  status: StageStatus;
  stats: Omit<RunStats, 'stages'>;
  /** Requests made, by kind, for the run's per-stage timings. */
  requests: Record<string, number>;
  /** Why the stage is not `succeeded`, one line per problem. */
  problems: string[];
}

export interface Stage<Detail> {
  readonly name: string;
  /** A failed essential stage fails the run; a failed other stage makes it partial. */
  readonly essential: boolean;
  run(context: RunContext, runId: number): Promise<Detail>;
  summarize(detail: Detail): StageSummary;
  /** Undoes what the stage wrote that is not tied to the run's id, when the run is interrupted. */
  discard?(context: RunContext): Promise<void>;
}

/** The status of a stage whose work has `good` successes out of `total`: nothing done is a failure. */
export function statusOf(good: number, total: number): StageStatus {
  return good === 0 ? 'failed' : good === total ? 'succeeded' : 'partial';
}
