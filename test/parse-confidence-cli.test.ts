/**
 * Parse confidence through the CLI, on PGlite and on PostgreSQL: `ingest --explain` prints the decision
 * and writes nothing; a doubtful parse exits 3 with one line and leaves the previous version current;
 * `--accept` stores it; `sources set --entries` pins a source (ingest reports `pinned`), `--auto`
 * unpins it; bad pins exit 2 with one line.
 *
 * The doubtful article is the KeyCDN article cut after its third entry: its title still promises 8.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, startArticleServer, type ArticleServer } from './support/article-server.js';
import { runCli } from './support/cli.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const NAMES = ['Laravel', 'CakePHP', 'Django', 'Ruby on Rails', 'Flask', 'Phoenix', 'Express', 'Spring Boot'];
const FULL = fixture('numbered-h2.html');
const SHORT = `${FULL.slice(0, FULL.indexOf('<h2 id="ruby-on-rails">'))}</article></body></html>`;

interface Candidate {
  kind: string;
  selector: string;
  level: number | null;
  count: number;
  score: number;
  names: string[];
  features: Record<string, number>;
}

interface Explained {
  source_url: string;
  title: string | null;
  promised_count: number | null;
  pin: { entries: string; exclude: string | null } | null;
  chosen: Candidate | null;
  confidence: number;
  reasons: string[];
  doubt: string | null;
  entries: string[];
  runners_up: Candidate[];
  ingest: { outcome: string; reason: string | null; current_version: number | null };
}

describe.each(DRIVERS)('parse confidence through the CLI on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let server: ArticleServer;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;
  const url = (path: string) => `${server.url}${path}`;
  const cli = (args: string[]) => runCli(args, { env });
  const sql = async (query: string) => {
    const result = await cli(['sql', query, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown>[];
  };
  const explain = async (source: string) => {
    const result = await cli(['ingest', '--explain', '--source', source, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Explained;
  };
  const source = async (sourceUrl: string) => {
    const rows = JSON.parse((await cli(['sources', '--format', 'json'])).stdout) as Record<string, unknown>[];
    return rows.find((row) => row.url === sourceUrl);
  };
  const currentVersion = async (sourceUrl: string) => {
    // number: the version's number within its source, as the CLI says it.
    const rows = await sql(
      `select article_version_id as id, count(*) as n, (select count(*)::int from article_versions v where v.source_url = '${sourceUrl}' and v.id <= article_version_id) as number
       from current_entries where source_url = '${sourceUrl}' group by 1`,
    );
    return rows[0] as { id: number; n: number; number: number } | undefined;
  };

  beforeAll(async () => {
    if (skip) return;
    server = await startArticleServer();
    database = await createTestDatabase(driver);
    env = {
      DATABASE_URL: database.databaseUrl,
      STACKRADAR_DATA_DIR: database.dataDir,
      STACKRADAR_SOURCE_URL: `${server.url}/article.html`,
      STACKRADAR_FETCH_RETRIES: '0',
      STACKRADAR_FETCH_TIMEOUT: '5',
      STACKRADAR_NOW: '2026-06-01T00:00:00Z',
    };
    server.pages.set('/article.html', { body: FULL });
  });
  afterAll(async () => {
    if (skip) return;
    await server.close();
    await database.drop();
  });

  it.skipIf(skip)('ingest --explain prints the decision in every format and writes nothing', async () => {
    const explained = await explain(url('/article.html'));
    expect(explained).toMatchObject({ source_url: url('/article.html'), title: 'Top 8 Best Backend Frameworks', promised_count: 8, pin: null, entries: NAMES });
    expect(explained.chosen).toMatchObject({ kind: expect.stringMatching(/^(headings|list|table)$/), selector: expect.any(String), count: 8 });
    expect(explained.confidence).toBeGreaterThanOrEqual(0);
    expect(explained.confidence).toBeLessThanOrEqual(1);
    expect(explained.reasons.length).toBeGreaterThan(0);
    expect(explained.runners_up.length).toBeLessThanOrEqual(2);
    for (const candidate of [explained.chosen, ...explained.runners_up]) {
      expect(Object.keys(candidate ?? {}).sort()).toEqual(['count', 'features', 'kind', 'level', 'names', 'score', 'selector']);
    }
    expect(explained.ingest).toEqual({ outcome: 'new-version', reason: null, current_version: null });

    const table = await cli(['ingest', '--explain', '--source', url('/article.html')]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^source +http:\/\/127\.0\.0\.1:\d+\/article\.html\n/);
    expect(table.stdout).toMatch(/^confidence +[\d.]+$/m);
    expect(table.stdout).toContain('structures considered');
    expect(table.stdout).toContain('features');
    const md = await cli(['ingest', '--explain', '--source', url('/article.html'), '--format', 'md']);
    expect(md.stdout).toContain('### Structures considered');
    expect(md.stdout).toContain('| rank | kind | selector | level | count | score | names |');

    const [counts] = await sql('select (select count(*) from runs) as runs, (select count(*) from sources) as sources, (select count(*) from article_versions) as versions');
    expect(counts).toEqual({ runs: 0, sources: 0, versions: 0 });
  });

  it.skipIf(skip)('a doubtful parse exits 3 with one line saying why and what to do; the previous version stays current', async () => {
    const page = url('/article.html');
    expect((await cli(['ingest', '--source', page])).code).toBe(0);
    const before = await currentVersion(page);
    expect(before?.n).toBe(8);

    server.pages.set('/article.html', { body: SHORT });
    const refused = await cli(['ingest', '--source', page, '--format', 'json']);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toBe('[]\n');
    const lines = refused.stderr.split('\n').filter((line) => line.includes('doubtful'));
    expect(lines).toHaveLength(1);
    const line = lines[0] ?? '';
    expect(line).toMatch(/^stackradar: http:\S+\/article\.html: doubtful parse \(.*the title promises 8.*\); version \d+ stays current; /);
    expect(line).toContain(`version ${before?.number} stays current`);
    expect(line).toContain(`check it with \`stackradar ingest --explain --source ${page}\``);
    expect(line).toContain(`pin it with \`stackradar sources set ${page} --entries SELECTOR\``);
    expect(line.endsWith(`or store it with \`stackradar ingest --accept --source ${page}\``)).toBe(true);

    expect(await currentVersion(page)).toEqual(before);
    const [run] = await sql('select status, error from runs order by id desc limit 1');
    expect(run).toMatchObject({ status: 'partial', error: expect.stringContaining('doubtful parse') });
    expect((await source(page))?.last_outcome).toMatch(/^doubtful: /);
    const explained = await explain(page);
    expect(explained.ingest).toMatchObject({ outcome: 'doubtful', current_version: before?.number });
    expect(explained.entries).toEqual(NAMES.slice(0, 3));
  });

  it.skipIf(skip)('ingest --accept stores the doubtful parse; the same content is not refused again', async () => {
    const page = url('/article.html');
    const before = await currentVersion(page);
    const accepted = await cli(['ingest', '--accept', '--source', page]);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stderr).toMatch(/3 entries, new version \d+ \(accepted: .*promises 8/);
    const after = await currentVersion(page);
    expect(after?.n).toBe(3);
    expect(after?.id).toBeGreaterThan(before?.id ?? 0);
    const [version] = await sql(`select structure, confidence, confidence_reasons from article_versions where id = ${after?.id}`);
    expect(version?.structure).toMatchObject({ count: 3 });
    expect((version?.confidence_reasons as string[]).at(-1)).toMatch(/^accepted despite: .*promises 8/);

    const again = await cli(['ingest', '--source', page]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`unchanged (version ${after?.number})`);
  });

  it.skipIf(skip)('a parse without entries is not stored, even with --accept', async () => {
    server.pages.set('/empty.html', { body: fixture('broken-no-list.html') });
    const refused = await cli(['ingest', '--accept', '--source', url('/empty.html')]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`ingest ${url('/empty.html')}: not stored: no entries found`);
    expect(await currentVersion(url('/empty.html'))).toBeUndefined();
  });

  it.skipIf(skip)('sources set --entries pins an untracked source (tracking it), ingest reports pinned, --auto unpins it', async () => {
    const page = url('/pinned.html');
    server.pages.set('/pinned.html', { body: SHORT });
    const pinned = await cli(['sources', 'set', page, '--entries', 'h2[id]']);
    expect(pinned.code, pinned.stderr).toBe(0);
    expect(pinned.stderr).toContain(`sources: ${page} was not tracked and now is; the next refresh ingests it (undo: stackradar sources remove ${page})\n`);
    expect(await source(page)).toMatchObject({ tracked: true, pin: 'h2[id]', entries_selector: 'h2[id]', exclude_selector: null });
    expect((await explain(page)).pin).toEqual({ entries: 'h2[id]', exclude: null });

    const ingested = await cli(['ingest', '--source', page]);
    expect(ingested.code, ingested.stderr).toBe(0);
    expect(ingested.stderr).toMatch(/3 entries \(pinned: .+\), new version \d+/);
    const [version] = await sql(`select structure from article_versions where source_url = '${page}'`);
    expect(version?.structure).toMatchObject({ kind: 'pinned', count: 3 });
    expect((await explain(page)).chosen?.kind).toBe('pinned');

    const unpinned = await cli(['sources', 'set', page, '--auto']);
    expect(unpinned.code, unpinned.stderr).toBe(0);
    expect(unpinned.stderr).toContain(`sources: ${page} is no longer pinned (was \`h2[id]\`); its entries are found by discovery again\n`);
    expect(await source(page)).toMatchObject({ pin: null, entries_selector: null });
    const discovered = await explain(page);
    expect(discovered.pin).toBeNull();
    expect(discovered.chosen?.kind).not.toBe('pinned');
  });

  it.skipIf(skip)('refuses bad pins and bad combinations with exit 2 and one line, changing nothing', async () => {
    const page = url('/article.html');
    const bad = await cli(['sources', 'set', page, '--entries', 'h3[']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^stackradar: sources set: invalid --entries selector "h3\[": [^\n]+\n$/);
    const badExclude = await cli(['sources', 'set', page, '--entries', 'h3', '--exclude', 'div:nosuch']);
    expect(badExclude.code).toBe(2);
    expect(badExclude.stderr).toMatch(/^stackradar: sources set: invalid --exclude selector "div:nosuch": [^\n]+\n$/);
    for (const args of [
      ['sources', 'set', page],
      ['sources', 'set', page, '--auto', '--entries', 'h2'],
      ['sources', 'set', page, url('/pinned.html'), '--entries', 'h2'],
      ['sources', 'set', 'not-a-url', '--entries', 'h2'],
      ['sources', 'set', url('/never-seen.html'), '--auto'],
      ['sources', 'add', url('/other.html'), '--entries', 'h2'],
      ['ingest', '--explain', '--accept', '--source', page],
      ['ingest', '--explain', '--source', page, url('/pinned.html')],
    ]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^stackradar: [^\n]+\n$/);
    }
    expect((await source(page))?.pin).toBeNull();
    expect(await source(url('/other.html'))).toBeUndefined();
  });
});
