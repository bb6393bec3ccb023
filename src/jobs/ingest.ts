/** The ingest stage: fetch (or read) every source, parse, guard against broken parses, version. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Catalog } from '../catalog/catalog.js';
import { fetchArticles } from '../ingest/fetch.js';
import { brokenParseReason } from '../ingest/guard.js';
import { parseArticle } from '../ingest/parse.js';
import { resolveEntries } from '../ingest/resolve.js';
import type { ParsedArticle } from '../domain/article.js';
import type { Logger } from '../logger.js';
import type { ProgressFn } from './progress.js';
import { latestVersion, saveArticleVersion } from '../store/articles.js';
import type { Db } from '../store/database.js';

export type IngestStatus = 'new-version' | 'unchanged' | 'broken' | 'failed';

export interface IngestOutcome {
  sourceUrl: string;
  status: IngestStatus;
  versionId: number | null;
  article: ParsedArticle | null;
  /** Why the source failed or the parse was refused. */
  problem: string | null;
}

export interface IngestInput {
  db: Db;
  catalog: Catalog;
  logger: Logger;
  /** http(s) URLs to fetch, or local files to read. */
  sources: { urls: string[] } | { files: string[] };
  seenAt: Date;
  runId: number | null;
  fetchOptions?: { timeoutSecs?: number; retries?: number; retryBaseMs?: number };
  onProgress?: ProgressFn;
}

interface Page {
  sourceUrl: string;
  html: string;
}

const fileUrl = (file: string) => pathToFileURL(path.resolve(file)).toString();

/** The source URL each input is stored under: a file is stored under its file:// URL. */
export function sourceUrlsOf(sources: IngestInput['sources']): string[] {
  return 'urls' in sources ? sources.urls : sources.files.map(fileUrl);
}

async function readSources(input: IngestInput): Promise<{ pages: Page[]; failures: { url: string; error: string }[] }> {
  if ('files' in input.sources) {
    const pages: Page[] = [];
    const failures: { url: string; error: string }[] = [];
    for (const file of input.sources.files) {
      const sourceUrl = fileUrl(file);
      try {
        pages.push({ sourceUrl, html: await readFile(file, 'utf8') });
      } catch (error) {
        failures.push({ url: sourceUrl, error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error) });
      }
    }
    return { pages, failures };
  }
  const fetched = await fetchArticles(input.sources.urls, { logger: input.logger, ...input.fetchOptions });
  return { pages: fetched.pages.map((page) => ({ sourceUrl: page.url, html: page.body })), failures: fetched.failures };
}

export async function ingestSources(input: IngestInput): Promise<IngestOutcome[]> {
  input.onProgress?.('fetching');
  const { pages, failures } = await readSources(input);
  const outcomes: IngestOutcome[] = failures.map((failure) => ({
    sourceUrl: failure.url,
    status: 'failed',
    versionId: null,
    article: null,
    problem: failure.error,
  }));
  for (const [index, page] of pages.entries()) {
    input.onProgress?.('parsing', index, pages.length);
    const article = resolveEntries(parseArticle(page.html, page.sourceUrl), input.catalog);
    const previous = await latestVersion(input.db, page.sourceUrl);
    const problem = brokenParseReason(article, previous?.entryCount ?? null);
    if (problem) {
      outcomes.push({ sourceUrl: page.sourceUrl, status: 'broken', versionId: previous?.id ?? null, article, problem });
      continue;
    }
    const saved = await saveArticleVersion(input.db, page.sourceUrl, article, input.seenAt, input.runId);
    outcomes.push({
      sourceUrl: page.sourceUrl,
      status: saved.created ? 'new-version' : 'unchanged',
      versionId: saved.versionId,
      article,
      problem: null,
    });
  }
  input.onProgress?.('parsing', pages.length, pages.length);
  for (const outcome of outcomes) {
    const fields = { source: outcome.sourceUrl, status: outcome.status, entries: outcome.article?.entries.length ?? 0 };
    if (outcome.problem) input.logger.error({ ...fields, problem: outcome.problem }, `ingest ${outcome.sourceUrl}: ${outcome.problem}`);
    else input.logger.info(fields, `ingest ${outcome.sourceUrl}: ${outcome.status}`);
  }
  const order = sourceUrlsOf(input.sources);
  return outcomes.sort((a, b) => order.indexOf(a.sourceUrl) - order.indexOf(b.sourceUrl));
}
