/**
 * The review stage, last in a refresh: reads what the run and the runs before it stored, derives the
 * findings of every tracked article (src/review, pure) and records them, so that `review_findings`
 * and `stackradar review` answer from the database alone and each finding keeps the run that first
 * found it. Its only requests are the day's topic searches of the `contender` finding (topic-searches.ts).
 */
import type { Catalog } from '../../catalog/catalog.js';
import { review, topicSearchPlan, type DocsCheck, type Finding, type FrameworkFacts, type ReviewArticle } from '../../review/review.js';
import { linkCheckHistory } from '../../store/links.js';
import { docsCheckHistory, latestSnapshots, recordFindings, repositoryIdsSeen, reviewEntries } from '../../store/review.js';
import { throwIfInterrupted, type RunContext } from '../context.js';
import type { Stage, StageSummary } from '../stage.js';
import { marketOf, searchTopicsDue, type TopicSearchOutcome } from '../topic-searches.js';

type EntryRow = Awaited<ReturnType<typeof reviewEntries>>[number];

type LinkChecks = Map<string, DocsCheck[]>;

/** Each link's distinct checks, newest first (the rows come in that order per link). */
async function linkChecksOf(context: RunContext, runId: number): Promise<LinkChecks> {
  const checks: LinkChecks = new Map();
  for (const { url, ...check } of await linkCheckHistory(context.store.db, runId, context.now)) checks.set(url, [...(checks.get(url) ?? []), check]);
  return checks;
}

function articlesOf(rows: EntryRow[], catalog: Catalog, checks: LinkChecks): ReviewArticle[] {
  const articles = new Map<string, ReviewArticle>();
  for (const row of rows) {
    const article = articles.get(row.sourceUrl) ?? { sourceUrl: row.sourceUrl, title: row.title, entries: [] };
    articles.set(row.sourceUrl, article);
    const known = catalog.resolve(row.slug) ?? catalog.resolve(row.framework);
    article.entries.push({
      position: row.position,
      framework: row.framework,
      slug: row.slug,
      language: row.language ?? known?.language ?? null,
      names: [...new Set([row.framework, ...row.aliases, ...(known ? [known.name, ...known.aliases] : [])])],
      text: [row.description ?? '', ...row.pros, ...row.cons].join('\n'),
      links: [...new Set(row.links.map((link) => link.url))].map((url) => ({ url, checks: checks.get(url) ?? [] })),
    });
  }
  return [...articles.values()];
}

async function factsOf(context: RunContext, runId: number): Promise<Map<string, FrameworkFacts>> {
  const { db } = context.store;
  const [latest, ids, checks] = await Promise.all([latestSnapshots(db, runId), repositoryIdsSeen(db, runId), docsCheckHistory(db, runId, context.now)]);
  const history = new Map<string, DocsCheck[]>();
  for (const { slug, ...check } of checks) history.set(slug, [...(history.get(slug) ?? []), check]);
  const idsBySlug = new Map<string, typeof ids>();
  for (const seen of ids) idsBySlug.set(seen.slug, [...(idsBySlug.get(seen.slug) ?? []), seen]);
  return new Map(latest.map((row) => {
    const name = row.repoSeenAs?.toLowerCase();
    const earlier = idsBySlug.get(row.slug)?.find((seen) => seen.name === name && seen.id !== row.repoDatabaseId);
    const facts: FrameworkFacts = {
      ...row,
      catalogRepo: context.catalog.resolve(row.slug)?.repo ?? null,
      earlierDatabaseId: earlier?.id ?? null,
      docsChecks: history.get(row.slug) ?? [],
    };
    return [row.slug, facts];
  }));
}

/** One row per source, framework and finding: an entry listed twice in an article is reviewed once. */
const keyOf = (f: Finding) => `${f.sourceUrl}\n${f.slug ?? ''}\n${f.finding}`;

export type ReviewOutcome = { found: Finding[]; searches: TopicSearchOutcome } | { error: string };

/** A review that fails leaves the run's figures standing: the run is partial, with the reason. */
async function reviewRun(context: RunContext, runId: number): Promise<ReviewOutcome> {
  try {
    const articles = articlesOf(await reviewEntries(context.store.db), context.catalog, await linkChecksOf(context, runId));
    const facts = await factsOf(context, runId);
    const searches = await searchTopicsDue(context, runId, topicSearchPlan(articles, facts));
    const found = review(articles, facts, context.now, await marketOf(context, runId));
    const unique = [...new Map(found.map((f) => [keyOf(f), f])).values()];
    await recordFindings(context.store.db, runId, context.now, unique.map((f) => ({ ...f, slug: f.slug ?? '' })));
    return { found: unique, searches };
  } catch (error) {
    throwIfInterrupted(context);
    context.logger.error({ err: error }, 'review failed');
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export function reviewStage(): Stage<ReviewOutcome> {
  return {
    name: 'review',
    essential: false,
    run: reviewRun,
    summarize: (outcome): StageSummary => {
      if ('error' in outcome) return { status: 'failed', stats: {}, requests: {}, problems: [`review: ${outcome.error}`] };
      const findings: Record<string, number> = {};
      for (const f of outcome.found) findings[f.severity] = (findings[f.severity] ?? 0) + 1;
      const { sent, failed, deferred } = outcome.searches;
      const stats = { findings, ...(deferred.length > 0 ? { topicSearchesDeferred: deferred } : {}) };
      return { status: failed.length > 0 ? 'partial' : 'succeeded', stats, requests: { github: sent }, problems: failed };
    },
  };
}
