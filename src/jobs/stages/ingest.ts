/**
 * The ingest stage: fetch (or read) every source, parse it, refuse parses that look broken, and store
 * a new article version when the content changed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ParsedArticle } from '../../domain/article.js';
import { userAgent } from '../../http/user-agent.js';
import { fetchArticles } from '../../ingest/fetch.js';
import { brokenParseReason } from '../../ingest/guard.js';
import { parseSource } from '../../ingest/parse.js';
import { resolveEntries } from '../../ingest/resolve.js';
import { latestVersion, saveArticleVersion } from '../../store/articles.js';
import { recordFetch, trackedSources, trackSources } from '../../store/sources.js';
import { throwIfInterrupted, type RunContext } from '../context.js';
import type { Stage, StageSummary } from '../stage.js';

export type IngestStatus = 'new-version' | 'unchanged' | 'broken' | 'failed';

export interface IngestOutcome {
  sourceUrl: string;
  status: IngestStatus;
  versionId: number | null;
  article: ParsedArticle | null;
  /** Why the source failed or the parse was refused. */
  problem: string | null;
}

/**
 * http(s) URLs to fetch, or local files to read (both then tracked), or every tracked source after
 * tracking the configured defaults (a default stopped with `sources remove` stays stopped).
 */
export type Sources = { urls: string[] } | { files: string[] } | { tracked: string[] };

interface Page {
  sourceUrl: string;
  /** Where relative links resolve: the URL after redirects, or the file's URL. */
  baseUrl: string;
  /** The response's content type; null for a file (its extension decides). */
  contentType: string | null;
  body: string;
}

interface Read {
  pages: Page[];
  failures: { url: string; error: string }[];
}

const fileUrl = (file: string) => pathToFileURL(path.resolve(file)).toString();

/** The source URLs to ingest: a file is stored under its file:// URL. */
async function sourceUrlsOf(context: RunContext, sources: Sources): Promise<string[]> {
  const { db } = context.store;
  if ('tracked' in sources) {
    await trackSources(db, sources.tracked, context.now, { revive: false });
    return trackedSources(db);
  }
  const urls = 'urls' in sources ? sources.urls : sources.files.map(fileUrl);
  await trackSources(db, urls, context.now, { revive: true });
  return urls;
}

async function readFiles(files: string[]): Promise<Read> {
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

async function storePage(context: RunContext, runId: number, page: Page): Promise<IngestOutcome> {
  const { store } = context;
  const knownNames = context.catalog.all().flatMap((framework) => [framework.name, ...framework.aliases]);
  const parsed = parseSource(page.body, page.baseUrl, page.contentType, { knownNames });
  const article = resolveEntries({ ...parsed, url: page.sourceUrl }, context.catalog);
  const previous = await latestVersion(store.db, page.sourceUrl);
  const problem = brokenParseReason(article, previous?.entryCount ?? null);
  if (problem) return { sourceUrl: page.sourceUrl, status: 'broken', versionId: previous?.id ?? null, article, problem };
  throwIfInterrupted(context);
  const saved = await saveArticleVersion(store.db, page.sourceUrl, article, context.now, runId);
  return { sourceUrl: page.sourceUrl, status: saved.created ? 'new-version' : 'unchanged', versionId: saved.versionId, article, problem: null };
}

function logOutcome(context: RunContext, outcome: IngestOutcome): void {
  const fields = { source: outcome.sourceUrl, status: outcome.status, entries: outcome.article?.entries.length ?? 0 };
  if (outcome.problem) context.logger.error({ ...fields, problem: outcome.problem }, `ingest ${outcome.sourceUrl}: ${outcome.problem}`);
  else context.logger.info(fields, `ingest ${outcome.sourceUrl}: ${outcome.status}`);
}

async function ingest(context: RunContext, runId: number, sources: Sources): Promise<IngestOutcome[]> {
  context.progress('fetching');
  const order = await sourceUrlsOf(context, sources);
  const { pages, failures } = 'files' in sources ? await readFiles(sources.files) : await fetchUrls(context, order);
  const outcomes: IngestOutcome[] = failures.map((failure) => ({ sourceUrl: failure.url, status: 'failed', versionId: null, article: null, problem: failure.error }));
  for (const [index, page] of pages.entries()) {
    context.progress('parsing', index, pages.length);
    outcomes.push(await storePage(context, runId, page));
  }
  context.progress('parsing', pages.length, pages.length);
  for (const outcome of outcomes) {
    logOutcome(context, outcome);
    await recordFetch(context.store.db, outcome.sourceUrl, context.now, outcome.problem ? `${outcome.status}: ${outcome.problem}` : outcome.status);
  }
  return outcomes.sort((a, b) => order.indexOf(a.sourceUrl) - order.indexOf(b.sourceUrl));
}

function summarize(outcomes: IngestOutcome[], sources: Sources): StageSummary {
  const good = outcomes.filter((o) => o.status === 'new-version' || o.status === 'unchanged').length;
  const status = good === outcomes.length ? 'succeeded' : outcomes.some((o) => o.status === 'broken') || good > 0 ? 'partial' : 'failed';
  return {
    status,
    stats: { sources: outcomes.map((o) => ({ url: o.sourceUrl, status: o.status, entries: o.article?.entries.length ?? 0 })) },
    requests: 'files' in sources ? {} : { articles: outcomes.length },
    problems: outcomes.filter((o) => o.problem).map((o) => `${o.sourceUrl}: ${o.problem}`),
  };
}

/** `essential`: whether a failure to ingest anything fails the run (alone) or only makes it partial. */
export function ingestStage(sources: Sources, options: { essential: boolean }): Stage<IngestOutcome[]> {
  return {
    name: 'ingest',
    essential: options.essential,
    run: (context, runId) => ingest(context, runId, sources),
    summarize: (outcomes) => summarize(outcomes, sources),
  };
}
