/**
 * A run: the lock that keeps data-changing commands one at a time, the `runs` row from running to
 * its final status, and the exit code that status means.
 */
import { ExitCode, LockedError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/database.js';
import { finishRun, markAbandoned, runningRun, startRun, type FinalStatus } from '../store/runs.js';
import { refreshStatistics } from '../store/statistics.js';

export interface RunResult {
  status: FinalStatus;
  stats: Record<string, unknown>;
  error: string | null;
}

export const exitCodeOf = (status: FinalStatus) =>
  status === 'succeeded' ? ExitCode.ok : status === 'partial' ? ExitCode.partial : ExitCode.failed;

export async function withRun<R extends RunResult>(
  store: Store,
  logger: Logger,
  run: { trigger: string; command: string; now: Date },
  body: (runId: number) => Promise<R>,
): Promise<R & { runId: number }> {
  const release = await store.tryRunLock();
  if (!release) {
    const other = await runningRun(store.db);
    const who = other ? `run ${other.id} (${other.command}, pid ${other.pid} on ${other.host}, started ${other.startedAt.toISOString()})` : 'another process';
    throw new LockedError(`${run.command}: ${who} is in progress on ${store.location}; try again when it has finished`);
  }
  try {
    const runId = await startRun(store.db, run.trigger, run.command, run.now);
    const abandoned = await markAbandoned(store.db, runId);
    if (abandoned.length) logger.warn({ runs: abandoned }, `marked run(s) ${abandoned.join(', ')} abandoned: their process ended before they finished`);
    let result: R;
    try {
      result = await body(runId);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await finishRun(store.db, runId, 'failed', {}, message);
      throw error;
    }
    await finishRun(store.db, runId, result.status, result.stats, result.error);
    // The embedded database has no autovacuum: keep the planner's statistics up with the growing history.
    await refreshStatistics(store);
    return { ...result, runId };
  } finally {
    await release();
  }
}
