/** Results go to stdout (logs and progress go to stderr), so `--format json` output can be piped. */
import { renameSync, writeFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { formatRows, type Format, type OutputRow, type TableOptions } from '../format/rows.js';
import { stderrTerminal } from '../logger.js';

/** On a terminal a table fits its width; piped, it keeps its natural width for other programs. */
export function stdoutTable(): TableOptions {
  const terminal = process.stdout.isTTY === true;
  return { width: terminal && process.stdout.columns > 0 ? process.stdout.columns : undefined, color: terminal };
}

/** Writes a result to stdout. */
export function printText(text: string): void {
  // stdout and stderr share the screen: the result starts below the live progress line, not on it.
  if (process.stdout.isTTY === true) stderrTerminal.keep();
  process.stdout.write(text);
}

export function printRows(rows: OutputRow[], format: Format, columns?: string[]): void {
  printText(formatRows(rows, format, columns, stdoutTable()));
}

/** Written beside the target and renamed, so a reader (a web server, a mailer) never sees half a file. */
export function writeAtomically(command: string, file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    throw new UsageError(`${command}: cannot write --out ${file}: ${(error as Error).message}`);
  }
}
