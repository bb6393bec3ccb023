// Which packages get a downloads chart in the HTML report, and what the report says about the others.
import { describe, expect, it } from 'vitest';
import type { DownloadPoint, ReportData, ReportRow } from '../src/report/data.js';
import { downloadsChart } from '../src/report/charts.js';
import { chartedDownloads, downloadGaps } from '../src/report/download-gaps.js';

const row = (framework: string, registry: string | null, error: string | null = null) =>
  ({ framework, slug: framework.toLowerCase(), package_registry: registry, package_error: error }) as unknown as ReportRow;

const days = (framework: string, registry: string, values: number[]): DownloadPoint[] =>
  values.map((downloads, i) => ({ framework, slug: framework.toLowerCase(), registry, day: `2026-11-${String(10 + i).padStart(2, '0')}`, downloads }));

function report(rows: ReportRow[], downloads: DownloadPoint[]): ReportData {
  return { asOf: new Date('2026-12-01T06:00:00Z'), since: new Date('2026-09-02T00:00:00Z'), sinceDays: 90, timeZone: 'UTC', rows, anomalies: [], stars: [], releases: [], downloads, versions: [], notEnriched: [] };
}

const data = report(
  [row('Express', 'npm'), row('Rails', 'rubygems'), row('Phoenix', 'hex'), row('Spring', 'maven'), row('Flask', 'pypi', 'unavailable'), row('Tiny', 'npm'), row('Once', 'packagist'), row('CakePHP', null)],
  [...days('Express', 'npm', [10, 12, 11]), ...days('Phoenix', 'hex', [40]), ...days('Tiny', 'npm', [0, 0, 0]), ...days('Once', 'packagist', [7])],
);

describe('downloads in the HTML report', () => {
  it('charts a package with two days or more and a count above zero, nothing else', () => {
    expect(new Set(chartedDownloads(data).map((p) => p.framework))).toEqual(new Set(['Express']));
  });

  it('says why each other package with a registry has no chart, in the report order', () => {
    expect(downloadGaps(data)).toEqual([
      { framework: 'Rails', why: "no daily downloads yet: RubyGems publishes only a running total, so each day's figure is the difference between two days' runs, and a chart needs two such days" },
      { framework: 'Phoenix', why: "no daily downloads yet: Hex publishes only a running total, so each day's figure is the difference between two days' runs, and a chart needs two such days" },
      { framework: 'Spring', why: 'no daily downloads: Maven Central publishes no download counts' },
      { framework: 'Flask', why: "no daily downloads yet: the registry's last answer was an error (unavailable)" },
      { framework: 'Tiny', why: 'no downloads counted on any day in this window' },
      { framework: 'Once', why: 'no daily downloads yet: one day stored (2026-11-10), a chart needs two' },
    ]);
  });

  it('draws no NaN and no panel for what it does not chart', async () => {
    const svg = await downloadsChart(data);
    expect(svg).toBeDefined();
    expect(svg).not.toContain('NaN');
    for (const name of ['Phoenix', 'Tiny', 'Once']) expect(svg).not.toContain(`>${name}<`);
    expect(svg).toContain('>Express<');
  });

  it('draws no chart when nothing can be charted', async () => {
    expect(await downloadsChart(report([row('Rails', 'rubygems')], []))).toBeUndefined();
  });
});
