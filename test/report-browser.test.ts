/**
 * Opens the HTML report in headless Chromium: the charts must render (SVG paths with geometry), the page
 * must log no errors and request nothing but itself. Leaves test-results/report.png for the test log.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { eq } from 'drizzle-orm';
import type { Db } from '../src/store/database.js';
import { storePackageFigures, type DailyRow, type PackageFiguresRow } from '../src/store/packages.js';
import { frameworks, runs } from '../src/store/schema.js';
import { createTestDatabase, type TestDatabase } from './support/stores.js';
import { NEWEST, seedTrends } from './support/trend-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const RESULTS = fileURLToPath(new URL('../test-results/', import.meta.url));
// In CI a missing browser fails the test (launch throws); elsewhere it is skipped, saying so.
const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';
if (skip) console.warn(`\n⚠ ${CHROMIUM} not found: the browser test of the HTML report is SKIPPED (apt-get install -y chromium)\n`);

/**
 * Packages on the newest visible run: Alpha's npm package with 61 days of downloads (charted); Beta's
 * gem with one derived day of 0 (a single day, all zero: its chart drew a "NaN" axis before); Gamma's
 * Maven artifact, whose registry publishes no downloads (an empty, untitled panel before).
 */
async function seedPackages(db: Db): Promise<void> {
  const [run] = await db.select({ id: runs.id }).from(runs).where(eq(runs.runAt, new Date(NEWEST)));
  const ids = new Map((await db.select({ id: frameworks.id, slug: frameworks.slug }).from(frameworks)).map((f) => [f.slug, f.id]));
  const figures = (slug: string, registry: PackageFiguresRow['registry'], name: string, total: number | null): PackageFiguresRow => ({
    frameworkId: ids.get(slug)!, registry, name, version: { version: '1.0.0', publishedAt: null },
    downloadsLastDay: null, downloadsLastWeek: null, downloadsLastMonth: null, downloadsTotal: total, error: null, deprecated: null, replacement: null,
  });
  const day = (i: number) => new Date(Date.parse('2025-12-01T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10);
  const daily: DailyRow[] = [
    ...Array.from({ length: 61 }, (_, i) => ({ frameworkId: ids.get('alpha')!, registry: 'npm' as const, package: 'alpha', day: day(i), downloads: 1000 + 10 * i, source: 'registry' as const })),
    { frameworkId: ids.get('beta')!, registry: 'rubygems', package: 'beta', day: '2026-01-30', downloads: 0, source: 'derived' },
  ];
  await storePackageFigures(db, run!.id, [figures('alpha', 'npm', 'alpha', null), figures('beta', 'rubygems', 'beta', 5000), figures('gamma', 'maven', 'org.gamma:gamma', null)], daily);
}

describe.skipIf(skip)('the HTML report in headless Chromium', () => {
  let database: TestDatabase;
  let browser: Browser;
  const out = path.join(RESULTS, 'report.html');

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const store = await database.open();
    await seedTrends(store.db);
    await seedPackages(store.db);
    await store.close();
    mkdirSync(RESULTS, { recursive: true });
    const result = await runCli(['report', '--format', 'html', '--since', '90d', '--out', out], { env: { STACKRADAR_DATA_DIR: database.dataDir } });
    expect(result.code, result.stderr).toBe(0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await database?.drop();
  });

  it('renders the charts with no console errors and no requests but the file itself', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));

    const url = pathToFileURL(out).href;
    await page.goto(url, { waitUntil: 'load' });

    // One line per framework in the small multiples: alpha's and beta's with segments, gamma's one point.
    const lines = await page.locator('#stars-chart svg .mark-line path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''));
    expect(lines).toHaveLength(3);
    expect(lines.filter((d) => /^M[\d.-]+,[\d.-]+L/.test(d))).toHaveLength(2);
    // Anomalies (three in 90 days) are red dots.
    expect(await page.locator('#stars-chart svg path[fill="#d62728"]').count()).toBe(3);
    // Three releases in the window, all alpha's (v1.9.0, v2.0.0-rc.1, v2.0.0); beta's 3.1.0 is older.
    expect(await page.locator('#release-chart svg .mark-rect path').count()).toBe(3);
    for (const id of ['#stars-chart svg', '#release-chart svg']) {
      const box = await page.locator(id).boundingBox();
      expect(box!.width, id).toBeGreaterThan(500);
      expect(box!.height, id).toBeGreaterThan(100);
    }
    expect(await page.locator('#summary tbody tr').count()).toBe(3);
    expect(await page.locator('#versions tbody tr').count()).toBe(2);

    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.screenshot({ path: path.join(RESULTS, 'report.png'), fullPage: true });
  });

  it('charts only the downloads a chart can draw and says why the others have none', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });
    // One panel, Alpha's, titled and with a line of 61 points; no axis anywhere reads NaN.
    const lines = await page.locator('#downloads-chart svg .mark-line path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.match(/L/g)).toHaveLength(60);
    const labels = await page.locator('#downloads-chart svg text').allTextContents();
    expect(labels).toContain('Alpha');
    expect(labels.filter((t) => t === 'Beta' || t === 'Gamma')).toEqual([]);
    expect(await page.locator('body').innerText()).not.toContain('NaN');
    const missing = await page.locator('#downloads-missing li').allInnerTexts();
    expect(missing).toEqual([
      'Beta: no daily downloads yet: RubyGems publishes only a running total, so each day\'s figure is the difference between two days\' runs, and a chart needs two such days',
      'Gamma: no daily downloads: Maven Central publishes no download counts',
    ]);
  });
});
