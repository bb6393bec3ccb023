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
import { createTestDatabase, type TestDatabase } from './support/stores.js';
import { seedTrends } from './support/trend-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const RESULTS = fileURLToPath(new URL('../test-results/', import.meta.url));
// In CI a missing browser fails the test (launch throws); elsewhere it is skipped, saying so.
const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';
if (skip) console.warn(`\n⚠ ${CHROMIUM} not found: the browser test of the HTML report is SKIPPED (apt-get install -y chromium)\n`);

describe.skipIf(skip)('the HTML report in headless Chromium', () => {
  let database: TestDatabase;
  let browser: Browser;
  const out = path.join(RESULTS, 'report.html');

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const store = await database.open();
    await seedTrends(store.db);
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
});
