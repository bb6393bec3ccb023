/**
 * A Markdown article from the real corpus through the CLI: served as `text/markdown`, served as HTML
 * (rendered the way its site would), and read with `--file`, it gives the same entries, and the entries
 * its expected file (written by reading the article) names.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { startStandins, type Standins } from './support/jobs.js';
import { createTestDatabase, type TestDatabase } from './support/stores.js';

/** A committed article of the corpus (test/corpus/articles), of its development part. */
const ARTICLE = fileURLToPath(new URL('./corpus/articles/vectormike-go-web-frameworks', import.meta.url));
const expected = (JSON.parse(readFileSync(`${ARTICLE}.expected.json`, 'utf8')) as { entries: { name: string }[] }).entries;

interface EntryRow {
  framework: string;
  language: string | null;
  pros: string[];
  cons: string[];
  notable_users: string[];
}

describe('Markdown sources through the CLI', () => {
  let standins: Standins;
  let database: TestDatabase;
  let dir: string;
  const ingest = async (args: string[]) => {
    const result = await runCli(['ingest', ...args, '--format', 'json'], { env: standins.env(database), timeoutMs: 120_000 });
    expect(result.code, result.stderr).toBe(0);
    return (JSON.parse(result.stdout) as EntryRow[]).map(({ framework, language, pros, cons, notable_users }) => ({ framework, language, pros, cons, notable_users }));
  };

  beforeAll(async () => {
    standins = await startStandins();
    const markdown = readFileSync(`${ARTICLE}.md`, 'utf8');
    standins.articles.pages.set('/guide.md', { body: markdown, type: 'text/markdown; charset=utf-8' });
    standins.articles.pages.set('/guide.html', { body: `<!doctype html><html><body><main>${new MarkdownIt({ html: true }).render(markdown.replace(/^---[\s\S]*?---\n/, ''))}</main></body></html>` });
    database = await createTestDatabase('pglite');
    dir = mkdtempSync(path.join(tmpdir(), 'stackradar-md-'));
    copyFileSync(`${ARTICLE}.md`, path.join(dir, 'guide.md'));
  });
  afterAll(async () => {
    await standins.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same entries by URL as Markdown, as HTML, and from a file', async () => {
    const asMarkdown = await ingest(['--source', `${standins.articles.url}/guide.md`]);
    expect(asMarkdown.map((entry) => entry.framework)).toEqual(expected.map((entry) => entry.name));
    expect(await ingest(['--file', path.join(dir, 'guide.md')])).toEqual(asMarkdown);
    const asHtml = await ingest(['--source', `${standins.articles.url}/guide.html`]);
    expect(asHtml.map((entry) => entry.framework)).toEqual(asMarkdown.map((entry) => entry.framework));
    expect(asHtml.map((entry) => entry.pros)).toEqual(asMarkdown.map((entry) => entry.pros));
  }, 400_000);
});
