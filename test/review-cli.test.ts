/**
 * `stackradar review` end to end, on both drivers: two refreshes a day apart against the stand-ins
 * (a fake GitHub with archived, disabled, missing, renamed, case-only renamed and reused-name
 * repositories and dated default branches; a docs host answering 404, 301, 308, 302, 410 and 429),
 * then review as an editor reads it. Each finding of the slice appears, and so do the negatives: a
 * single 404, a 302 and a case-only rename are no finding; a 429 shows only with --all.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/article-server.js';
import { runCli } from './support/cli.js';
import { daysBefore, type FakeRepo } from './support/fake-github/index.js';
import { NAMES, sqlRows, startStandins, type Standins } from './support/jobs.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const LONG = 120_000;
const DAY = 86_400_000;
const DAY0 = new Date();
const at = (days: number) => new Date(DAY0.getTime() + days * DAY).toISOString();
const slugOf = (name: string) => name.toLowerCase().replace(/ /g, '-');

/** The docs each framework's catalog entry points at, and how the stand-in answers on day 0 and day 1. */
const DOCS: Record<string, [number, number, string?]> = {
  Laravel: [404, 404],
  CakePHP: [301, 301, '/docs/cakephp-book'],
  Express: [308, 308, '/docs/express-5'],
  Django: [302, 302, '/docs/django-stable'],
  'Ruby on Rails': [200, 410],
  Flask: [429, 429],
  Phoenix: [200, 200],
  'Spring Boot': [200, 200],
};

/** Markup in the article's title (escaped in the page, so read back as text): the HTML review must show it inert. */
const MARKUP = '&lt;script&gt;alert(1)&lt;/script&gt;';

/** The article, with a dated title carrying markup and an entry naming an old major. */
const ARTICLE = fixture('keycdn-original.html')
  .replace('<h1 class="entry-title">Top 8 Best Backend Frameworks</h1>', `<h1 class="entry-title">Top 8 Best Backend Frameworks in 2021 ${MARKUP}</h1>`)
  .replace('<title>Top 8 Best Backend Frameworks - KeyCDN</title>', `<title>Top 8 Best Backend Frameworks in 2021 ${MARKUP} - KeyCDN</title>`)
  .replace('og:title" content="Top 8 Best Backend Frameworks - KeyCDN', `og:title" content="Top 8 Best Backend Frameworks in 2021 ${MARKUP} - KeyCDN`)
  .replace('Laravel also offers its own database migration system', 'Laravel 8 also offers its own database migration system');

type Row = { position: number | null; framework: string | null; slug: string | null; finding: string; severity: string; detail: string; first_seen_at: string };

describe.each(DRIVERS)('review on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let standins: Standins;
  let database: TestDatabase;
  let dir: string;
  let env: (day: number) => Record<string, string | undefined>;
  /** How many findings review shows after the second refresh. */
  let shown = 0;
  const repo = (owner: string, name: string): FakeRepo => {
    const found = standins.github.repos.find((r) => r.owner === owner && r.name === name);
    if (!found) throw new Error(`no fixture ${owner}/${name}`);
    return found;
  };
  const setDocs = (day: 0 | 1) => {
    for (const [name, answers] of Object.entries(DOCS)) {
      const [status, moved] = [answers[day], answers[2]];
      const docs = `/docs/${slugOf(name)}`;
      if (moved) {
        standins.articles.pages.set(docs, { status, location: `${standins.articles.url}${moved}` });
        standins.articles.pages.set(moved, { body: '<h1>Docs</h1>' });
      } else {
        standins.articles.pages.set(docs, { status, body: '<h1>Docs</h1>' });
      }
    }
  };
  const refresh = async (day: number) => {
    const result = await runCli(['refresh'], { env: env(day), timeoutMs: LONG });
    // Spring Boot's repository is gone: its framework fails, the others are stored.
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/^review: \d+ high, \d+ medium, \d+ info \(see: stackradar review\)$/m);
  };
  const review = async (args: string[] = []) => {
    const result = await runCli(['review', '--format', 'json', ...args], { env: env(1) });
    return { ...result, rows: result.stdout ? (JSON.parse(result.stdout) as Row[]) : [] };
  };
  const findingsOf = (rows: Row[]) => rows.map((r) => `${r.slug ?? '-'} ${r.finding}`).sort();

  beforeAll(async () => {
    if (skip) return;
    standins = await startStandins({ packages: false });
    standins.articles.pages.set('/article.html', { body: ARTICLE });
    dir = mkdtempSync(path.join(tmpdir(), 'stackradar-review-'));
    const catalog = path.join(dir, 'catalog.json');
    writeFileSync(catalog, JSON.stringify({ frameworks: NAMES.map((name) => ({ name, package: null, docs: `${standins.articles.url}/docs/${slugOf(name)}` })) }));
    database = await createTestDatabase(driver);
    env = (day) => ({ ...standins.env(database), STACKRADAR_CATALOG: catalog, STACKRADAR_NOW: at(day), STACKRADAR_DOCS_MAX_AGE: '0s', LOG_LEVEL: 'warn' });

    repo('laravel', 'framework').archived = true;
    repo('phoenixframework', 'phoenix').disabled = true;
    Object.assign(repo('spring-projects', 'spring-boot'), { owner: 'nobody', name: 'nothing-here' });
    Object.assign(repo('cakephp', 'cakephp'), { owner: 'cakephp-team', renamedFrom: ['cakephp/cakephp'] });
    Object.assign(repo('pallets', 'flask'), { owner: 'Pallets', name: 'Flask' });
    const express = repo('expressjs', 'express');
    Object.assign(express, { pushedAt: daysBefore(DAY0, 400), lastCommitAt: daysBefore(DAY0, 400) });
    const rails = repo('rails', 'rails');
    rails.releases = rails.releases.filter((r) => Date.parse(r.createdAt) < DAY0.getTime() - 190 * DAY);
    setDocs(0);
    await refresh(0);
  });
  afterAll(async () => {
    if (skip) return;
    await standins.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(skip)('after one refresh: what one look can tell, and no docs finding from a single check', async () => {
    const { code, rows } = await review();
    expect(code).toBe(0);
    expect(findingsOf(rows)).toEqual([
      '- stale-title',
      'cakephp outranked',
      'cakephp repo-moved',
      'express dormant',
      'laravel archived',
      'laravel stale-version',
      'phoenix repo-missing',
      'ruby-on-rails slowing',
      'spring-boot repo-missing',
    ]);
    const bySlug = new Map(rows.map((r) => [`${r.slug} ${r.finding}`, r]));
    expect(bySlug.get('cakephp repo-moved')?.detail).toMatch(/^cakephp\/cakephp → cakephp-team\/cakephp:/);
    expect(bySlug.get('laravel stale-version')?.detail).toMatch(/"Laravel 8" but the current version is v12\./);
    expect(rows.find((r) => r.finding === 'stale-title')?.detail).toMatch(/the title says 2021/);
  });

  it.skipIf(skip)('after a second refresh a day later: docs findings from the two checks, the reused name, first_seen_at kept', async () => {
    // django/django's repository moves away and another one takes the name.
    const django = repo('django', 'django');
    Object.assign(django, { owner: 'django-archive', renamedFrom: ['django/django'] });
    standins.github.repos.push({ ...django, owner: 'django', name: 'django', renamedFrom: undefined, tags: [], releases: [] });
    setDocs(1);
    await refresh(1);
    const before = { github: standins.github.requests.length, docs: [...standins.articles.hits.values()].reduce((a, b) => a + b, 0) };

    const { code, rows } = await review();
    expect(code).toBe(0);
    shown = rows.length;
    const found = findingsOf(rows);
    expect(found).toEqual(expect.arrayContaining(['laravel docs-broken', 'cakephp docs-moved', 'express docs-moved', 'django repo-moved', 'laravel archived']));
    // A single 410, a 302, a case-only rename and a 429 are no finding.
    expect(found.filter((f) => /^(ruby-on-rails|flask) docs|^django docs|^flask repo-moved/.test(f))).toEqual([]);
    const bySlug = new Map(rows.map((r) => [`${r.slug} ${r.finding}`, r]));
    expect(bySlug.get('cakephp docs-moved')?.detail).toContain('/docs/cakephp-book');
    expect(bySlug.get('django repo-moved')?.detail).toMatch(/now belongs to another repository/);
    expect(new Date(bySlug.get('laravel archived')?.first_seen_at ?? '').toISOString()).toBe(at(0));
    expect(new Date(bySlug.get('laravel docs-broken')?.first_seen_at ?? '').toISOString()).toBe(at(1));

    const all = await review(['--all']);
    expect(findingsOf(all.rows)).toContain('flask docs-unverified');
    // Review sends nothing: neither GitHub nor the docs host heard from it.
    expect(standins.github.requests.length).toBe(before.github);
    expect([...standins.articles.hits.values()].reduce((a, b) => a + b, 0)).toBe(before.docs);
  });

  it.skipIf(skip)('--fail-on exits 4, --source narrows, the memo has one line per finding, and sql reads review_findings', async () => {
    const out = path.join(dir, 'memo.md');
    const memo = await runCli(['review', '--format', 'md', '--out', out, '--fail-on', 'high'], { env: env(1) });
    expect(memo.code, memo.stderr).toBe(4);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n').filter((l) => l.startsWith('- [ ] '))).toHaveLength(shown);
    expect(text).toMatch(/- \[ \] \*\*high\*\* · #1 Laravel · `archived`: laravel\/framework is archived on GitHub/);
    const elsewhere = await runCli(['review', '--source', 'https://example.com/other', '--fail-on', 'medium'], { env: env(1) });
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    const viaSql = await sqlRows<{ finding: string; n: number }>(
      "select finding, count(*)::int as n from review_findings where finding in ('archived', 'docs-broken') group by finding order by finding",
      env(1),
    );
    expect(viaSql).toEqual([{ finding: 'archived', n: 1 }, { finding: 'docs-broken', n: 1 }]);
  });

  it.skipIf(skip)('--format html: one self-contained page, by severity, every text escaped; the HTML report has the same Review section', async () => {
    const out = path.join(dir, 'review.html');
    const page = await runCli(['review', '--format', 'html', '--out', out], { env: env(1) });
    expect(page.code, page.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|src=/i);
    // The article's title carries markup: it is shown as text.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<tr class="finding">/g)).toHaveLength(shown);
    const severities = [...html.matchAll(/<td class="sev sev-(\w+)">/g)].map((m) => m[1]);
    expect(severities).toEqual([...severities].sort((a, b) => ['high', 'medium', 'info'].indexOf(a!) - ['high', 'medium', 'info'].indexOf(b!)));
    expect(html).toMatch(/<td>#1 Laravel<\/td><td><code>archived<\/code><\/td><td>laravel\/framework is archived on GitHub[^<]*<div class="evidence">repo: laravel\/framework, captured_at: /);
    expect(html).toContain(`<td class="date">${at(0).slice(0, 10)}</td>`);
    const all = await runCli(['review', '--format', 'html', '--all'], { env: env(1) });
    expect(all.stdout).toContain('<code>docs-unverified</code>');
    expect(html).not.toContain('<code>docs-unverified</code>');

    const report = await runCli(['report', '--format', 'html'], { env: env(1), timeoutMs: LONG });
    expect(report.code, report.stderr).toBe(0);
    const section = (text: string) => {
      const start = text.indexOf('<div class="review" id="review">');
      return text.slice(start, text.indexOf('\n</div>', start));
    };
    expect(report.stdout).toContain('<h2>Review</h2>');
    expect(section(report.stdout)).toBe(section(html));
  });

  it.skipIf(skip)('each finding a later review opens or resolves is one event (finding-new / finding-resolved); the first review is the baseline', async () => {
    const [counts] = await sqlRows<{ baseline: number; opened: number; resolved: number; news: number; resolutions: number; linked: number }>(
      `with first as (select min(id) as id from runs), shown as (select * from findings where finding <> 'docs-unverified')
       select (select count(*)::int from shown, first where first_seen_run_id = first.id) as baseline,
              (select count(*)::int from shown, first where first_seen_run_id > first.id) as opened,
              (select count(*)::int from shown where resolved_run_id is not null) as resolved,
              (select count(*)::int from events where kind = 'finding-new') as news,
              (select count(*)::int from events where kind = 'finding-resolved') as resolutions,
              (select count(*)::int from events e join findings f on e.key = 'finding-new:' || f.id and e.run_id = f.first_seen_run_id) as linked`,
      env(1),
    );
    expect(counts?.baseline).toBeGreaterThan(0);
    expect(counts?.opened).toBeGreaterThan(0);
    expect(counts).toEqual({ ...counts, news: counts?.opened, resolutions: counts?.resolved, linked: counts?.opened });
  });
});
