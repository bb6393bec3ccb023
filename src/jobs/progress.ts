/**
 * Progress of a run's stages. On a terminal: one live line per stage on stderr, rewritten in place as
 * its count moves ("enriching 3/8"), drawn through the logger's terminal writer so that log lines go
 * above it rather than onto it; the last one is cleared when the run ends, before its summary. Elsewhere (pipes, log collectors, `--format json`): one structured
 * log line when a stage starts, so logs stay one JSON object per line.
 */
import { stderrTerminal, type Logger, type Terminal } from '../logger.js';

export type Stage = 'fetching' | 'parsing' | 'enriching' | 'registries' | 'storing';

/** Called when a stage starts and, for counted stages, as its count moves. */
export type ProgressFn = (stage: Stage, done?: number, total?: number) => void;

export interface Progress {
  report: ProgressFn;
  /** Clears the live line, so the summary that follows starts on a line of its own (a no-op for log lines). */
  end(): void;
}

export function createProgress(logger: Logger, options: { live: boolean; terminal?: Terminal }): Progress {
  if (!options.live) {
    let last: Stage | undefined;
    return {
      report(stage, done, total) {
        if (stage === last) return;
        last = stage;
        logger.info({ stage, ...(total === undefined ? {} : { total }) }, `stage: ${stage}${total === undefined ? '' : ` (${total})`}`);
      },
      end() {},
    };
  }
  const terminal = options.terminal ?? stderrTerminal;
  let current: Stage | undefined;
  return {
    report(stage, done, total) {
      // A new stage keeps the previous line and starts its own; a count rewrites the current one.
      if (current !== undefined && stage !== current) terminal.keep();
      current = stage;
      terminal.show(`${stage}${total === undefined ? '' : ` ${done ?? 0}/${total}`}`);
    },
    end() {
      terminal.clear();
      current = undefined;
    },
  };
}

/** Live lines only for a person watching a terminal; JSON output means a program is reading. */
export function progressFor(logger: Logger, format: string): Progress {
  return createProgress(logger, { live: Boolean(process.stderr.isTTY) && format !== 'json' });
}
