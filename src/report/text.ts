/** The report as text: an aligned, coloured terminal table, a Markdown table for articles, json and csv. */
import Table from 'cli-table3';
import { formatRows, type Format } from '../format/rows.js';
import { COLUMNS, notEnrichedLines, type Tone } from './columns.js';
import { REPORT_FIELDS, type ReportData } from './data.js';
import { localDate, wallClock } from './dates.js';

const ANSI: Record<Exclude<Tone, undefined>, string> = { good: '32', bad: '31', warn: '33', dim: '2' };
const paint = (text: string, tone: Tone, color: boolean) => (color && tone ? `\u001b[${ANSI[tone]}m${text}\u001b[0m` : text);

/** "2026-01-31 06:00 UTC": the moment the figures describe, in the report's time zone. */
export function asOfText(data: ReportData): string {
  return `${wallClock(data.asOf, data.timeZone).toISOString().slice(0, 16).replace('T', ' ')} ${data.timeZone}`;
}

function anomalyLines(data: ReportData): string[] {
  return data.anomalies.map((a) => `${localDate(a.captured_at, data.timeZone)} ${a.framework}: ${a.detail}`);
}

function table(data: ReportData, color: boolean): string {
  const t = new Table({
    head: COLUMNS.map((c) => c.title),
    colAligns: COLUMNS.map((c) => c.align),
    // No rule between rows: one line per framework reads and greps better.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    style: { head: color ? ['cyan', 'bold'] : [], border: color ? ['grey'] : [] },
  });
  for (const row of data.rows) t.push(COLUMNS.map((c) => paint(c.text(row), c.tone?.(row), color)));
  const lines = [t.toString(), `${data.rows.length} framework(s), as of ${asOfText(data)}`];
  const failed = notEnrichedLines(data);
  if (failed.length) lines.push(paint('not enriched in the newest run (no GitHub figures from it):', 'warn', color), ...failed.map((line) => `  ${line}`));
  const anomalies = anomalyLines(data);
  if (anomalies.length) {
    lines.push(paint(`⚠ anomalies since ${localDate(data.since, data.timeZone)} (moved repositories or data errors, not trends):`, 'warn', color));
    lines.push(...anomalies.map((line) => `  ${line}`));
  }
  return `${lines.join('\n')}\n`;
}

const mdEscape = (text: string) => text.replace(/\|/g, '\\|');

function markdown(data: ReportData): string {
  const lines = [
    `| ${COLUMNS.map((c) => c.title).join(' | ')} |`,
    `| ${COLUMNS.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`,
    ...data.rows.map((row) => `| ${COLUMNS.map((c) => mdEscape(c.text(row))).join(' | ')} |`),
    '',
    `_GitHub figures as of ${asOfText(data)}; Δ is the change in stars over 7 and 30 days._`,
  ];
  const failed = notEnrichedLines(data);
  if (failed.length) lines.push('', 'Not enriched in the newest run (no GitHub figures from it):', '', ...failed.map((line) => `- ${mdEscape(line)}`));
  const anomalies = anomalyLines(data);
  if (anomalies.length) lines.push('', '⚠ Anomalies (usually moved repositories or data errors, not trends):', '', ...anomalies.map((line) => `- ${mdEscape(line)}`));
  return `${lines.join('\n')}\n`;
}

export function renderText(data: ReportData, format: Format, color: boolean): string {
  switch (format) {
    case 'table':
      return table(data, color);
    case 'md':
      return markdown(data);
    case 'json':
      return formatRows(data.rows, 'json');
    case 'csv':
      return formatRows(data.rows.map((row) => ({ ...row, anomalies: row.anomalies.join('; ') })), 'csv', [...REPORT_FIELDS]);
  }
}
