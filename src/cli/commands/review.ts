/**
 * `stackradar review`: the open findings of the tracked articles as the last refresh derived them, by
 * source and severity; `md` is the editor's memo, `html` a self-contained page. Reads the database only: no request is sent.
 * `--fail-on` exits 4 when a finding is at least that severe (a docs repository's CI).
 */
import type { Command } from 'commander';
import { isUnverifiedFinding } from '../../domain/unverified.js';
import { ExitCode } from '../../errors.js';
import { formatRows, type Format } from '../../format/rows.js';
import { renderReviewPage } from '../../review/html.js';
import { renderMemo } from '../../review/memo.js';
import { SEVERITIES, type Severity } from '../../review/review.js';
import { openFindings } from '../../store/review.js';
import { createContext } from '../context.js';
import { printText, stdoutTable, writeAtomically } from '../print.js';

interface ReviewOptions {
  source?: string[];
  failOn?: Severity;
  all?: boolean;
  format: Format | 'html';
  out?: string;
}

const TABLE_COLUMNS = ['severity', 'position', 'framework', 'finding', 'detail', 'first_seen_at'];
const COLUMNS = ['source_url', 'position', 'framework', 'slug', 'finding', 'severity', 'detail', 'evidence', 'first_seen_at'];

type Row = Awaited<ReturnType<typeof openFindings>>[number];

function render(rows: Row[], format: Format | 'html', now: Date): string {
  if (format === 'md') return renderMemo(rows, now);
  if (format === 'html') return renderReviewPage(rows, now);
  if (format !== 'table') return formatRows(rows, format, COLUMNS);
  // A table per source: the editor of one article reads one block.
  const sources = [...new Set(rows.map((r) => r.source_url))];
  return sources.map((source) => `${source}\n${formatRows(rows.filter((r) => r.source_url === source), 'table', TABLE_COLUMNS, stdoutTable())}`).join('\n');
}

export async function runReview(command: Command, options: ReviewOptions): Promise<void> {
  const context = createContext(command);
  const stored = await context.withReader((store) => openFindings(store.db, options.source ?? []));
  const rows = options.all ? stored : stored.filter((r) => !isUnverifiedFinding(r.finding));
  if (rows.length === 0) process.stderr.write('review: no findings (run `stackradar refresh` to review the tracked articles)\n');
  const text = render(rows, options.format, context.config.now ?? new Date());
  if (options.out) {
    writeAtomically('review', options.out, text);
    process.stderr.write(`review: wrote ${options.out} (${rows.length} finding(s))\n`);
  } else {
    printText(text);
  }
  const failOn = options.failOn;
  if (failOn && rows.some((r) => SEVERITIES.indexOf(r.severity) <= SEVERITIES.indexOf(failOn))) process.exitCode = ExitCode.findings;
}
