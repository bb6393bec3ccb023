/**
 * Review: stored rows in, findings out. Every rule is a small pure function (repository.ts, package.ts,
 * docs.ts, links.ts, article.ts, contenders.ts) that reads like a line of SPEC's "Review" table; this module places what they find in
 * each article and orders it for an editor: most severe first, then article order.
 */
import { staleTitle, staleVersion, outranked } from './article.js';
import { contenders } from './contenders.js';
import { docsBroken, docsMoved, docsUnverified } from './docs.js';
import type { Found } from './found.js';
import { linkBroken, linkMoved, linkUnverified } from './links.js';
import { deprecatedPackage } from './package.js';
import { archived, dormant, repoMissing, repoMoved, slowing } from './repository.js';
import type { Finding, FrameworkFacts, Market, ReviewArticle, ReviewEntry, Severity } from './types.js';

export { topicSearchPlan } from './contenders.js';
export type { DocsCheck, Finding, FindingName, FrameworkFacts, KnownFramework, Market, ReviewArticle, ReviewEntry, Severity, TopicSearch } from './types.js';

const FRAMEWORK_RULES: ((f: FrameworkFacts) => Found | null)[] = [
  archived, repoMissing, repoMoved, dormant, slowing, deprecatedPackage, docsBroken, docsMoved, docsUnverified,
];

const ENTRY_RULES: ((e: ReviewEntry) => Found | null)[] = [linkBroken, linkMoved, linkUnverified];

export const SEVERITIES: Severity[] = ['high', 'medium', 'info'];

const bySeverity = (a: Finding, b: Finding): number =>
  SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (a.position ?? 0) - (b.position ?? 0) || a.finding.localeCompare(b.finding);

function articleFindings(article: ReviewArticle, facts: Map<string, FrameworkFacts>, now: Date, market: Market): Finding[] {
  const found: Finding[] = [];
  const title = staleTitle(article, now);
  if (title) found.push({ sourceUrl: article.sourceUrl, position: null, framework: null, slug: null, ...title });
  for (const entry of article.entries) {
    const own = facts.get(entry.slug);
    const framework = own ? [...FRAMEWORK_RULES.map((rule) => rule(own)), staleVersion(entry, own), outranked(article, entry, facts)] : [];
    // The entry's own links are judged even for a framework with no snapshot.
    const rules = [...framework, ...ENTRY_RULES.map((rule) => rule(entry))];
    for (const hit of rules) {
      if (hit) found.push({ sourceUrl: article.sourceUrl, position: entry.position, framework: entry.framework, slug: entry.slug, ...hit });
    }
  }
  found.push(...contenders(article, facts, market));
  return found.sort(bySeverity);
}

/**
 * Every finding of every article, by source then severity. `now` is the run's clock (the title's year);
 * `market` what contenders are drawn from (the catalog, the stored topic searches).
 */
export function review(articles: ReviewArticle[], facts: Map<string, FrameworkFacts>, now: Date, market: Market): Finding[] {
  return articles.flatMap((article) => articleFindings(article, facts, now, market));
}
