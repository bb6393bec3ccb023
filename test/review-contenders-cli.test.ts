/**
 * The `contender` finding end to end, on both drivers. The keycdn article (the eight, Express written
 * "Express.js", an alias) is refreshed 90 days ago, then a second article (Symfony, Gin, Echo) is tracked
 * too, and both are refreshed again that day and today. Contenders of the eight: Symfony (catalog, a
 * snapshot of the second article, with its 90-day change), FastAPI (a catalog framework without a snapshot,
 * from the Python topic search) and encode/starlette (search only). Not: a repository with fewer stars
 * than CakePHP (the least-starred entry), Express (listed under an alias), Go frameworks (Go is not the
 * eight's language), an archived repository. The search goes once per language per day; a spent search
 * limit leaves searches for the next run; a failed search makes the run partial and keeps its figures.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/article-server.js';
import { runCli } from './support/cli.js';
import { daysBefore, type FakeRepo } from './support/fake-github/index.js';
import { NAMES, sqlRows, startStandins, type Standins } from './support/jobs.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const LONG = 120_000;
const HOUR = 3_600_000;
/** Today at 06:00 UTC: a few hours later is still the same day (STACKRADAR_TZ is UTC here). */
const DAY0 = new Date(`${new Date().toISOString().slice(0, 10)}T06:00:00Z`);
/** `days` days (and `hours` hours) from today's run. */
const at = (days: number, hours = 0) => new Date(DAY0.getTime() + days * 86_400_000 + hours * HOUR).toISOString();
const TOPIC = ['web-framework'];

const KEYCDN = fixture('keycdn-original.html').replace('<p>Express is a fast', '<p>Express.js is a fast');
const OTHER = `<!DOCTYPE html><html><head><title>Three fast web frameworks</title></head><body><article>
<h1>Three fast web frameworks</h1>
<h2>Symfony</h2><p>Symfony is a PHP framework for web applications and a set of reusable PHP components.</p>
<h2>Gin</h2><p>Gin is a web framework written in Go, with a martini-like API and much better performance.</p>
<h2>Echo</h2><p>Echo is a high performance, minimalist web framework written in Go.</p>
</article></body></html>`;

type Row = { source_url: string; position: number | null; framework: string | null; slug: string | null; finding: string; severity: string; detail: string; evidence: Record<string, unknown> };

function repo(owner: string, name: string, language: string, stars: number, extra: Partial<FakeRepo> = {}): FakeRepo {
  return {
    owner, name, stars, forks: 100, watchers: 50, openIssues: 10, license: 'MIT', archived: false, pushedAt: daysBefore(DAY0, 1),
    homepageUrl: null, primaryLanguage: language, description: `${name}, a web framework`, releases: [], tags: [], topics: TOPIC, ...extra,
  };
}

describe.each(DRIVERS)('contenders on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let standins: Standins;
  let database: TestDatabase;
  let dir: string;
  let keycdn: string;
  let env: (at: string) => Record<string, string | undefined>;
  /** The languages of the topic searches since the log was reset, and their `stars:>N`. */
  const searches = () =>
    standins.github.requests.filter((r) => r.resource === 'search').map((r) => {
      const q = new URL(r.path, 'http://x').searchParams.get('q') ?? '';
      return `${/language:(\S+)/.exec(q)?.[1]} ${/stars:(\S+)/.exec(q)?.[1]}`;
    }).sort();
  const refresh = async (when: string, code = 0) => {
    standins.github.resetLog();
    const result = await runCli(['refresh'], { env: env(when), timeoutMs: LONG });
    expect(result.code, result.stderr).toBe(code);
    return result;
  };
  const contenders = async (format = 'json') => {
    const result = await runCli(['review', '--source', keycdn, '--format', format], { env: env(at(0, 3)) });
    expect(result.code, result.stderr).toBe(0);
    return format === 'json' ? (JSON.parse(result.stdout) as Row[]).filter((r) => r.finding === 'contender') : result.stdout;
  };
  const found = (rows: Row[]) => rows.map((r) => `${r.slug} ${r.framework} ${r.evidence.from}`).sort();

  beforeAll(async () => {
    if (skip) return;
    standins = await startStandins({ packages: false });
    keycdn = `${standins.articles.url}/article.html`;
    standins.articles.pages.set('/article.html', { body: KEYCDN });
    standins.articles.pages.set('/other.html', { body: OTHER });
    dir = mkdtempSync(path.join(tmpdir(), 'stackradar-contenders-'));
    const catalog = path.join(dir, 'catalog.json');
    const names = [...NAMES, 'Symfony', 'Gin', 'Echo'];
    writeFileSync(catalog, JSON.stringify({ frameworks: names.map((name) => ({ name, package: null, docs: `${standins.articles.url}/docs` })) }));
    database = await createTestDatabase(driver);
    env = (when) => ({ ...standins.env(database), STACKRADAR_CATALOG: catalog, STACKRADAR_NOW: when, LOG_LEVEL: 'warn' });
    const github = standins.github.repos;
    for (const r of github) if (['expressjs/express', 'laravel/framework', 'pallets-eco/flask-admin'].includes(`${r.owner}/${r.name}`)) r.topics = TOPIC;
    github.push(
      repo('symfony', 'symfony', 'PHP', 25_000),
      repo('gin-gonic', 'gin', 'Go', 80_000),
      repo('labstack', 'echo', 'Go', 30_000, { topics: [] }),
      repo('gofiber', 'fiber', 'Go', 35_000),
      repo('fastapi', 'fastapi', 'Python', 80_000),
      repo('encode', 'starlette', 'Python', 10_000),
      repo('old', 'archived-framework', 'Python', 50_000, { archived: true }),
    );
  });
  afterAll(async () => {
    if (skip) return;
    await standins.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(skip)('the eight on their first day: ≤ 2 GitHub requests besides one topic search per language, above the least-starred entry', async () => {
    await refresh(at(-90));
    expect(standins.github.requests.filter((r) => r.resource !== 'search').length).toBeLessThanOrEqual(2);
    // CakePHP's 8,700 stars are the eight's fewest.
    expect(searches()).toEqual(['Elixir >8700', 'Java >8700', 'JavaScript >8700', 'PHP >8700', 'Python >8700', 'Ruby >8700']);
    const [entry] = await sqlRows<{ framework: string; slug: string }>("select framework, slug from current_entries where slug = 'express'", env(at(-90)));
    expect(entry).toEqual({ framework: 'Express.js', slug: 'express' });
  });

  it.skipIf(skip)('the same day: only a language not searched yet; then none; the searches are stored in topic_searches', async () => {
    const added = await runCli(['sources', 'add', `${standins.articles.url}/other.html`], { env: env(at(-90, 1)) });
    expect(added.code, added.stderr).toBe(0);
    await refresh(at(-90, 1));
    // Go is new: searched above the second article's least-starred entry (Symfony's 25,000).
    expect(searches()).toEqual(['Go >25000']);
    await refresh(at(-90, 2));
    expect(searches()).toEqual([]);
    expect(standins.github.requests.length).toBeLessThanOrEqual(2);
    const stored = await sqlRows<{ language: string; n: number; repos: string }>(
      "select language, count(*)::int as n, string_agg(r->>'repo', ',' order by (r->>'stars')::int desc) as repos from topic_searches, jsonb_array_elements(repos) r where language in ('Python', 'Go') group by language order by language",
      env(at(-90, 2)),
    );
    expect(stored).toEqual([
      { language: 'Go', n: 2, repos: 'gin-gonic/gin,gofiber/fiber' },
      { language: 'Python', n: 2, repos: 'fastapi/fastapi,encode/starlette' },
    ]);
  });

  it.skipIf(skip)('90 days later, a new day: every language searched again; the contenders of the eight, with stars and their 90-day change', async () => {
    const symfony = standins.github.repos.find((r) => r.name === 'symfony');
    if (symfony) symfony.stars = 30_500;
    const starlette = standins.github.repos.find((r) => r.name === 'starlette');
    if (starlette) starlette.topics = [];
    standins.github.repos.push(repo('example', 'new-framework', 'Python', 20_000));
    await refresh(at(0));
    expect(searches()).toEqual(['Elixir >8700', 'Go >30000', 'Java >8700', 'JavaScript >8700', 'PHP >8700', 'Python >8700', 'Ruby >8700']);

    const rows = (await contenders()) as Row[];
    expect(found(rows)).toEqual(['example-new-framework example/new-framework search', 'fastapi FastAPI search', 'symfony Symfony catalog+search']);
    for (const row of rows) expect(row).toMatchObject({ source_url: keycdn, position: null, severity: 'medium' });
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    expect(bySlug.get('symfony')?.detail).toBe("Consider Symfony (PHP, 30.5k stars, +5.5k in 90 days): more stars than the list's least-starred entry CakePHP (8.7k)");
    expect(bySlug.get('symfony')?.evidence).toMatchObject({ repo: 'symfony/symfony', stars: 30_500, stars_change_90d: 5_500, least_starred: { framework: 'CakePHP', stars: 8_700 } });
    expect(bySlug.get('fastapi')?.detail).toBe("Consider FastAPI (Python, 80k stars): more stars than the list's least-starred entry CakePHP (8.7k)");
    expect(bySlug.get('fastapi')?.evidence).toMatchObject({ stars_change_90d: null });
  });

  it.skipIf(skip)('a contender shows in every format, in the HTML report, in review_findings, and as finding-new / finding-resolved events', async () => {
    for (const format of ['table', 'csv', 'md', 'html']) {
      expect(await contenders(format), format).toContain('Consider Symfony (PHP, 30.5k stars, +5.5k in 90 days)');
    }
    expect(await contenders('md')).toMatch(/^- \[ \] \*\*medium\*\* · the article · `contender`: Consider FastAPI \(Python, 80k stars\)/m);
    const report = await runCli(['report', '--format', 'html'], { env: env(at(0, 3)), timeoutMs: LONG });
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/<code>contender<\/code><\/td><td>Consider Symfony/);
    const viaSql = await sqlRows<{ slug: string }>(`select slug from review_findings where finding = 'contender' and source_url = '${keycdn}' order by slug`, env(at(0, 3)));
    expect(viaSql.map((r) => r.slug)).toEqual(['example-new-framework', 'fastapi', 'symfony']);
    // encode/starlette was a contender of the first review (the baseline) and lost its topic; example/new-framework is new.
    const events = await sqlRows<{ kind: string; slug: string }>(
      `select e.kind, f.slug from events e join findings f on e.key in ('finding-new:' || f.id, 'finding-resolved:' || f.id)
       where f.finding = 'contender' and f.source_url = '${keycdn}' order by e.kind, f.slug`,
      env(at(0, 3)),
    );
    expect(events).toEqual([{ kind: 'finding-new', slug: 'example-new-framework' }, { kind: 'finding-resolved', slug: 'encode-starlette' }]);
  });

  it.skipIf(skip)('a spent search limit is not waited out: the day\'s searches left go to the next run, oldest first, and the run succeeds', async () => {
    standins.github.setFaults({ searchRejections: { count: 1, status: 403 } });
    await refresh(at(1));
    expect(searches()).toEqual(['Elixir >8700']);
    const all = ['Elixir', 'Go', 'Java', 'JavaScript', 'PHP', 'Python', 'Ruby'];
    const [run] = await sqlRows<{ deferred: string[] }>("select stats->'topicSearchesDeferred' as deferred from runs order by id desc limit 1", env(at(1)));
    expect(run?.deferred).toEqual(all);
    await refresh(at(1, 1));
    expect(searches().map((s) => s.split(' ')[0])).toEqual(all);
  });

  it.skipIf(skip)('a failed search makes the run partial, keeps its figures, and is sent again by the next run of the day', async () => {
    standins.github.setFaults({ searchRejections: { count: 1 } });
    const result = await refresh(at(2), 3);
    expect(result.stderr).toMatch(/contenders: GitHub topic search for Elixir failed/);
    expect(searches()).toHaveLength(7);
    const [latest] = await sqlRows<{ n: number }>(`select count(*)::int as n from framework_latest where captured_at = '${at(2)}'`, env(at(2)));
    expect(latest?.n).toBe(11);
    await refresh(at(2, 1));
    expect(searches()).toEqual(['Elixir >8700']);
    const review = await runCli(['review', '--format', 'json'], { env: env(at(2, 1)) });
    expect(review.code, review.stderr).toBe(0);
  });
});
