/**
 * The daily topic searches of review's `contender` finding, sent by the review stage before it derives
 * the findings: each language the tracked articles cover, at most once a day (STACKRADAR_TZ), stored in
 * `topic_searches` so later runs of the day, and review, read them instead of asking again. The client
 * paces them within GitHub's search limit (30 a minute with a token, 10 without, shared with enrich's REST
 * searches). When GitHub says the limit is spent, the searches left wait for the next run instead of a
 * minute (the languages searched longest ago go first, so each gets its turn). Any other failure is a
 * problem of the run (partial), never a failure of its figures; the language's last stored search stands.
 */
import { searchTopic } from '../enrich/github.js';
import { localDate } from '../report/dates.js';
import type { KnownFramework, Market } from '../review/review.js';
import { languagesSearchedOn, latestTopicSearches, recordTopicSearch, starsChange90d } from '../store/topics.js';
import { throwIfInterrupted, type RunContext } from './context.js';
import { githubClientOf } from './github.js';

export interface TopicSearchOutcome {
  /** Searches sent this run. */
  sent: number;
  /** One line per language whose search failed. */
  failed: string[];
  /** Languages left for a later run: GitHub's search limit was spent. */
  deferred: string[];
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Sends today's searches that are not stored yet; `plan` maps each language to its `stars:>N`. */
export async function searchTopicsDue(context: RunContext, runId: number, plan: Map<string, number>): Promise<TopicSearchOutcome> {
  const { db } = context.store;
  const day = localDate(context.now, context.config.timeZone);
  const done = await languagesSearchedOn(db, day);
  const last = new Map((await latestTopicSearches(db)).map((s) => [s.language, s.searchedAt.getTime()]));
  const due = [...plan.keys()].filter((language) => !done.has(language)).sort((a, b) => (last.get(a) ?? 0) - (last.get(b) ?? 0) || a.localeCompare(b));
  const outcome: TopicSearchOutcome = { sent: 0, failed: [], deferred: [] };
  if (due.length === 0) return outcome;
  // A spent limit is not waited out (GitHub's search window is a minute): the next run sends what is left.
  const github = githubClientOf(context, 0);
  for (const [i, language] of due.entries()) {
    const minStars = plan.get(language) ?? 0;
    try {
      const found = await searchTopic(github, language, minStars);
      throwIfInterrupted(context);
      if (!found) {
        outcome.deferred = due.slice(i);
        context.logger.info({ languages: outcome.deferred }, `GitHub's search limit is spent: topic search of ${outcome.deferred.join(', ')} left for the next run`);
        break;
      }
      await recordTopicSearch(db, runId, { language, day, minStars, searchedAt: context.now, ...found });
    } catch (error) {
      throwIfInterrupted(context);
      context.logger.warn({ language, err: error }, `topic search for ${language} failed; contenders of ${language} come from the catalog and the last stored search`);
      outcome.failed.push(`contenders: GitHub topic search for ${language} failed: ${messageOf(error)}`);
    }
  }
  outcome.sent = github.counters.requests;
  return outcome;
}

/** What contenders are drawn from: the catalog, each language's newest stored search, the frameworks' 90-day change. */
export async function marketOf(context: RunContext, runId: number): Promise<Market> {
  const catalog: KnownFramework[] = context.catalog.all().map(({ name, slug, language, repo }) => ({ name, slug, language, repo }));
  const [searches, change] = await Promise.all([latestTopicSearches(context.store.db), starsChange90d(context.store.db, runId)]);
  return { catalog, searches, starsChange90d: change };
}
