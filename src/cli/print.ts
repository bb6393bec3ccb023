/** Results go to stdout (logs and progress go to stderr), so `--format json` output can be piped. */
import { formatRows, type Format, type OutputRow } from '../format/rows.js';

export function printRows(rows: OutputRow[], format: Format, columns?: string[]): void {
  process.stdout.write(formatRows(rows, format, columns));
}
