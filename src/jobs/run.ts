/**
 * A run: the lock that keeps data-changing commands one at a time, the `runs` row from running to its
 * final status, and the stages run in order between the two. A run that throws (an interrupt, a fatal
 * GitHub error) is recorded as failed with the reason, and what it ingested is discarded.
 */
import { ExitCode, InterruptedError, LockedError } from '../errors.js';
import type { Store } from '../store/database.js';
import type { RunStats, StageTiming } from '../store/run-stats.js';
import { discardRunArticles, finishRun, markAbandoned, runningRun, startRun, type FinalStatus } from '../store/runs.js';
import { refreshStatistics } from '../store/statistics.js';
import type { EventRow } from '../store/events.js';
import type { FinishedRun } from '../notify/event.js';
import { recordRunEvents, sendDigest } from '../notify/notify.js';
import { interruptionOf, throwIfInterrupted, type RunContext } from './context.js';
import type { Stage, StageStatus } from './stage.js';

export interface RunReport<Details extends unknown[]> {
  runId: number;
  status: FinalStatus;
  stats: RunStats;
  error: string | null;
  /** Each stage's detail, in the order the stages were given. */
  details: Details;
}

export const exitCodeOf = (status: FinalStatus) =>
  status === 'succeeded' ? ExitCode.ok : status === 'partial' ? ExitCode.partial : ExitCode.failed;

type DetailsOf<Stages extends readonly Stage<unknown>[]> = { -readonly [K in keyof Stages]: Stages[K] extends Stage<infer D> ? D : never };

async function lockRuns(store: Store, command: string): Promise<() => Promise<void>> {
  const release = await store.tryRunLock();
  if (release) return release;
  const other = await runningRun(store.db);
  const who = other ? `run ${other.id} (${other.command}, pid ${other.pid} on ${other.host}, started ${other.startedAt.toISOString()})` : 'another process';
  throw new LockedError(`${command}: ${who} is in progress on ${store.location}; try again when it has finished`);
}

function runStatus(outcomes: { status: StageStatus; essential: boolean }[]): FinalStatus {
  if (outcomes.some((o) => o.essential && o.status === 'failed')) return 'failed';
  return outcomes.every((o) => o.status === 'succeeded') ? 'succeeded' : 'partial';
}

async function runEach<Stages extends readonly Stage<unknown>[]>(context: RunContext, runId: number, stages: Stages) {
  const details: unknown[] = [];
  const timings: StageTiming[] = [];
  const outcomes: { status: StageStatus; essential: boolean }[] = [];
  const stats: RunStats = {};
  const problems: string[] = [];
  for (const stage of stages) {
    throwIfInterrupted(context);
    const started = performance.now();
    const detail = await stage.run(context, runId);
    const summary = stage.summarize(detail);
    timings.push({ name: stage.name, ms: Math.round(performance.now() - started), requests: summary.requests });
    outcomes.push({ status: summary.status, essential: stage.essential });
    Object.assign(stats, summary.stats);
    problems.push(...summary.problems);
    details.push(detail);
  }
  return { details: details as DetailsOf<Stages>, stats: { ...stats, stages: timings }, status: runStatus(outcomes), error: problems.join('; ') || null };
}

/** Stores the finished run's events; a failure to derive them is logged, never changes the run. */
async function recordEvents(context: RunContext, run: FinishedRun): Promise<EventRow[]> {
  try {
    return await recordRunEvents(context.store.db, run, context.now);
  } catch (error) {
    context.logger.error({ runId: run.id, err: error }, `events of run ${run.id} not recorded: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}

/**
 * Runs `stages` in order as one run of `command` under the run lock. Its events are recorded before the
 * lock is released; its webhooks are sent after, so a slow receiver holds up no other run.
 */
export async function runStages<const Stages extends readonly Stage<unknown>[]>(
  context: RunContext,
  run: { trigger: string; command: string; onStart?: (runId: number) => void },
  stages: Stages,
): Promise<RunReport<DetailsOf<Stages>>> {
  const outcome = await runLocked(context, run, stages);
  const { store: { db }, config, logger } = context;
  // An interrupted run's user is waiting for the prompt: its run-failed event is in the feed, not posted.
  if (!(outcome.failed && outcome.error instanceof InterruptedError)) await sendDigest({ db, config, logger }, outcome.runId, outcome.events);
  if (outcome.failed) throw outcome.error;
  return outcome.report;
}

async function runLocked<const Stages extends readonly Stage<unknown>[]>(
  context: RunContext,
  run: { trigger: string; command: string; onStart?: (runId: number) => void },
  stages: Stages,
) {
  const { store, logger } = context;
  const release = await lockRuns(store, run.command);
  try {
    const runId = await startRun(store.db, run.trigger, run.command, context.now);
    run.onStart?.(runId);
    const abandoned = await markAbandoned(store.db, runId);
    if (abandoned.length) logger.warn({ runs: abandoned }, `marked run(s) ${abandoned.join(', ')} abandoned: their process ended before they finished`);
    let result: Awaited<ReturnType<typeof runEach<Stages>>>;
    try {
      result = await runEach(context, runId, stages);
      // The embedded database has no autovacuum: keep the planner's statistics up with the growing history.
      await refreshStatistics(store);
      throwIfInterrupted(context);
    } catch (caught) {
      // Whatever a stage was doing when the signal came (a fetch, a query) may fail with its own error.
      const error = context.signal.aborted ? interruptionOf(context.signal) : caught;
      if (error instanceof InterruptedError) {
        await discardRunArticles(store.db, runId);
        for (const stage of stages) await stage.discard?.(context);
      }
      const message = error instanceof Error ? error.message : String(error);
      await finishRun(store.db, runId, 'failed', {}, message);
      const events = await recordEvents(context, { id: runId, status: 'failed', error: message });
      return { runId, events, failed: true as const, error };
    }
    await finishRun(store.db, runId, result.status, result.stats, result.error);
    const events = await recordEvents(context, { id: runId, status: result.status, error: result.error });
    return { runId, events, failed: false as const, report: { runId, ...result } };
  } finally {
    await release();
  }
}
