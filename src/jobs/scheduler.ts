/**
 * The scheduler: node-cron 4 fires the same refresh run as `stackradar refresh` (trigger `schedule`) on
 * the configured cron and time zone. Replicas against one PostgreSQL coordinate through node-cron's
 * distributed mode: the replica whose INSERT of a slot's key into `schedule_claims` succeeds runs that
 * slot; the others skip it. The run lock stays the last line of defence (a slot that finds a run still
 * going is skipped and logged).
 */
import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import cron, { type Logger as CronLogger, type RunCoordinator } from 'node-cron';
import { lt, sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import { InterruptedError, LockedError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Db, Store } from '../store/database.js';
import { interruptRun } from '../store/runs.js';
import { scheduleClaims } from '../store/schema.js';
import { createProgress } from './progress.js';
import { createRunContext } from './context.js';
import { refresh } from './refresh.js';

export const TASK_NAME = 'stackradar-refresh';
/** Claims are only needed while replicas could still race for a slot; older ones are pruned. */
const CLAIM_RETENTION = sql`now() - interval '7 days'`;

/** Why an expression is not a cron expression node-cron accepts, or null when it is. */
export function cronProblem(expression: string): string | null {
  const result = cron.validateDetailed(expression);
  if (result.valid) return null;
  return result.errors.map((e) => (e.field === 'expression' ? e.message : `${e.field}: ${e.message}`)).join('; ') || 'invalid';
}

/** node-cron's `runCoordinator`: the first replica to insert the slot key runs the slot. */
export function claimingCoordinator(db: Db, claimant: string): RunCoordinator {
  return {
    async shouldRun(key) {
      const claimed = await db
        .insert(scheduleClaims)
        .values({ slotKey: key, claimedBy: claimant })
        .onConflictDoNothing()
        .returning({ slotKey: scheduleClaims.slotKey });
      if (claimed.length === 0) return false;
      await db.delete(scheduleClaims).where(lt(scheduleClaims.claimedAt, CLAIM_RETENTION));
      return true;
    },
  };
}

/** node-cron's own messages (overlaps, coordinator errors) go to pino on stderr, never to the console. */
function cronLogger(logger: Logger): CronLogger {
  const child = logger.child({ component: 'node-cron' });
  const text = (message: string | Error) => (message instanceof Error ? message.message : message);
  return {
    info: (message) => child.info(message),
    warn: (message) => child.warn(message),
    error: (message, err) => child.error({ err: err ?? (message instanceof Error ? message : undefined) }, text(message)),
    debug: (message) => child.debug(text(message)),
  };
}

export interface Scheduler {
  /** Runs once now, outside the schedule (`--run-now`); skipped if a run is in progress. */
  runNow(): Promise<void>;
  nextRun(): Date | null;
  /**
   * Stops firing and waits up to `graceMs` (or until `cutShort` settles) for the run in progress; a run
   * still going then is interrupted and recorded failed, naming `signal`. Resolves with what happened to it.
   */
  stop(options: { graceMs: number; signal: NodeJS.Signals; cutShort?: Promise<unknown> }): Promise<'idle' | 'finished' | 'interrupted'>;
}

export interface SchedulerOptions {
  store: Store;
  config: Config;
  logger: Logger;
}

interface Current {
  runId: number | null;
  done: Promise<void>;
  /** Interrupts the run (when the shutdown grace runs out). */
  abort: AbortController;
}

/** One slot's refresh, logged; a failure is logged, never thrown, so the scheduler keeps going. */
async function runSlot(options: SchedulerOptions, slot: string, state: Current): Promise<void> {
  const { store, config, logger } = options;
  const started = Date.now();
  // Everything a run needs (catalog, GitHub client, crawler) is created inside it, so nothing grows across runs.
  const context = createRunContext({ store, config, logger }, { progress: createProgress(logger, { live: false }).report, signal: state.abort.signal });
  try {
    const result = await refresh(context, { trigger: 'schedule', onStart: (runId) => (state.runId = runId) });
    const [ingested, enriched] = result.details;
    const { stored, failed } = enriched;
    for (const { sourceUrl } of ingested.filter((o) => o.newlyTracked)) {
      logger.info({ runId: result.runId, source: sourceUrl }, `now tracking ${sourceUrl} (undo: stackradar sources remove ${sourceUrl})`);
    }
    for (const failure of failed) logger.warn({ runId: result.runId, framework: failure.slug, reason: failure.reason }, `${failure.slug}: ${failure.reason}`);
    logger.info(
      { slot, runId: result.runId, status: result.status, stored: stored.length, failed: failed.length, durationMs: Date.now() - started, rssBytes: process.memoryUsage.rss() },
      `run ${result.runId} ${result.status}: stored ${stored.length} snapshot(s), ${failed.length} failed${result.error ? `: ${result.error}` : ''}`,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A run refused by the lock is expected now and then (a manual refresh, another replica); not fatal.
    if (error instanceof LockedError) logger.warn({ slot }, `slot ${slot} skipped: ${message}`);
    else if (error instanceof InterruptedError) logger.warn({ slot, runId: state.runId }, `run ${state.runId ?? '(not started)'} failed: ${message}`);
    else logger.error({ slot, runId: state.runId, err: error }, `run ${state.runId ?? '(not started)'} failed: ${message}`);
  }
}

/** The cron task: replicas claim each slot in schedule_claims; skipped and missed slots are logged. */
function scheduleTask(options: SchedulerOptions, fire: (slot: string) => Promise<void>) {
  const { store, config, logger } = options;
  const task = cron.schedule(config.cron, (context) => fire(context.date.toISOString()), {
    name: TASK_NAME,
    timezone: config.timeZone,
    noOverlap: true,
    distributed: true,
    runCoordinator: claimingCoordinator(store.db, `${hostname()}:${process.pid}`),
    logger: cronLogger(logger),
  });
  task.on('execution:skipped', (context) => {
    const slot = context.date.toISOString();
    if (context.reason === 'not-elected') logger.info({ slot }, `slot ${slot} claimed by another replica`);
    else logger.error({ slot, err: context.error }, `slot ${slot} skipped: could not claim it in schedule_claims`);
  });
  task.on('execution:missed', (context) => logger.warn({ slot: context.date.toISOString() }, 'slot missed: the process was busy at that time'));
  return task;
}

/** How long an interrupted run may take to record itself failed before it is marked from outside. */
const WIND_DOWN_MS = 3_000;

/**
 * Waits for the run in progress within the grace; one still going then is interrupted (its requests
 * dropped) and records itself failed while the database is still open, so no query of it fails on a
 * closed connection.
 */
async function stopRunning(options: SchedulerOptions, running: Current | null, stop: Parameters<Scheduler['stop']>[0]) {
  const { graceMs, signal, cutShort } = stop;
  const deadline = Date.now() + graceMs;
  const shortened = cutShort?.then(() => 'cut' as const) ?? new Promise<never>(() => {});
  await Promise.race([cron.shutdown(graceMs), shortened]);
  if (!running) return 'idle';
  const finished = running.done.then(() => 'finished' as const);
  // Unreferenced timers: a wait that lost the race must not keep the process alive.
  const outcome = await Promise.race([finished, delay(Math.max(0, deadline - Date.now()), 'late' as const, { ref: false }), shortened]);
  if (outcome === 'finished') return 'finished';
  const reason = `interrupted: the scheduler was stopped (${signal}) before the run finished`;
  running.abort.abort(new InterruptedError(signal, reason));
  const wound = await Promise.race([finished, delay(WIND_DOWN_MS, 'late' as const, { ref: false })]);
  if (wound === 'late' && running.runId !== null) {
    const marked = await Promise.race([interruptRun(options.store.db, running.runId, reason), delay(WIND_DOWN_MS, false)]).catch(() => false);
    options.logger.warn({ runId: running.runId, marked }, `run ${running.runId} did not stop in time: ${marked ? 'marked failed' : 'left for the next run to mark abandoned'}`);
  }
  return 'interrupted';
}

export function startScheduler(options: SchedulerOptions): Scheduler {
  let current: Current | null = null;
  let stopping = false;

  function fire(slot: string): Promise<void> {
    if (stopping) return Promise.resolve();
    if (current) {
      options.logger.warn({ slot, runId: current.runId }, `slot ${slot} skipped: run ${current.runId ?? ''} is still in progress`);
      return Promise.resolve();
    }
    const state: Current = { runId: null, done: Promise.resolve(), abort: new AbortController() };
    state.done = runSlot(options, slot, state).finally(() => {
      current = null;
    });
    current = state;
    return state.done;
  }

  const task = scheduleTask(options, fire);
  return {
    runNow: () => fire(new Date().toISOString()),
    nextRun: () => task.getNextRun(),
    stop(stop) {
      stopping = true;
      return stopRunning(options, current, stop);
    },
  };
}
