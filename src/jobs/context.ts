/**
 * What every stage of a run reads: the configuration, the logger, the store, the catalog (loaded once
 * per run), the run's clock (read once, so every row of a run carries the same moment), progress, and
 * the signal that interrupts it.
 */
import { loadCatalog, type Catalog } from '../catalog/catalog.js';
import type { Config } from '../config.js';
import { InterruptedError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/database.js';
import type { ProgressFn } from './progress.js';

export interface RunContext {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: Store;
  readonly catalog: Catalog;
  readonly now: Date;
  readonly progress: ProgressFn;
  readonly signal: AbortSignal;
}

/** The error an interrupted run ends with: the signal's reason when it is one (the scheduler's), else by the signal's name. */
export function interruptionOf(signal: AbortSignal): InterruptedError {
  if (signal.reason instanceof InterruptedError) return signal.reason;
  return new InterruptedError(signal.reason === 'SIGTERM' ? 'SIGTERM' : 'SIGINT');
}

/** Throws when the run was interrupted: stages call it before each step that writes. */
export function throwIfInterrupted(context: Pick<RunContext, 'signal'>): void {
  if (context.signal.aborted) throw interruptionOf(context.signal);
}

/**
 * A context for one run. The catalog is loaded now unless the caller already loaded (and so checked)
 * it; the clock is STACKRADAR_NOW when set, else the wall clock now.
 */
export function createRunContext(
  base: Pick<RunContext, 'config' | 'logger' | 'store'>,
  options: { catalog?: Catalog; progress?: ProgressFn; signal?: AbortSignal } = {},
): RunContext {
  return {
    ...base,
    catalog: options.catalog ?? loadCatalog(base.config.catalogFile),
    now: base.config.now ?? new Date(),
    progress: options.progress ?? (() => {}),
    signal: options.signal ?? new AbortController().signal,
  };
}
