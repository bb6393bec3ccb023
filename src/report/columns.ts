/**
 * The report's summary columns for people: titles, alignment, human text and a tone (good / bad /
 * warn) that the terminal shows as colour and the HTML report as a CSS class.
 */
import type { ReportData, ReportRow } from './data.js';

export type Tone = 'good' | 'bad' | 'warn' | 'dim' | undefined;

export interface Column {
  title: string;
  align: 'left' | 'right';
  text(row: ReportRow): string;
  tone?(row: ReportRow): Tone;
}

const NONE = '–';
/** A framework the articles dropped: its row shows its last figures, marked so nobody reads it as current. */
const NOT_IN_ARTICLE = 'no longer in the article';
/** Ages past this many days are flagged: a framework without a stable release for half a year. */
export const STALE_RELEASE_DAYS = 180;

export const formatInt = (n: number | null) => (n === null ? NONE : n.toLocaleString('en-US'));
export const formatDelta = (n: number | null) => (n === null ? NONE : n > 0 ? `+${formatInt(n)}` : n < 0 ? `−${formatInt(-n)}` : '0');
const deltaTone = (n: number | null): Tone => (n === null || n === 0 ? 'dim' : n > 0 ? 'good' : 'bad');

/** "+12.3%", "−4.0%", or a dash where a window is incomplete. */
export const formatPct = (n: number | null) => (n === null ? NONE : n > 0 ? `+${n.toFixed(1)}%` : n < 0 ? `−${(-n).toFixed(1)}%` : '0.0%');

/** The registry's latest stable version, or why there is none. */
function packageText(row: ReportRow): string {
  if (row.package_version !== null) return row.package_version;
  return row.package_name !== null && row.package_error === null ? NONE : (row.package_error ?? NONE);
}

export function docsText(row: ReportRow): string {
  if (row.docs_status !== null) return String(row.docs_status);
  return row.docs_error ?? NONE;
}

function docsTone(row: ReportRow): Tone {
  if (row.docs_status !== null) return row.docs_status < 400 ? 'good' : 'bad';
  return row.docs_error ? 'warn' : 'dim';
}

/** One line per framework of the articles without GitHub figures from the newest run, with the reason. */
export const notEnrichedLines = (data: ReportData) => data.notEnriched.map((f) => `${f.framework}: ${f.reason}`);

export const COLUMNS: Column[] = [
  {
    title: 'Framework',
    align: 'left',
    text: (r) => `${r.framework}${r.anomalies.length ? ' ⚠' : ''}${r.in_article === false ? ` (${NOT_IN_ARTICLE})` : ''}`,
    tone: (r) => (r.anomalies.length ? 'warn' : r.in_article === false ? 'dim' : undefined),
  },
  { title: 'Language', align: 'left', text: (r) => r.language ?? NONE },
  { title: 'Stars', align: 'right', text: (r) => formatInt(r.stars) },
  { title: 'Δ 7d', align: 'right', text: (r) => formatDelta(r.delta_7d), tone: (r) => deltaTone(r.delta_7d) },
  { title: 'Δ 30d', align: 'right', text: (r) => formatDelta(r.delta_30d), tone: (r) => deltaTone(r.delta_30d) },
  { title: 'Releases (1 y)', align: 'right', text: (r) => formatInt(r.releases_last_365d) },
  {
    title: 'Median gap',
    align: 'right',
    text: (r) => (r.median_release_interval_days === null ? NONE : `${r.median_release_interval_days.toFixed(1)} d`),
  },
  { title: 'Latest version', align: 'left', text: (r) => r.latest_version ?? NONE },
  { title: 'Package', align: 'left', text: packageText, tone: (r) => (r.package_error ? 'warn' : undefined) },
  { title: 'Downloads 30d', align: 'right', text: (r) => formatInt(r.downloads_last_30d) },
  { title: 'Δ dl 30d', align: 'right', text: (r) => formatPct(r.downloads_change_30d_pct), tone: (r) => deltaTone(r.downloads_change_30d_pct) },
  { title: 'Latest release', align: 'left', text: (r) => r.latest_release ?? NONE },
  {
    title: 'Age',
    align: 'right',
    text: (r) => (r.latest_release_age_days === null ? NONE : `${r.latest_release_age_days} d`),
    tone: (r) => (r.latest_release_age_days !== null && r.latest_release_age_days > STALE_RELEASE_DAYS ? 'warn' : undefined),
  },
  { title: 'Docs', align: 'left', text: docsText, tone: docsTone },
];

