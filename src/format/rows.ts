/** Rows as text, for the CLI and the report: a table (cli-table3), json, csv or Markdown. */
import Table from 'cli-table3';

export const FORMATS = ['table', 'json', 'csv', 'md'] as const;
export type Format = (typeof FORMATS)[number];
export type OutputRow = Record<string, unknown>;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Tables are for people: lists read as "a; b", and links as their text. */
function tableCell(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map((item) => (typeof item === 'object' && item && 'text' in item ? String(item.text) : cell(item))).join('; ');
  }
  return cell(value);
}

const MAX_TABLE_COLUMN = 60;

function jsonValue(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

function csvField(value: unknown): string {
  const text = cell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function mdField(value: unknown): string {
  return cell(value).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function columnsOf(rows: OutputRow[], columns?: string[]): string[] {
  if (columns?.length) return columns;
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/**
 * Without rows the text formats still print their header when the columns are known, and nothing at
 * all when they are not: an empty csv or Markdown table must stay well-formed.
 */
export function formatRows(rows: OutputRow[], format: Format, columns?: string[]): string {
  const names = columnsOf(rows, columns);
  if (names.length === 0 && format !== 'json') return format === 'table' ? '0 rows\n' : '';
  switch (format) {
    case 'json':
      return `${JSON.stringify(rows, jsonValue)}\n`;
    case 'csv':
      return [names, ...rows.map((row) => names.map((name) => row[name]))]
        .map((line) => line.map(csvField).join(','))
        .join('\r\n')
        .concat('\r\n');
    case 'md':
      return [
        `| ${names.map(mdField).join(' | ')} |`,
        `| ${names.map(() => '---').join(' | ')} |`,
        ...rows.map((row) => `| ${names.map((name) => mdField(row[name])).join(' | ')} |`),
      ]
        .join('\n')
        .concat('\n');
    case 'table': {
      const tty = process.stdout.isTTY;
      const cells = rows.map((row) => names.map((name) => tableCell(row[name])));
      const colWidths = names.map((name, i) =>
        Math.min(MAX_TABLE_COLUMN, Math.max(name.length, ...cells.map((line) => line[i]!.length)) + 2),
      );
      const table = new Table({
        head: names,
        colWidths,
        wordWrap: true,
        style: { head: tty ? ['cyan'] : [], border: tty ? ['grey'] : [] },
      });
      table.push(...cells);
      return `${table.toString()}\n${rows.length} row${rows.length === 1 ? '' : 's'}\n`;
    }
  }
}
