/**
 * The one pino logger: JSON lines on stderr, pretty when stderr is a terminal. Tokens are redacted.
 * On a terminal, stderr also shows a live progress line (jobs/progress.ts); log lines go through the
 * same terminal writer, which clears that line before a log line and draws it again below, so a log
 * line is never printed onto it.
 */
import { pino, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';

export type { Logger };

const CLEAR_LINE = '\r\x1b[2K';

/** What to write for `log` while `live` is on screen: the live line cleared, the log, the live line again. */
export function aboveLiveLine(log: string, live: string | undefined): string {
  return live === undefined ? log : `${CLEAR_LINE}${log}${live}`;
}

/** A terminal stream with one live line under its log lines. */
export interface Terminal {
  log(text: string): void;
  /** Shows `text` as the live line, replacing the one shown. */
  show(text: string): void;
  /** Leaves the live line on screen as an ordinary line; later logs go below it. */
  keep(): void;
  /** Clears the live line, so what is written next starts on an empty line. */
  clear(): void;
}

export function createTerminal(stream: { write(text: string): unknown }): Terminal {
  let live: string | undefined;
  return {
    log: (text) => stream.write(aboveLiveLine(text, live)),
    show(text) {
      live = text;
      stream.write(`${CLEAR_LINE}${text}`);
    },
    keep() {
      if (live !== undefined) stream.write('\n');
      live = undefined;
    },
    clear() {
      if (live !== undefined) stream.write(CLEAR_LINE);
      live = undefined;
    },
  };
}

export const stderrTerminal = createTerminal(process.stderr);

export function createLogger(level: string): Logger {
  const options = {
    level,
    redact: {
      paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization'],
      censor: '[redacted]',
    },
  };
  if (process.stderr.isTTY) {
    // Prettified here rather than in a transport's worker thread, so lines pass through the terminal writer.
    const pretty = prettyFactory({ colorize: true });
    return pino(options, { write: (line: string) => stderrTerminal.log(pretty(line)) });
  }
  return pino(options, pino.destination({ dest: 2, sync: true }));
}
