import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FIELDS } from '../src/report/data.js';
import { runCli } from './support/cli.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';
import { NEWEST, seedTrends } from './support/trend-fixture.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const readmeQueries = [...README.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());

const BETA_ANOMALIES = ['2026-01-30 stars fell 6.0% (1900 → 1786)', '2026-01-31 repository changed from b/beta to c/beta'];

describe.each(DRIVERS)('stackradar report and history on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let database: TestDatabase;
  let dir: string;
  let env: Record<string, string | undefined>;
  const cli = (...args: string[]) => runCli(args, { env });
  const json = async (...args: string[]) => {
    const result = await cli(...args, '--format', 'json');
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout);
  };

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase(driver);
    const store = await database.open();
    await seedTrends(store.db);
    await store.close();
    dir = mkdtempSync(path.join(tmpdir(), 'stackradar-report-'));
    const catalog = path.join(dir, 'catalog.json');
    const alpha = { name: 'Alpha', aliases: ['AlphaJS'], language: 'JavaScript', repo: 'acme/alpha', docs: 'https://alpha.example/docs' };
    writeFileSync(catalog, JSON.stringify({ frameworks: [alpha] }));
    env = { DATABASE_URL: database.databaseUrl, STACKRADAR_DATA_DIR: database.dataDir, STACKRADAR_CATALOG: catalog };
  });
  afterAll(async () => {
    if (skip) return;
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(skip)('json: one row per framework, most stars first, with deltas, cadence, release age and anomalies', async () => {
    const rows = await json('report');
    expect(rows.map((r: { slug: string }) => r.slug)).toEqual(['beta', 'alpha', 'gamma']);
    expect(Object.keys(rows[0])).toEqual([...REPORT_FIELDS]);
    expect(rows[0]).toMatchObject({
      stars: 1715, delta_7d: -185, delta_30d: -285, releases_last_365d: 1, median_release_interval_days: null,
      latest_version: '3.1.0', latest_release: '3.1.0', latest_release_age_days: 244, docs_status: 404, captured_at: NEWEST, anomalies: BETA_ANOMALIES,
    });
    // v2.0.0 was published 2026-01-10 12:00; the newest snapshot is 2026-01-31 06:00: 21 calendar days.
    expect(rows[1]).toMatchObject({ stars: 1310, delta_7d: 110, delta_30d: 210, releases_last_365d: 6, median_release_interval_days: 30.5, latest_version: 'v2.0.0', latest_release: 'v2.0.0', latest_release_age_days: 21, docs_status: 200, anomalies: [] });
    expect(rows[2]).toMatchObject({ stars: 500, delta_7d: null, delta_30d: null, latest_release: null, latest_release_age_days: null, docs_status: null, docs_error: 'timeout' });
  });

  it.skipIf(skip)('--since sets the anomaly window; a bad window is a usage error', async () => {
    const wide = await json('report', '--since', '90d');
    expect(wide.find((r: { slug: string }) => r.slug === 'alpha').anomalies).toEqual(['2025-12-01 repository changed from acme/alpha-old to acme/alpha']);
    const bad = await cli('report', '--since', 'lots');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/invalid --since "lots"/);
  });

  it.skipIf(skip)('table: aligned, uncoloured off a terminal, with the anomalies listed under it', async () => {
    const result = await cli('report');
    expect(result.code, result.stderr).toBe(0);
    // eslint-disable-next-line no-control-regex -- an ANSI escape is what must not be there
    expect(result.stdout).not.toMatch(/\u001b\[/);
    const lines = result.stdout.split('\n');
    const beta = lines.find((line) => line.includes('Beta ⚠'))!;
    expect(beta).toMatch(/│ 1,715 │ −185 │\s+−285 │/);
    const widths = new Set(lines.filter((line) => line.startsWith('│')).map((line) => line.length));
    expect(widths.size).toBe(1);
    expect(result.stdout).toContain('as of 2026-01-31 06:00 UTC');
    expect(result.stdout).toContain('2026-01-30 Beta: stars fell 6.0% (1900 → 1786)');
  });

  it.skipIf(skip)('dates and the window follow STACKRADAR_TZ', async () => {
    const result = await runCli(['report', '--format', 'md', '--since', '1d'], { env: { ...env, STACKRADAR_TZ: 'Asia/Tokyo' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('as of 2026-01-31 15:00 Asia/Tokyo');
    // The window starts at Tokyo's midnight of January 30th (15:00 UTC on the 29th): both of beta's anomalies.
    expect(result.stdout).toContain('- 2026-01-30 Beta: stars fell 6.0% (1900 → 1786)');
  });

  it.skipIf(skip)('md: a Markdown table with right-aligned figures, ready to paste', async () => {
    const result = await cli('report', '--format', 'md');
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('| Framework | Language | Stars | Δ 7d | Δ 30d | Releases (1 y) | Median gap | Latest version | Package | Downloads 30d | Δ dl 30d | Latest release | Age | Docs |');
    expect(lines[1]).toBe('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | --- | ---: | --- |');
    // The fixture stores no package figures: a dash in each package column.
    expect(lines[3]).toBe('| Alpha | JavaScript | 1,310 | +110 | +210 | 6 | 30.5 d | v2.0.0 | – | – | – | v2.0.0 | 21 d | 200 |');
    expect(result.stdout).toContain('- 2026-01-31 Beta: repository changed from b/beta to c/beta');
  });

  it.skipIf(skip)('csv: a header of every field and one line per framework', async () => {
    const result = await cli('report', '--format', 'csv');
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(REPORT_FIELDS.join(','));
    expect(lines).toHaveLength(4);
    // No package figures in the fixture: six empty package fields after latest_version_at.
    expect(lines[1]).toMatch(/^Beta,beta,Python,c\/beta,1715,-185,-285,1,,3\.1\.0,2025-06-01T00:00:00\.000Z,,,,,,,3\.1\.0,2025-06-01T00:00:00\.000Z,244,/);
    expect(lines[1]).toContain(BETA_ANOMALIES.join('; '));
  });

  it.skipIf(skip)('html --out: one self-contained file with SVG charts and the article history; stdout stays empty', async () => {
    const out = path.join(dir, `report-${driver}.html`);
    const result = await cli('report', '--format', 'html', '--since', '90d', '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/wrote .*report-.*\.html \(3 framework\(s\), 3 anomaly\(ies\)\)/);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|src=/i);
    expect(html).toContain('added Delta; removed Gamma; Alpha: pros changed');
    expect(html).toContain('first version, 3 entries');
    expect(html).toContain('stars fell 6.0% (1900 → 1786)');
    // No refresh reviewed anything here: the Review section says so, and so does `review --format html`.
    expect(html).toMatch(/<h2>Review<\/h2>\n<div class="review" id="review"><p class="none">No findings/);
    const review = await cli('review', '--format', 'html');
    expect(review.code, review.stderr).toBe(0);
    expect(review.stdout).toMatch(/^<!DOCTYPE html>[\s\S]*No findings/);
  });

  it.skipIf(skip)('history: one row per visible snapshot, oldest first, by name, slug or catalog alias, in every format', async () => {
    for (const name of ['alpha', 'ALPHA', 'Alpha', 'AlphaJS']) {
      const rows = await json('history', name);
      expect(rows.map((r: { stars: number }) => r.stars), name).toEqual([900, 1000, 1100, 1200, 1300, 1310]);
    }
    const [first] = await json('history', 'beta');
    expect(first).toMatchObject({ run_id: 1, framework: 'Beta', repo: 'b/beta', captured_at: '2025-10-15T06:00:00.000Z', stars: 2100, docs_status: 404 });
    const table = await cli('history', 'beta');
    expect(table.stdout).toContain('2026-01-31T06:00:00.000Z');
    expect(table.stdout).toMatch(/6 rows/);
    const csv = await cli('history', 'beta', '--format', 'csv');
    expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(7);
    const md = await cli('history', 'beta', '--format', 'md');
    expect(md.stdout.split('\n').filter((line) => line.startsWith('| '))).toHaveLength(8);
  });

  it.skipIf(skip)('history of an unknown framework exits 2 with one line', async () => {
    const result = await cli('history', 'no-such-framework');
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^stackradar: history: no framework named "no-such-framework"/)]);
  });

  it.skipIf(skip)('the README example queries run as written', async () => {
    expect(readmeQueries.length).toBeGreaterThanOrEqual(6);
    for (const query of readmeQueries) {
      const result = await cli('sql', query, '--format', 'json');
      expect(result.code, `${query}\n${result.stderr}`).toBe(0);
      expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
    }
  }, 90_000);
});
