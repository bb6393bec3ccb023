/**
 * The review as HTML: `review --format html` (a whole page) and the "Review" section of the HTML report
 * (the same markup, which the report embeds). Pure: stored findings in, escaped HTML out; inline CSS,
 * no scripts, no requests, so the page opens offline and attaches to an email.
 */
import { escapeHtml as escape } from '../format/html.js';
import type { StoredFinding } from './memo.js';
import { SEVERITIES } from './review.js';

export interface ReviewedFinding extends StoredFinding {
  evidence: Record<string, unknown>;
}

/** The section's styles: the report adds them to its own, the page uses them alone. */
export const REVIEW_CSS = `
.review-source{margin:18px 0 6px;font-size:15px;word-break:break-all}
.review table{border-collapse:collapse;width:100%;font-size:13px}
.review th,.review td{padding:4px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
.review th{background:#f5f5f5;font-weight:600}
.sev{font-weight:600;white-space:nowrap}.sev-high{color:#c62828}.sev-medium{color:#b26a00}.sev-info{color:#3366aa}
.evidence{color:#666;font-size:12px;word-break:break-word}
.review .none{color:#1a7f37}
.review .date{white-space:nowrap}
`;

const day = (date: Date): string => date.toISOString().slice(0, 10);

/** Evidence on one line: `key: value` pairs, nested records in parentheses, lists joined by "; ", empty values left out. */
function compact(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(compact).filter(Boolean).join('; ');
  if (typeof value === 'object') {
    const pairs = Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => {
      const text = typeof v === 'object' && v !== null && !(v instanceof Date) && !Array.isArray(v) ? `(${compact(v)})` : compact(v);
      return text && text !== '()' ? [`${key}: ${text}`] : [];
    });
    return pairs.join(', ');
  }
  return String(value);
}

function row(f: ReviewedFinding): string {
  const where = f.position === null ? 'the article' : `#${f.position} ${f.framework ?? ''}`.trim();
  return (
    `<tr class="finding"><td class="sev sev-${f.severity}">${f.severity}</td><td>${escape(where)}</td>` +
    `<td><code>${escape(f.finding)}</code></td><td>${escape(f.detail)}<div class="evidence">${escape(compact(f.evidence))}</div></td>` +
    `<td class="date">${day(f.first_seen_at)}</td></tr>`
  );
}

/** Per source, most severe first; within a severity the order the findings came in. */
function bySource(findings: ReviewedFinding[]): Map<string, ReviewedFinding[]> {
  const groups = new Map<string, ReviewedFinding[]>();
  for (const f of findings) groups.set(f.source_url, [...(groups.get(f.source_url) ?? []), f]);
  for (const list of groups.values()) list.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  return groups;
}

/** The findings as a block of tables, a heading per source; "No findings" when there are none. */
export function reviewSection(findings: ReviewedFinding[]): string {
  if (findings.length === 0) return '<div class="review" id="review"><p class="none">No findings: nothing to fix in the tracked articles.</p></div>';
  const head = '<thead><tr><th>Severity</th><th>Entry</th><th>Finding</th><th>What to do · evidence</th><th>First seen</th></tr></thead>';
  const blocks = [...bySource(findings)].map(([source, list]) => {
    const counts = SEVERITIES.map((s) => [s, list.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
    return (
      `<h3 class="review-source">${escape(source)}</h3><p class="meta">${counts.map(([s, n]) => `${n} ${s}`).join(', ')}</p>` +
      `<table>${head}<tbody>\n${list.map(row).join('\n')}\n</tbody></table>`
    );
  });
  return `<div class="review" id="review">\n${blocks.join('\n')}\n</div>`;
}

/** `review --format html`: one self-contained page; `now` dates it. */
export function renderReviewPage(findings: ReviewedFinding[], now: Date): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>stackradar review — ${day(now)}</title><style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#222;margin:24px auto;max-width:1000px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}.meta{color:#666;font-size:13px}code{font-size:12px}
${REVIEW_CSS}</style></head>
<body>
<h1>stackradar review</h1>
<p class="meta">${day(now)} · ${findings.length} finding(s), most severe first, by article</p>
${reviewSection(findings)}
</body></html>
`;
}
