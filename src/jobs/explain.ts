/**
 * `ingest --explain`: read and parse one source exactly as `ingest` would (its pin included) and say what
 * ingest would make of it. It only reads the database: no run, no version, no tracking.
 */
import type { ParsedArticle } from '../domain/article.js';
import { ExitCode, StackradarError } from '../errors.js';
import { latestVersion, versionNumber } from '../store/articles.js';
import { sourcePins, type SourcePin } from '../store/sources.js';
import type { RunContext } from './context.js';
import { fileUrl, judgeParse, parsePage, readFiles, readSources, type Judgement } from './stages/ingest-pages.js';

export type ExplainSource = { url: string } | { file: string };

export interface Explanation {
  sourceUrl: string;
  article: ParsedArticle;
  pin: SourcePin | null;
  /** The number (within the source) of its current version, if it has one. */
  currentVersion: number | null;
  /** What `ingest` would do with this parse. */
  judgement: Judgement;
}

export async function explainSource(context: RunContext, source: ExplainSource): Promise<Explanation> {
  const { db } = context.store;
  const sourceUrl = 'url' in source ? source.url : fileUrl(source.file);
  const pin = (await sourcePins(db, [sourceUrl])).get(sourceUrl) ?? null;
  context.progress('fetching');
  const read = 'url' in source ? await readSources(context, [source.url]) : await readFiles([source.file]);
  const [page] = read.pages;
  if (!page) throw new StackradarError(`ingest --explain ${sourceUrl}: failed: ${read.failures[0]?.error ?? 'not read'}`, ExitCode.failed);
  context.progress('parsing');
  const article = parsePage(context, page, pin);
  const current = await latestVersion(db, sourceUrl);
  const currentVersion = current ? await versionNumber(db, current.id) : null;
  return { sourceUrl, article, pin, currentVersion, judgement: judgeParse(article, current) };
}
