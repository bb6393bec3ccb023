/** `stackradar report`: the trend report as a table, json, csv, Markdown, or one self-contained HTML file. */
import type { Command } from 'commander';
import { isUnverifiedFinding } from '../../domain/unverified.js';
import { loadReport } from '../../report/data.js';
import { parseWindow } from '../../report/dates.js';
import { renderText } from '../../report/text.js';
import { REVIEW_CSS, reviewSection } from '../../review/html.js';
import { openFindings } from '../../store/review.js';
import { refreshStatistics } from '../../store/statistics.js';
import { createContext } from '../context.js';
import { writeAtomically } from '../print.js';
import type { Format } from '../../format/rows.js';

interface ReportOptions {
  since: string;
  format: Format | 'html';
  out?: string;
}

export async function runReport(command: Command, options: ReportOptions): Promise<void> {
  const sinceDays = parseWindow(options.since);
  const context = createContext(command);
  const { config } = context;
  const { data, findings } = await context.withReader(async (store) => {
    await refreshStatistics(store);
    const report = await loadReport(store, { sinceDays, timeZone: config.timeZone, now: config.now ?? new Date() });
    // The HTML report's Review section: the open findings as `review` shows them (without --all).
    const open = options.format === 'html' ? await openFindings(store.db, []) : [];
    return { data: report, findings: open.filter((f) => !isUnverifiedFinding(f.finding)) };
  });
  if (data.rows.length === 0) process.stderr.write('report: no snapshots yet; run `stackradar refresh` first\n');

  let text: string;
  if (options.format === 'html') {
    // vega is loaded only here: every other command starts without it.
    const { renderHtml } = await import('../../report/html.js');
    text = await renderHtml(data, { css: REVIEW_CSS, html: reviewSection(findings) });
  } else {
    const color = !options.out && process.stdout.isTTY === true && !process.env.NO_COLOR;
    text = renderText(data, options.format, color);
  }
  if (options.out) {
    writeAtomically('report', options.out, text);
    process.stderr.write(`report: wrote ${options.out} (${data.rows.length} framework(s), ${data.anomalies.length} anomaly(ies))\n`);
  } else {
    await new Promise<void>((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
  }
}
