/**
 * The ingest stage: fetch (or read) every source, parse it (with its pin, if any), refuse parses that
 * look broken or doubtful, and store a new article version when the content changed.
 */
import type { ParsedArticle } from '../../domain/article.js';
import { latestVersion, saveArticleVersion, versionNumber } from '../../store/articles.js';
import { forgetSources, recordFetch, sourcePins, sourceStates, trackedOrDefault, trackSources, untrackSources, type SourcePin } from '../../store/sources.js';
import { throwIfInterrupted, type RunContext } from '../context.js';
import type { Stage, StageSummary } from '../stage.js';
import { fileUrl, judgeParse, parsePage, readFiles, readSources, type Page } from './ingest-pages.js';

/**
 * `broken`: no entries, nothing stored. `doubtful`: entries that may be wrong, not stored without
 * `--accept` (see ingest/guard.ts). Either way the previous version stays current.
 */
export type IngestStatus = 'new-version' | 'unchanged' | 'broken' | 'doubtful' | 'failed';

export interface IngestOutcome {
  sourceUrl: string;
  status: IngestStatus;
  /** The current version after this ingest (null: none yet): its id, and its number within the source. */
  versionId: number | null;
  versionNumber: number | null;
  article: ParsedArticle | null;
  /** Why the source failed or the parse was refused. */
  problem: string | null;
  /** The doubt `--accept` overrode to store the parse. */
  accepted: string | null;
  /** The source's pin, when it has one. */
  pin: SourcePin | null;
  /** Ingested successfully while not tracked: tracked from now on (undone if the run is interrupted). */
  newlyTracked: boolean;
}

/**
 * http(s) URLs to fetch, or local files to read, or every tracked source and the configured defaults
 * never seen (a default stopped with `sources remove` stays stopped). A source becomes tracked only
 * once it is ingested successfully.
 */
export type Sources = { urls: string[] } | { files: string[] } | { tracked: string[] };

export interface IngestOptions {
  /** A failure to ingest anything fails the run (alone) or only makes it partial. */
  essential: boolean;
  /** `ingest --accept`: store doubtful parses too (never broken ones). */
  accept?: boolean;
}

/** The source URLs to ingest (a file is stored under its file:// URL); nothing is written. */
async function sourceUrlsOf(context: RunContext, sources: Sources): Promise<string[]> {
  if ('tracked' in sources) return trackedOrDefault(context.store.db, sources.tracked);
  return 'urls' in sources ? sources.urls : sources.files.map(fileUrl);
}

async function storePage(context: RunContext, runId: number, page: Page, pin: SourcePin | null, accept: boolean): Promise<IngestOutcome> {
  const { store } = context;
  const article = parsePage(context, page, pin);
  const previous = await latestVersion(store.db, page.sourceUrl);
  const judged = judgeParse(article, previous);
  const base = { sourceUrl: page.sourceUrl, article, pin, accepted: null, newlyTracked: false };
  if (judged.status === 'broken' || (judged.status === 'doubtful' && !accept)) {
    const kept = previous ? await versionNumber(store.db, previous.id) : null;
    return { ...base, status: judged.status, versionId: previous?.id ?? null, versionNumber: kept, problem: judged.reason };
  }
  throwIfInterrupted(context);
  const accepted = judged.status === 'doubtful' ? judged.reason : null;
  const saved = await saveArticleVersion(store.db, page.sourceUrl, article, context.now, runId, accepted);
  const number = await versionNumber(store.db, saved.versionId);
  return { ...base, status: saved.created ? 'new-version' : 'unchanged', versionId: saved.versionId, versionNumber: number, problem: null, accepted };
}

/** A refused parse is logged at info: the command says why on stderr in one line of its own (cli/run-output.ts). */
function logOutcome(context: RunContext, outcome: IngestOutcome): void {
  const { article } = outcome;
  const fields = {
    source: outcome.sourceUrl,
    status: outcome.status,
    entries: article?.entries.length ?? 0,
    ...(article ? { structure: article.decision.chosen?.structure ?? null, confidence: article.decision.confidence } : {}),
  };
  if (outcome.status === 'failed') context.logger.error({ ...fields, problem: outcome.problem }, `ingest ${outcome.sourceUrl}: ${outcome.problem}`);
  else if (outcome.problem) context.logger.info({ ...fields, problem: outcome.problem }, `ingest ${outcome.sourceUrl}: ${outcome.status}: ${outcome.problem}`);
  else context.logger.info(fields, `ingest ${outcome.sourceUrl}: ${outcome.status}`);
}

/** The sources this run started tracking, by what they were before: never seen, or stopped. */
interface Tracking {
  added: string[];
  revived: string[];
}

async function ingest(context: RunContext, runId: number, sources: Sources, accept: boolean, tracking: Tracking): Promise<IngestOutcome[]> {
  context.progress('fetching');
  const { db } = context.store;
  const order = await sourceUrlsOf(context, sources);
  const pins = await sourcePins(db, order);
  const known = await sourceStates(db, order);
  const { pages, failures } = 'files' in sources ? await readFiles(sources.files) : await readSources(context, order);
  const outcomes: IngestOutcome[] = failures.map((failure) => ({
    sourceUrl: failure.url,
    status: 'failed',
    versionId: null,
    versionNumber: null,
    article: null,
    problem: failure.error,
    accepted: null,
    pin: pins.get(failure.url) ?? null,
    newlyTracked: false,
  }));
  for (const [index, page] of pages.entries()) {
    context.progress('parsing', index, pages.length);
    const outcome = await storePage(context, runId, page, pins.get(page.sourceUrl) ?? null, accept);
    outcomes.push({ ...outcome, newlyTracked: isIngested(outcome) && known.get(outcome.sourceUrl) !== 'tracked' });
  }
  context.progress('parsing', pages.length, pages.length);
  // Tracked now, not when the run ends: the enrich stage covers the tracked sources' entries.
  const newly = outcomes.filter((o) => o.newlyTracked).map((o) => o.sourceUrl);
  await trackSources(db, newly, context.now);
  tracking.added.push(...newly.filter((url) => !known.has(url)));
  tracking.revived.push(...newly.filter((url) => known.has(url)));
  for (const outcome of outcomes) {
    logOutcome(context, outcome);
    await recordFetch(db, outcome.sourceUrl, context.now, outcome.problem ? `${outcome.status}: ${outcome.problem}` : outcome.status);
  }
  return outcomes.sort((a, b) => order.indexOf(a.sourceUrl) - order.indexOf(b.sourceUrl));
}

const isIngested = (outcome: IngestOutcome) => outcome.status === 'new-version' || outcome.status === 'unchanged';

function summarize(outcomes: IngestOutcome[], sources: Sources): StageSummary {
  const good = outcomes.filter(isIngested).length;
  const refused = outcomes.some((o) => o.status === 'broken' || o.status === 'doubtful');
  const status = good === outcomes.length ? 'succeeded' : refused || good > 0 ? 'partial' : 'failed';
  return {
    status,
    stats: { sources: outcomes.map((o) => ({ url: o.sourceUrl, status: o.status, entries: o.article?.entries.length ?? 0 })) },
    requests: 'files' in sources ? {} : { articles: outcomes.length },
    problems: outcomes.filter((o) => o.problem).map((o) => `${o.sourceUrl}: ${o.status === 'doubtful' ? `doubtful parse: ${o.problem}` : o.problem}`),
  };
}

export function ingestStage(sources: Sources, options: IngestOptions): Stage<IngestOutcome[]> {
  const tracking: Tracking = { added: [], revived: [] };
  return {
    name: 'ingest',
    essential: options.essential,
    run: (context, runId) => ingest(context, runId, sources, options.accept ?? false, tracking),
    async discard(context) {
      await forgetSources(context.store.db, tracking.added);
      await untrackSources(context.store.db, tracking.revived, context.now, []);
    },
    summarize: (outcomes) => summarize(outcomes, sources),
  };
}
