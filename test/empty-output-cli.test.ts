/** Commands with nothing to print still print a well-formed csv or Markdown table: the header alone. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const ARTICLES = path.join(import.meta.dirname, 'fixtures', 'articles');
const DIFF_HEADER = 'source_url,from_version,to_version,change,slug,framework,field,before,after';

/** A Markdown table with a header, its separator and no body. */
function expectEmptyMarkdown(text: string, firstColumns: string[]): void {
  const lines = text.split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[2]).toBe('');
  expect(lines[0]).toMatch(new RegExp(`^\\| ${firstColumns.join(' \\| ')} \\|`));
  const width = lines[0]!.split(' | ').length;
  expect(lines[1]).toBe(`| ${Array.from({ length: width }, () => '---').join(' | ')} |`);
}

describe.each(DRIVERS)('empty results on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase(driver);
    // Nothing here reaches GitHub: a closed port makes a stray request fail loudly.
    env = { DATABASE_URL: database.databaseUrl, STACKRADAR_DATA_DIR: database.dataDir, GITHUB_API_URL: 'http://127.0.0.1:1' };
  });
  afterAll(async () => {
    if (!skip) await database.drop();
  });

  it.skipIf(skip)('enrich on an empty database fails and prints nothing on stdout, not an empty table', async () => {
    for (const format of ['csv', 'md']) {
      const result = await runCli(['enrich', '--format', format], { env });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/ingest an article first/);
      expect(result.stdout).toBe('');
    }
  }, 90_000);

  it.skipIf(skip)('ingest of a page with no entries prints the entry columns and no rows', async () => {
    const file = path.join(ARTICLES, 'broken-no-list.html');
    const csv = await runCli(['ingest', '--file', file, '--format', 'csv'], { env });
    expect(csv.stderr).toMatch(/not stored/);
    expect(csv.stdout).toMatch(/^source_url,position,framework,slug,language,pros,[a-z_,]*description\r\n$/);

    const md = await runCli(['ingest', '--file', file, '--format', 'md'], { env });
    expectEmptyMarkdown(md.stdout, ['source_url', 'position', 'framework', 'slug']);
  }, 90_000);

  it.skipIf(skip)('diff with a single stored version prints the change columns and no rows', async () => {
    const ingested = await runCli(['ingest', '--file', path.join(ARTICLES, 'keycdn-original.html'), '--format', 'json'], { env });
    expect(ingested.code, ingested.stderr).toBe(0);

    const csv = await runCli(['diff', '--format', 'csv'], { env });
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stderr).toMatch(/only one version stored/);
    expect(csv.stdout).toBe(`${DIFF_HEADER}\r\n`);

    const md = await runCli(['diff', '--format', 'md'], { env });
    expectEmptyMarkdown(md.stdout, DIFF_HEADER.split(','));
  }, 90_000);
});
