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

/** Tables are for people: lists read as "a; b", links as their text, numbers with thousands separators. */
function tableCell(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map((item) => (typeof item === 'object' && item && 'text' in item ? String(item.text) : cell(item))).join('; ');
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    const [whole = '', fraction] = String(value).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return fraction === undefined ? grouped : `${grouped}.${fraction}`;
  }
  return cell(value);
}

const isNumber = (value: unknown) => typeof value === 'number' || typeof value === 'bigint';

export interface TableOptions {
  /** The terminal's width: the table is fitted into it, long text cut short with an ellipsis. */
  width?: number;
  /** Colour the header and borders (a terminal). */
  color?: boolean;
}

/** Without a width (not a terminal) a column is as wide as its text up to this, and long text wraps. */
const MAX_COLUMN = 60;
/** A fitted text column keeps at least this much (padding included): "Lar…" still says something. */
const MIN_TEXT_COLUMN = 6;

/**
 * Column widths (padding included) that fit `width` with the borders: every column starts at its
 * minimum, then the spare room is shared out evenly, so narrow columns are whole and the long ones
 * share what is left. Widths that cannot all fit stay at their minimums.
 */
export function fitColumns(natural: number[], minimum: number[], width: number): number[] {
  const widths = minimum.map((min, i) => Math.min(min, natural[i] ?? min));
  let spare = width - (natural.length + 1) - widths.reduce((sum, w) => sum + w, 0);
  for (;;) {
    const growing = widths.flatMap((w, i) => (w < (natural[i] ?? 0) ? [i] : []));
    if (spare <= 0 || growing.length === 0) return widths;
    const share = Math.max(1, Math.floor(spare / growing.length));
    for (const i of growing) {
      const add = Math.min(share, (natural[i] ?? 0) - (widths[i] ?? 0), spare);
      widths[i] = (widths[i] ?? 0) + add;
      spare -= add;
    }
  }
}

function formatTable(rows: OutputRow[], names: string[], options: TableOptions): string {
  // A column of numbers (nulls aside) is right-aligned and never cut.
  const numeric = names.map((name) => rows.some((row) => row[name] != null) && rows.every((row) => row[name] == null || isNumber(row[name])));
  const fitted = options.width !== undefined;
  const cells = rows.map((row) => names.map((name) => {
    const text = tableCell(row[name]);
    // A fitted table has one line per row: line breaks inside a value become spaces.
    return fitted ? text.replace(/\s+/g, ' ') : text;
  }));
  const natural = names.map((name, i) => Math.max(name.length, ...cells.map((line) => line[i]?.length ?? 0)) + 2);
  const colWidths = fitted
    ? fitColumns(natural, natural.map((w, i) => (numeric[i] ? Math.max(3, ...cells.map((line) => line[i]?.length ?? 0)) + 2 : MIN_TEXT_COLUMN)), options.width ?? 0)
    : natural.map((w) => Math.min(MAX_COLUMN, w));
  const table = new Table({
    head: names,
    colWidths,
    colAligns: numeric.map((n) => (n ? 'right' : 'left')),
    wordWrap: !fitted,
    style: { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] },
  });
  table.push(...cells);
  return `${table.toString()}\n${rows.length} row${rows.length === 1 ? '' : 's'}\n`;
}

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
export function formatRows(rows: OutputRow[], format: Format, columns?: string[], table: TableOptions = {}): string {
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
    case 'table':
      return formatTable(rows, names, table);
  }
}
