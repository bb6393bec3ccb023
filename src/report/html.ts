/**
 * The HTML report: one self-contained file (inline CSS, inline SVG charts, no scripts, no fonts, no
 * requests), so it opens offline, attaches to an email and prints.
 */
import { escapeHtml as escape } from '../format/html.js';
import { downloadsChart, releaseChart, starsChart } from './charts.js';
import { COLUMNS, notEnrichedLines } from './columns.js';
import { MAX_CHARTED, type ReportData } from './data.js';
import { localDate } from './dates.js';
import { downloadGaps, type DownloadGap } from './download-gaps.js';
import { asOfText } from './text.js';


const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#222;margin:24px auto;max-width:1120px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta,.note{color:#666;font-size:13px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{padding:4px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
th{background:#f5f5f5;font-weight:600}
.r{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.date{white-space:nowrap}
.wide{overflow-x:auto}#summary th,#summary td{padding:4px 6px}
.good{color:#1a7f37}.bad{color:#c62828}.warn{color:#b26a00;font-weight:600}.dim{color:#999}
.anomalies li{color:#8a4b00}
.chart{overflow-x:auto}.chart svg{max-width:100%;height:auto}
a{color:#3366aa;text-decoration:none}
`;

function summaryTable(data: ReportData): string {
  const head = COLUMNS.map((c) => `<th${c.align === 'right' ? ' class="r"' : ''}>${escape(c.title)}</th>`).join('');
  const body = data.rows
    .map((row) => {
      const cells = COLUMNS.map((c, i) => {
        const classes = [c.align === 'right' ? 'r' : '', c.tone?.(row) ?? ''].filter(Boolean).join(' ');
        const text = escape(c.text(row));
        const linked = i === 0 && row.repo ? `<a href="https://github.com/${escape(row.repo)}">${text}</a>` : text;
        const title = i === 0 && row.anomalies.length ? ` title="${escape(row.anomalies.join('\n'))}"` : '';
        return `<td${classes ? ` class="${classes}"` : ''}${title}>${linked}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  // Fourteen columns may be wider than the page: the table scrolls inside its column, never past it.
  return `<div class="wide"><table id="summary"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function notEnrichedSection(data: ReportData): string {
  const lines = notEnrichedLines(data);
  if (lines.length === 0) return '';
  return `<h2>Not enriched</h2><p class="note">Frameworks of the articles without GitHub figures from the newest run (an older snapshot's may still show above, and package figures where the registry answered):</p><ul id="not-enriched">${lines.map((line) => `<li>${escape(line)}</li>`).join('\n')}</ul>`;
}

function anomalySection(data: ReportData): string {
  if (data.anomalies.length === 0) return '';
  const items = data.anomalies
    .map((a) => `<li><strong>${escape(a.framework)}</strong>, ${localDate(a.captured_at, data.timeZone)}: ${escape(a.detail)}</li>`)
    .join('\n');
  return `<h2>⚠ Anomalies</h2><p class="note">Jumps like these usually mean a moved repository or a data error, not a trend.</p><ul class="anomalies">${items}</ul>`;
}

function versionsTable(data: ReportData): string {
  if (data.versions.length === 0) return '<p class="note">No article stored yet.</p>';
  const rows = data.versions
    .map(
      (v) =>
        `<tr><td>${escape(v.title ?? v.source_url)}<br><span class="meta">${escape(v.source_url)}</span></td>` +
        `<td class="r">${v.version}</td><td class="date">${localDate(v.first_seen_at, data.timeZone)}</td>` +
        `<td class="date">${localDate(v.last_seen_at, data.timeZone)}</td><td class="r">${v.entry_count}</td><td>${escape(v.changes)}</td></tr>`,
    )
    .join('\n');
  return `<table id="versions"><thead><tr><th>Article</th><th class="r">Version</th><th>First seen</th><th>Last seen</th><th class="r">Entries</th><th>Changes</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** The downloads charts, then each charted package without one and why, so no panel is empty or unlabelled. */
function downloadsSection(chart: string | undefined, gaps: DownloadGap[]): string {
  const drawn = chart
    ? `<div class="chart" id="downloads-chart">${chart}</div><p class="note">Daily downloads of each framework's package as its registry counts them (RubyGems, Hex and NuGet: the daily difference of their running totals). Each chart has its own scale; the dashed orange line marks 2026-08-24, from when PyPI counts only .whl, .tar.gz and .zip downloads.</p>`
    : '';
  const missing = gaps.length ? `<ul class="note" id="downloads-missing">\n${gaps.map((g) => `<li><b>${escape(g.framework)}</b>: ${escape(g.why)}</li>`).join('\n')}\n</ul>` : '';
  return drawn || missing ? `${drawn}${missing}` : '<p class="note">No package downloads stored in this window.</p>';
}

/** The review, rendered by src/review (stages stand apart, so the command hands it over): styles and markup. */
interface ReviewSection {
  css: string;
  html: string;
}

export async function renderHtml(data: ReportData, review: ReviewSection): Promise<string> {
  const [stars, downloads, releases] = await Promise.all([starsChart(data), downloadsChart(data), data.releases.length ? releaseChart(data) : undefined]);
  const window = `${localDate(data.since, data.timeZone)} – ${localDate(data.asOf, data.timeZone)}`;
  const capped = data.rows.length > MAX_CHARTED ? ` The ${MAX_CHARTED} most-starred of ${data.rows.length} frameworks are charted.` : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>stackradar report — ${escape(localDate(data.asOf, data.timeZone))}</title><style>${CSS}${review.css}</style></head>
<body>
<h1>stackradar report</h1>
<p class="meta">GitHub figures as of ${escape(asOfText(data))} · ${data.rows.length} framework(s) · charts and anomalies cover ${escape(window)}</p>
<h2>Summary</h2>
${data.rows.length ? summaryTable(data) : '<p class="note">No snapshots yet: run <code>stackradar refresh</code>.</p>'}
<p class="note">Δ: change in stars over 7 and 30 days. Releases and median gap: stable releases in the year before the snapshot. Latest version: the highest stable version; latest release: the newest by date (with parallel release lines, often an older line's patch). Age: days since the latest release. Package: the registry's latest stable version. Downloads 30d: the package's newest 30 whole days; Δ dl 30d: the change against the 30 days before.</p>
${notEnrichedSection(data)}${anomalySection(data)}
<h2>Stars over time</h2>
${stars ? `<div class="chart" id="stars-chart">${stars}</div><p class="note">Each chart has its own scale; red dots mark anomalies.${capped}</p>` : '<p class="note">No snapshots in this window.</p>'}
<h2>Downloads over time</h2>
${downloadsSection(downloads, downloadGaps(data))}
<h2>Releases</h2>
${releases ? `<div class="chart" id="release-chart">${releases}</div><p class="note">Blue: stable releases; orange: prereleases. The newest stable release in the window is labelled.</p>` : `<p class="note">${data.rows.length ? 'No releases in this window.' : 'No snapshots yet.'}</p>`}
<h2>Article versions</h2>
${versionsTable(data)}
<h2>Review</h2>
${review.html}
<p class="meta">Generated by stackradar. Charts: Vega-Lite, rendered to SVG when the report was written.</p>
</body></html>
`;
}
