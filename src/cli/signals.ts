/**
 * The CLI owns SIGINT and SIGTERM. During a one-off run the first one aborts the run's signal (the run
 * then records itself failed and the command exits 130 or 143); a second one exits at once.
 */
import { ExitCode } from '../errors.js';

const exitCodeFor = (signal: NodeJS.Signals) => (signal === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted);

/** Resolves with the first SIGINT or SIGTERM. */
export function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const done = (signal: NodeJS.Signals) => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

export interface Interruptible {
  signal: AbortSignal;
  dispose(): void;
}

export function interruptOnSignals(onFirst: (signal: NodeJS.Signals) => void): Interruptible {
  const controller = new AbortController();
  const handle = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(exitCodeFor(signal));
    controller.abort(signal);
    onFirst(signal);
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', handle);
      process.off('SIGTERM', handle);
    },
  };
}
