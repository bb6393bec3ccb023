/** Results go to stdout (logs and progress go to stderr), so `--format json` output can be piped. */
import { formatRows, type Format, type OutputRow } from '../format/rows.js';
import { stderrTerminal } from '../logger.js';

export function printRows(rows: OutputRow[], format: Format, columns?: string[]): void {
  // On a terminal the table fits its width; piped, it keeps its natural width for other programs.
  const terminal = process.stdout.isTTY === true;
  const width = terminal && process.stdout.columns > 0 ? process.stdout.columns : undefined;
  // stdout and stderr share the screen: the rows start below the live progress line, not on it.
  if (terminal) stderrTerminal.keep();
  process.stdout.write(formatRows(rows, format, columns, { width, color: terminal }));
}
