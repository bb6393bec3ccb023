/**
 * The HTML report's layout (issue 24, item 8) and a framework whose GitHub lookup failed, through the
 * built CLI on both drivers: two daily refreshes against the stand-ins (packages included) with
 * Express's repository gone from GitHub, then `report --format html --out F`. The produced SVG is
 * checked as text (one precision per y axis, an x axis per panel, no NaN); on PGlite the page is also
 * opened in headless Chromium to measure what only a browser knows (overflow, wrapped dates, aligned
 * panels and titles). Without Chromium outside CI that part is skipped, saying so.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'cheerio';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { NAMES, sqlRows, startStandins, type Standins } from './support/jobs.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const LONG = 240_000;
const CHROMIUM = '/usr/bin/chromium';
const noBrowser = !existsSync(CHROMIUM) && process.env.CI !== 'true';
if (noBrowser) console.warn(`\n⚠ ${CHROMIUM} not found: the report layout checks in Chromium are SKIPPED (apt-get install -y chromium)\n`);

/** Digits after the decimal point of an axis label ("2.5M" → 1, "2M" → 0, "300k" → 0). */
const decimals = (label: string) => /\.(\d+)/.exec(label)?.[1]?.length ?? 0;

/** The labels of each y axis of a chart, one list per axis. */
function yAxes(html: string, chart: string): string[][] {
  const $ = load(html);
  return $(`#${chart} g[aria-label^="Y-axis"]`)
    .toArray()
    .map((axis) => $(axis).find('.role-axis-label text').toArray().map((t) => $(t).text()));
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The horizontal centre. */
  x: number;
}

/**
 * Runs in the page (a string: the project's TypeScript has no DOM types): boxes of the stars chart's
 * plots, of its texts naming a framework (the panel titles) and of its x axes; how far the page
 * overflows sideways; the summary's right edge beside a heading's; each date cell's number of lines.
 */
const MEASURE = `(() => {
  const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, x: r.left + r.width / 2 }; };
  const svg = document.querySelector('#stars-chart svg');
  const lines = (cell) => { const range = document.createRange(); range.selectNodeContents(cell); return range.getClientRects().length; };
  return {
    plots: [...svg.querySelectorAll('path.background')].map(box).filter((b) => b.right - b.left > 100 && b.bottom - b.top > 50),
    titles: [...svg.querySelectorAll('text')].filter((t) => NAMES.includes(t.textContent)).map(box),
    axes: [...svg.querySelectorAll('g[aria-label^="X-axis"]')].map(box),
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    summaryRight: document.querySelector('#summary').parentElement.getBoundingClientRect().right,
    headingRight: document.querySelector('h2').getBoundingClientRect().right,
    dates: [...document.querySelectorAll('td')].filter((td) => /^\\d{4}-\\d{2}-\\d{2}$/.test(td.textContent)).map((td) => td.textContent + ': ' + lines(td)),
  };
})()`;

interface Measured {
  plots: Box[];
  titles: Box[];
  axes: Box[];
  overflow: number;
  summaryRight: number;
  headingRight: number;
  dates: string[];
}

describe.each(DRIVERS)('the HTML report and a framework GitHub does not know, on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let standins: Standins;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;
  let dir: string;
  let html: string;

  beforeAll(async () => {
    if (skip) return;
    standins = await startStandins();
    database = await createTestDatabase(driver);
    dir = mkdtempSync(path.join(tmpdir(), 'stackradar-layout-'));
    // Express's repository is gone: GitHub answers not found, the npm registry still answers.
    standins.github.repos.splice(standins.github.repos.findIndex((r) => r.name === 'express'), 1);
    env = standins.env(database, { LOG_LEVEL: 'warn', STACKRADAR_NOW: '2026-12-01T06:00:00Z' });
    expect((await runCli(['refresh'], { env })).code).toBe(3);
    // The next day every repository has gained a few stars, unevenly: each chart gets an axis of several labels.
    standins.github.repos.forEach((repo, i) => (repo.stars += 37 * (i + 1)));
    env = { ...env, STACKRADAR_NOW: '2026-12-02T06:00:00Z' };
    expect((await runCli(['refresh'], { env })).code).toBe(3);
    const out = path.join(dir, 'report.html');
    const written = await runCli(['report', '--format', 'html', '--out', out], { env });
    expect(written.code, written.stderr).toBe(0);
    html = readFileSync(out, 'utf8');
  }, LONG);
  afterAll(async () => {
    if (skip) return;
    await standins.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(skip)('stores and shows the package figures of a framework whose GitHub lookup failed', async () => {
    const [latest] = await sqlRows<Record<string, unknown>>("select stars, package_name, package_version, downloads_last_week, package_error from framework_latest where slug = 'express'", env);
    expect(latest).toMatchObject({ stars: null, package_name: 'express', package_error: null });
    expect(latest!.package_version).toEqual(expect.any(String));
    expect(latest!.downloads_last_week).toBeGreaterThan(0);
    const history = await sqlRows<{ package_version: string | null }>("select package_version from framework_history where slug = 'express'", env);
    expect(history.map((row) => row.package_version)).toEqual([latest!.package_version, latest!.package_version]);
    const [trend] = await sqlRows<{ downloads_last_30d: number | null }>("select downloads_last_30d from download_trends where slug = 'express'", env);
    expect(trend!.downloads_last_30d).toBeGreaterThan(0);

    const rows = JSON.parse((await runCli(['report', '--format', 'json'], { env })).stdout) as Record<string, unknown>[];
    expect(rows.find((row) => row.slug === 'express')).toMatchObject({ stars: null, package_version: latest!.package_version, downloads_last_30d: trend!.downloads_last_30d });
    const $ = load(html);
    const express = $('#summary tbody tr').filter((_, tr) => $(tr).find('td').first().text() === 'Express');
    expect(express.find('td').toArray().map((td) => $(td).text())).toContain(latest!.package_version);
    expect($('#not-enriched li').text()).toContain('Express: GitHub expressjs/express: not found');
  });

  it.skipIf(skip)('labels every y axis at one precision, gives every panel its own x axis and never prints NaN', () => {
    const $ = load(html);
    for (const chart of ['stars-chart', 'downloads-chart']) {
      const axes = yAxes(html, chart);
      expect(axes.length, chart).toBeGreaterThan(1);
      expect(axes.filter((labels) => labels.length > 1).length, chart).toBeGreaterThan(0);
      for (const labels of axes) expect(new Set(labels.map(decimals)).size, `${chart}: ${labels.join(', ')}`).toBe(1);
      // Seven star panels on a grid of four columns: an axis shared per column would sit under an empty cell.
      expect($(`#${chart} g[aria-label^="X-axis"]`).length, chart).toBe(axes.length);
    }
    expect(html).not.toContain('NaN');
    // The summary scrolls inside its column; dates are cells that never wrap.
    expect($('#summary').parent().is('div.wide')).toBe(true);
    expect($('#versions td.date').length).toBe(2);
    expect($('.review td.date').length).toBeGreaterThan(0);
  });

  it.skipIf(skip || driver !== 'pglite' || noBrowser)(
    'in Chromium: nothing overflows the page, dates stay on one line, panels and their titles line up',
    async () => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
      try {
        const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
        await page.goto(pathToFileURL(path.join(dir, 'report.html')).href, { waitUntil: 'load' });
        // Express has no stars: its repository is gone.
        const names = JSON.stringify(NAMES.filter((name) => name !== 'Express'));
        const { plots, titles, axes, ...layout } = (await page.evaluate(MEASURE.replace('NAMES', names))) as Measured;
        expect(layout.overflow).toBe(0);
        expect(layout.summaryRight).toBeLessThanOrEqual(layout.headingRight + 0.5);
        expect(layout.dates.length).toBeGreaterThan(2);
        expect(layout.dates.filter((d) => !d.endsWith(': 1'))).toEqual([]);

        // Seven panels on four columns and two rows.
        expect(plots).toHaveLength(7);
        expect(new Set(plots.map((p) => Math.round(p.left))).size).toBe(4);
        expect(new Set(plots.map((p) => Math.round(p.top))).size).toBe(2);
        // Each title is centred over its own plot, the same distance above it.
        expect(titles).toHaveLength(7);
        const gaps = titles.map((t) => {
          const plot = plots.filter((p) => p.top >= t.bottom).sort((a, b) => Math.abs(a.x - t.x) + a.top - (Math.abs(b.x - t.x) + b.top))[0]!;
          expect(Math.abs(plot.x - t.x)).toBeLessThan(1);
          return plot.top - t.bottom;
        });
        expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThan(1);
        // Every x axis starts at the bottom of a plot, under it.
        for (const axis of axes) expect(plots.some((p) => Math.abs(axis.top - p.bottom) < 2 && axis.left < p.right && axis.right > p.left)).toBe(true);
      } finally {
        await browser.close();
      }
    },
    LONG,
  );
});

