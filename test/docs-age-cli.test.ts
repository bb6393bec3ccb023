/**
 * Docs links are checked when due (STACKRADAR_DOCS_MAX_AGE, default 7 days): a link checked recently is
 * not requested again and its result is carried with its original docs_checked_at; a changed docs URL
 * is checked at once; an aged one is checked again. A carried check keeps its first answer (a 301 and
 * where it pointed), so review's docs-moved holds at the default age: two checks a week apart.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { NAMES, sqlRows, startStandins, type Standins } from './support/jobs.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const LONG = 120_000;
const DAY = 86_400_000;
const DAY0 = new Date('2026-11-02T06:00:00Z');
const at = (days: number) => new Date(DAY0.getTime() + days * DAY).toISOString();
const slugOf = (name: string) => name.toLowerCase().replace(/ /g, '-');

describe.each(DRIVERS)('docs checks when due on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let standins: Standins;
  let database: TestDatabase;
  let dir: string;
  let catalog: string;
  const docsPath = (name: string, suffix = '') => `/docs/${slugOf(name)}${suffix}`;
  const writeCatalog = (laravelSuffix: string) =>
    // No packages: this test is about docs links, and the registries' pace would only slow it.
    writeFileSync(catalog, JSON.stringify({ frameworks: NAMES.map((name) => ({ name, package: null, docs: `${standins.articles.url}${docsPath(name, name === 'Laravel' ? laravelSuffix : '')}` })) }));
  const hits = (name: string, suffix = '') => standins.articles.hits.get(docsPath(name, suffix)) ?? 0;
  const refreshOn = async (day: number) => {
    const result = await runCli(['refresh'], { env: { ...standins.env(database), STACKRADAR_CATALOG: catalog, STACKRADAR_NOW: at(day) }, timeoutMs: LONG });
    expect(result.code, result.stderr).toBe(0);
  };
  const latest = async () =>
    new Map(
      (await sqlRows<{ slug: string; docs_url: string; docs_status: number; docs_checked_at: Date | string }>(
        'select slug, docs_url, docs_status, docs_checked_at from framework_latest',
        standins.env(database),
      )).map((row) => [row.slug, { ...row, docs_checked_at: new Date(row.docs_checked_at).toISOString() }]),
    );

  beforeAll(async () => {
    if (skip) return;
    standins = await startStandins();
    for (const name of NAMES) standins.articles.pages.set(docsPath(name), { body: '<h1>Docs</h1>' });
    standins.articles.pages.set(docsPath('Laravel', '-moved'), { body: '<h1>Docs</h1>' });
    // Django's docs moved for good: the carried check keeps that first answer, and review sees it.
    standins.articles.pages.set(docsPath('Django'), { status: 301, location: `${standins.articles.url}/docs/django-new` });
    standins.articles.pages.set('/docs/django-new', { body: '<h1>Docs</h1>' });
    database = await createTestDatabase(driver);
    dir = mkdtempSync(path.join(tmpdir(), 'stackradar-docs-age-'));
    catalog = path.join(dir, 'catalog.json');
    writeCatalog('');
  });
  afterAll(async () => {
    if (skip) return;
    await standins.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(skip)('checks every link on the first run, carries them the next day, re-checks a changed URL at once and aged ones after 7 days', async () => {
    await refreshOn(0);
    for (const name of NAMES) expect(hits(name), name).toBe(1);
    let rows = await latest();
    for (const name of NAMES) expect(rows.get(slugOf(name))).toMatchObject({ docs_status: 200, docs_checked_at: at(0) });

    writeCatalog('-moved');
    await refreshOn(1);
    for (const name of NAMES) expect(hits(name), name).toBe(1);
    expect(hits('Laravel', '-moved')).toBe(1);
    rows = await latest();
    expect(rows.get('laravel')).toMatchObject({ docs_url: `${standins.articles.url}${docsPath('Laravel', '-moved')}`, docs_status: 200, docs_checked_at: at(1) });
    for (const name of NAMES.filter((n) => n !== 'Laravel')) expect(rows.get(slugOf(name))).toMatchObject({ docs_status: 200, docs_checked_at: at(0) });
    expect(await sqlRows(
      "select s.run_id, s.docs_first_status, s.docs_moved_to from snapshots s join frameworks f on f.id = s.framework_id where f.slug = 'django' order by s.run_id",
      standins.env(database),
    )).toEqual([1, 2].map((run_id) => ({ run_id, docs_first_status: 301, docs_moved_to: `${standins.articles.url}/docs/django-new` })));

    await refreshOn(6);
    for (const name of NAMES.filter((n) => n !== 'Laravel')) expect(hits(name), name).toBe(1);
    expect(hits('Laravel', '-moved')).toBe(1);

    await refreshOn(7);
    for (const name of NAMES.filter((n) => n !== 'Laravel')) expect(hits(name), name).toBe(2);
    expect(hits('Laravel', '-moved')).toBe(1);
    rows = await latest();
    expect(rows.get('laravel')).toMatchObject({ docs_checked_at: at(1) });
    expect(rows.get('django')).toMatchObject({ docs_checked_at: at(7) });
    // Two checks a week apart, both a 301 to a page that answers: the link should change.
    const review = await runCli(['review', '--format', 'json'], { env: { ...standins.env(database), LOG_LEVEL: 'warn' } });
    const found = (JSON.parse(review.stdout) as { slug: string; finding: string; detail: string }[]).filter((f) => f.finding === 'docs-moved');
    expect(found.map((f) => f.slug)).toEqual(['django']);
    expect(found[0]?.detail).toContain('/docs/django-new');
  }, 4 * LONG);
});
