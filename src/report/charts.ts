/**
 * The HTML report's charts: Vega-Lite specifications compiled to Vega and rendered to SVG strings in
 * Node (no browser, no canvas, no network). Imported only by the HTML report, so other commands never
 * load vega. Times are plotted as local wall-clock times on UTC scales (see wallClock).
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { MAX_CHARTED, type ReportData } from './data.js';
import { wallClock } from './dates.js';
import { chartedDownloads } from './download-gaps.js';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const BLUE = '#3366aa';
const RED = '#d62728';
const ORANGE = '#f58518';
const CONFIG = { font: FONT, view: { stroke: '#e5e5e5' }, axis: { labelColor: '#444', gridColor: '#eee', domainColor: '#999' } };

/**
 * The y axis of a small multiple: SI prefixes at the precision the tick step needs, the same on every
 * label ('~s' trimmed zeros: "9k" beside "8.9k"); whole counts only; a fixed width and labels kept inside
 * the plot, so every panel and its title line up whatever its figures.
 */
const countAxis = { format: 's', tickCount: 3, tickMinStep: 1, minExtent: 40, maxExtent: 40, labelFlush: true } as const;

const PANEL = { width: 190, height: 100 };

/**
 * Small multiples, one panel per framework in `order`, each with its own y scale and its own x axis (a
 * shared one sits under the last row, so under an empty cell where that row is short). Panels are placed
 * by their plots alone, and each is titled by a text mark a fixed distance above its plot: a facet
 * header or cell title moves with how far the panel's axis labels reach.
 */
function smallMultiples(description: string, order: string[], values: object[], layer: unknown[], datasets: Record<string, object[]> = {}): TopLevelSpec {
  const title = {
    transform: [{ aggregate: [{ op: 'count', as: 'n' }], groupby: ['framework'] }],
    // A long name is cut with an ellipsis rather than run into the next panel's title.
    mark: { type: 'text', fontSize: 12, fontWeight: 'bold', baseline: 'bottom', color: '#222', limit: PANEL.width + 40 },
    encoding: { text: { field: 'framework' }, x: { value: PANEL.width / 2 }, y: { value: -8 } },
  };
  return {
    description,
    datasets,
    data: { values },
    // The cell title Vega-Lite would add (independent axes) is left empty: the text mark above is the title.
    facet: { field: 'framework', type: 'nominal', sort: order, header: { title: null, labelExpr: "''" } },
    columns: 4,
    bounds: 'flush',
    spacing: { column: 60, row: 50 },
    spec: { ...PANEL, layer: [...layer, title] },
    resolve: { scale: { y: 'independent' }, axis: { x: 'independent' } },
    config: CONFIG,
  } as TopLevelSpec;
}

async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function timeAxis(data: ReportData) {
  const domain = [wallClock(data.since, data.timeZone).getTime(), wallClock(data.asOf, data.timeZone).getTime()];
  const format = data.sinceDays <= 120 ? '%b %d' : '%b %Y';
  return { field: 't', type: 'temporal', title: null, scale: { type: 'utc', domain, padding: 8 }, axis: { format, tickCount: 4 } } as const;
}

/** The frameworks in chart order: the report's order (most stars first). */
function frameworkOrder(data: ReportData): string[] {
  const charted = new Set(data.stars.map((p) => p.slug));
  return data.rows.filter((row) => charted.has(row.slug)).map((row) => row.framework);
}

/** Small multiples, one per framework with its own y scale (growth is visible at every size); red dots mark anomalies. */
export async function starsChart(data: ReportData): Promise<string | undefined> {
  const flagged = new Set(data.anomalies.map((a) => `${a.slug} ${a.run_id}`));
  const values = data.stars
    .filter((p) => p.stars !== null)
    .map((p) => ({
      framework: p.framework,
      t: wallClock(p.captured_at, data.timeZone).toISOString(),
      stars: p.stars,
      anomaly: flagged.has(`${p.slug} ${p.run_id}`),
    }));
  if (values.length === 0) return undefined;
  // Dots for each snapshot while they stay apart; a daily year of them would only thicken the line.
  const dense = values.length / new Set(values.map((v) => v.framework)).size > 60;
  const x = timeAxis(data);
  const y = { field: 'stars', type: 'quantitative', title: null, scale: { zero: false }, axis: countAxis } as const;
  return toSvg(
    smallMultiples('GitHub stars over time, one small chart per framework', frameworkOrder(data), values, [
      { mark: { type: 'line', color: BLUE, strokeWidth: 2, point: dense ? false : { size: 24, color: BLUE } }, encoding: { x, y } },
      { transform: [{ filter: 'datum.anomaly' }], mark: { type: 'point', filled: true, size: 70, color: RED }, encoding: { x, y } },
    ]),
  );
}

/** PyPI counts only .whl, .tar.gz and .zip downloads from this day: its figures step down there. */
const PYPI_COUNTING_CHANGE = '2026-08-24';

/**
 * Daily downloads, one small chart per framework with its own scale (only the series a chart can draw:
 * see download-gaps.ts); an orange rule marks PyPI's counting change on PyPI packages' charts when it
 * falls within the window.
 */
export async function downloadsChart(data: ReportData): Promise<string | undefined> {
  const drawn = chartedDownloads(data);
  const values = drawn.map((p) => ({ framework: p.framework, t: `${p.day}T00:00:00.000Z`, downloads: p.downloads }));
  if (values.length === 0) return undefined;
  const x = timeAxis(data);
  const change = new Date(`${PYPI_COUNTING_CHANGE}T00:00:00Z`);
  const marks =
    change >= data.since && change <= data.asOf
      ? [...new Set(drawn.filter((p) => p.registry === 'pypi').map((p) => p.framework))].map((framework) => ({ framework, t: `${PYPI_COUNTING_CHANGE}T00:00:00.000Z` }))
      : [];
  const y = { field: 'downloads', type: 'quantitative', title: null, scale: { zero: false }, axis: countAxis } as const;
  const charted = new Set(values.map((v) => v.framework));
  const order = data.rows.map((row) => row.framework).filter((name) => charted.has(name));
  return toSvg(
    smallMultiples(
      'Daily package downloads over time, one small chart per framework',
      order,
      values,
      [
        { mark: { type: 'line', color: BLUE, strokeWidth: 1.5 }, encoding: { x, y } },
        { data: { name: 'marks' }, mark: { type: 'rule', color: ORANGE, strokeDash: [4, 3] }, encoding: { x } },
      ],
      { marks },
    ),
  );
}

/** One row per framework, a tick per release in the window; the newest stable release is labelled. */
export async function releaseChart(data: ReportData): Promise<string> {
  const order = data.rows.slice(0, MAX_CHARTED).map((row) => row.framework);
  const newest = new Map<string, string>();
  for (const r of data.releases) if (!r.prerelease) newest.set(r.slug, r.tag);
  const values = data.releases.map((r) => ({
    framework: r.framework,
    t: wallClock(r.published_at, data.timeZone).toISOString(),
    kind: r.prerelease ? 'prerelease' : 'stable',
    label: newest.get(r.slug) === r.tag && !r.prerelease ? r.tag : '',
  }));
  const x = timeAxis(data);
  const y = { field: 'framework', type: 'nominal', title: null, sort: order, scale: { domain: order } } as const;
  return toSvg({
    description: 'Releases per framework over the report window',
    data: { values },
    width: 760,
    height: { step: 26 },
    layer: [
      {
        mark: { type: 'tick', thickness: 3, size: 16 },
        encoding: {
          x,
          y,
          color: { field: 'kind', type: 'nominal', title: null, scale: { domain: ['stable', 'prerelease'], range: [BLUE, ORANGE] }, legend: { orient: 'top' } },
        },
      },
      {
        transform: [{ filter: "datum.label !== ''" }],
        mark: { type: 'text', align: 'left', dx: 5, dy: -8, fontSize: 10, color: '#333' },
        encoding: { x, y, text: { field: 'label' } },
      },
    ],
    config: CONFIG,
  });
}
