/**
 * Reports say what is missing (issue 24, item 8), through the built CLI on both drivers: a framework the
 * article dropped is marked "no longer in the article", a framework whose enrichment failed is listed
 * with the reason, and the HTML report's Releases section says there is no data (an empty database, or no
 * release in the window) rather than drawing an empty chart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/article-server.js';
import { runCli } from './support/cli.js';
import { startStandins, type Standins } from './support/jobs.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const LONG = 180_000;

/** The part of the HTML report under heading `title`, up to the next heading. */
const section = (html: string, title: string) => html.split(`<h2>${title}</h2>`)[1]?.split('<h2>')[0] ?? '';

describe.each(DRIVERS)('what the report says is missing, on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let standins: Standins;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    if (skip) return;
    standins = await startStandins({ packages: false });
    // No framework has a release or tag: the report's Releases section has frameworks but nothing to chart.
    for (const repo of standins.github.repos) Object.assign(repo, { releases: [], tags: [] });
    database = await createTestDatabase(driver);
    env = standins.env(database, { LOG_LEVEL: 'warn', STACKRADAR_NOW: '2026-12-01T06:00:00Z' });
  }, LONG);
  afterAll(async () => {
    if (skip) return;
    await standins.close();
    await database.drop();
  });

  it.skipIf(skip)('on an empty database, the Releases section says there is no data, as the others do', async () => {
    const html = (await runCli(['report', '--format', 'html'], { env })).stdout;
    for (const title of ['Summary', 'Stars over time', 'Downloads over time', 'Releases', 'Article versions']) {
      expect(section(html, title), title).toMatch(/<p class="note">No /);
    }
  });

  it.skipIf(skip)(
    'marks a framework the article dropped and lists one whose enrichment failed, with the reason',
    async () => {
      expect((await runCli(['refresh'], { env })).code).toBe(0);
      // The next day the article lists an unknown framework in Spring Boot's place.
      standins.articles.pages.set('/article.html', { body: fixture('keycdn-original.html').replaceAll('Spring Boot', 'Zorkframe') });
      const next = { ...env, STACKRADAR_NOW: '2026-12-02T06:00:00Z' };
      const refreshed = await runCli(['refresh'], { env: next });
      expect(refreshed.code, refreshed.stderr).toBe(3);
      const failure = /enrich zorkframe: failed: (.+)/.exec(refreshed.stderr)?.[1];
      expect(failure).toBeDefined();

      const rows = JSON.parse((await runCli(['report', '--format', 'json'], { env: next })).stdout) as { slug: string; in_article: boolean }[];
      expect(rows.filter((row) => !row.in_article).map((row) => row.slug)).toEqual(['spring-boot']);
      expect(rows).toHaveLength(8);

      const table = await runCli(['report'], { env: next });
      expect(table.stdout).toContain('Spring Boot (no longer in the article)');
      expect(table.stdout).toMatch(/not enriched in the newest run.*\n {2}Zorkframe: /);
      expect(table.stdout).toContain(`Zorkframe: ${failure}`);
      const md = (await runCli(['report', '--format', 'md'], { env: next })).stdout;
      expect(md).toContain(`- Zorkframe: ${failure}`);
      const html = (await runCli(['report', '--format', 'html'], { env: next })).stdout;
      expect(section(html, 'Not enriched')).toContain(`<li>Zorkframe: ${failure?.replaceAll('"', '&quot;')}</li>`);
      expect(section(html, 'Summary')).toContain('Spring Boot (no longer in the article)');
      expect(section(html, 'Releases')).toContain('<p class="note">No releases in this window.</p>');
    },
    LONG,
  );
});
