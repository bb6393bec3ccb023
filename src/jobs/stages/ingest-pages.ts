/**
 * What `ingest` and `ingest --explain` share: reading the pages (fetched, or local files), parsing one
 * with its source's pin and the catalog's names, and judging whether the parse may become current.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ParsedArticle } from '../../domain/article.js';
import { userAgent } from '../../http/user-agent.js';
import { fetchArticles } from '../../ingest/fetch.js';
import { refusalOf } from '../../ingest/guard.js';
import { parseSource } from '../../ingest/parse.js';
import { resolveEntries } from '../../ingest/resolve.js';
import { contentHash, type VersionSummary } from '../../store/articles.js';
import type { SourcePin } from '../../store/sources.js';
import { throwIfInterrupted, type RunContext } from '../context.js';

export interface Page {
  sourceUrl: string;
  /** Where relative links resolve: the URL after redirects, or the file's URL. */
  baseUrl: string;
  /** The response's content type; null for a file (its extension decides). */
  contentType: string | null;
  body: string;
}

export interface Read {
  pages: Page[];
  failures: { url: string; error: string }[];
}

/** A file source is stored and tracked under its file:// URL. */
export const fileUrl = (file: string) => pathToFileURL(path.resolve(file)).toString();

export async function readFiles(files: string[]): Promise<Read> {
  const read: Read = { pages: [], failures: [] };
  for (const file of files) {
    const sourceUrl = fileUrl(file);
    try {
      read.pages.push({ sourceUrl, baseUrl: sourceUrl, contentType: null, body: await readFile(file, 'utf8') });
    } catch (error) {
      read.failures.push({ url: sourceUrl, error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error) });
    }
  }
  return read;
}

/**
 * Tracked sources as they are: a file:// source is read from disk again (robots.txt and the crawler do
 * not apply to it; a file that is gone fails that source alone), the others are fetched.
 */
export async function readSources(context: RunContext, urls: string[]): Promise<Read> {
  const files = urls.filter((url) => url.startsWith('file:'));
  const remote = urls.filter((url) => !url.startsWith('file:'));
  const fromDisk = await readFiles(files.map((url) => fileURLToPath(url)));
  const fetched = remote.length > 0 ? await fetchUrls(context, remote) : { pages: [], failures: [] };
  return { pages: [...fromDisk.pages, ...fetched.pages], failures: [...fromDisk.failures, ...fetched.failures] };
}

async function fetchUrls(context: RunContext, urls: string[]): Promise<Read> {
  const { config } = context;
  const fetched = await fetchArticles(urls, {
    logger: context.logger,
    userAgent: userAgent(config.contact),
    signal: context.signal,
    timeoutSecs: config.fetchTimeoutSecs,
    retries: config.fetchRetries,
  }).catch((error: unknown) => {
    throwIfInterrupted(context);
    throw error;
  });
  return { pages: fetched.pages.map((page) => ({ sourceUrl: page.url, baseUrl: page.finalUrl, contentType: page.contentType, body: page.body })), failures: fetched.failures };
}

/** Parses a page as its source's article: the pin (if any) wins over discovery; the catalog names the entries. */
export function parsePage(context: RunContext, page: Page, pin: SourcePin | null): ParsedArticle {
  const knownNames = context.catalog.all().flatMap((framework) => [framework.name, ...framework.aliases]);
  const parsed = parseSource(page.body, page.baseUrl, page.contentType, { knownNames, pin });
  return resolveEntries({ ...parsed, url: page.sourceUrl }, context.catalog);
}

/** What ingest makes of a parse: a new or unchanged version, or a refusal with its reason (see ingest/guard.ts). */
export interface Judgement {
  status: 'new-version' | 'unchanged' | 'broken' | 'doubtful';
  /** Why it is refused; null when it is not. */
  reason: string | null;
}

/**
 * A parse whose content equals the current version's is never refused: that content is current already
 * (stored, or accepted with `--accept`, before).
 */
export function judgeParse(article: ParsedArticle, current: VersionSummary | undefined): Judgement {
  if (current && current.contentHash === contentHash(article)) return { status: 'unchanged', reason: null };
  return refusalOf(article, current?.entryCount ?? null) ?? { status: 'new-version', reason: null };
}
