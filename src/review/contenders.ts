/**
 * The `contender` finding: a framework the article does not list, in a language it covers, with more
 * stars than its least-starred entry — from the catalog (frameworks with a stored snapshot) and from the
 * stored daily topic search of each language. Also which searches a refresh needs (`topicSearchPlan`).
 * Pure: facts in, findings out.
 */
import { slugify } from '../catalog/slug.js';
import type { Found } from './found.js';
import type { Finding, FrameworkFacts, Market, ReviewArticle } from './types.js';

interface Contender {
  name: string;
  slug: string;
  language: string;
  repo: string;
  stars: number;
  starsAt: Date;
  sources: Set<'catalog' | 'search'>;
}

interface Least {
  framework: string;
  stars: number;
}

/** The entry with the fewest known stars; null when no entry has a figure. */
function leastStarred(article: ReviewArticle, facts: Map<string, FrameworkFacts>): Least | null {
  let least: Least | null = null;
  for (const entry of article.entries) {
    const stars = facts.get(entry.slug)?.stars;
    if (stars != null && (!least || stars < least.stars)) least = { framework: entry.framework, stars };
  }
  return least;
}

const languagesOf = (article: ReviewArticle): Set<string> =>
  new Set(article.entries.flatMap((e) => (e.language ? [e.language] : [])));

/**
 * The topic searches the articles need: each language they cover, above the lowest of the covering
 * articles' least-starred entries (one search serves every article of the language).
 */
export function topicSearchPlan(articles: ReviewArticle[], facts: Map<string, FrameworkFacts>): Map<string, number> {
  const plan = new Map<string, number>();
  for (const article of articles) {
    const least = leastStarred(article, facts);
    if (!least) continue;
    for (const language of languagesOf(article)) plan.set(language, Math.min(plan.get(language) ?? Infinity, least.stars));
  }
  return plan;
}

const lower = (repo: string | null | undefined): string[] => (repo ? [repo.toLowerCase()] : []);

/** What the article already lists: its slugs, the slugs of every name it uses, and the repositories behind them. */
function listed(article: ReviewArticle, facts: Map<string, FrameworkFacts>) {
  const slugs = new Set(article.entries.flatMap((e) => [e.slug, ...e.names.map(slugify)]));
  const repos = new Set(article.entries.flatMap((e) => {
    const own = facts.get(e.slug);
    return [...lower(own?.repo), ...lower(own?.catalogRepo), ...lower(own?.repoSeenAs)];
  }));
  return { has: (slug: string, repo: string) => slugs.has(slug) || repos.has(repo.toLowerCase()) };
}

/** Catalog frameworks of the languages with a stored figure, then the searches' repositories (the same framework found by repository or slug). */
function candidates(languages: Set<string>, facts: Map<string, FrameworkFacts>, market: Market): Map<string, Contender> {
  const found = new Map<string, Contender>();
  const slugByRepo = new Map<string, string>();
  for (const fw of market.catalog) slugByRepo.set(fw.repo.toLowerCase(), fw.slug);
  for (const f of facts.values()) for (const repo of [...lower(f.repo), ...lower(f.repoSeenAs)]) slugByRepo.set(repo, f.slug);
  for (const fw of market.catalog) {
    const own = facts.get(fw.slug);
    if (!languages.has(fw.language) || own?.stars == null) continue;
    found.set(fw.slug, { ...fw, stars: own.stars, starsAt: own.capturedAt, sources: new Set(['catalog']) });
  }
  const catalog = new Map(market.catalog.map((fw) => [fw.slug, fw]));
  for (const search of market.searches) {
    if (!languages.has(search.language)) continue;
    for (const r of search.repos) {
      const byName = slugify(r.name);
      const slug = slugByRepo.get(r.repo.toLowerCase()) ?? (catalog.has(byName) ? byName : slugify(r.repo));
      const known = found.get(slug);
      if (known) {
        known.sources.add('search');
        if (search.searchedAt > known.starsAt) Object.assign(known, { stars: r.stars, starsAt: search.searchedAt });
      } else {
        const fw = catalog.get(slug);
        found.set(slug, { name: fw?.name ?? r.repo, slug, language: search.language, repo: r.repo, stars: r.stars, starsAt: search.searchedAt, sources: new Set(['search']) });
      }
    }
  }
  return found;
}

/** 25,100 → "25.1k"; below a thousand as is. */
const short = (n: number): string => (Math.abs(n) < 1000 ? String(n) : `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`);

function finding(c: Contender, least: Least, change: number | null): Found {
  const trend = change === null ? '' : `, ${change >= 0 ? '+' : '−'}${short(Math.abs(change))} in 90 days`;
  return {
    finding: 'contender',
    severity: 'medium',
    detail: `Consider ${c.name} (${c.language}, ${short(c.stars)} stars${trend}): more stars than the list's least-starred entry ${least.framework} (${short(least.stars)})`,
    evidence: {
      repo: c.repo, language: c.language, stars: c.stars, stars_change_90d: change, stars_at: c.starsAt,
      from: [...c.sources].sort().join('+'), least_starred: { framework: least.framework, stars: least.stars },
    },
  };
}

/** The article's contenders, most starred first. */
export function contenders(article: ReviewArticle, facts: Map<string, FrameworkFacts>, market: Market): Finding[] {
  const least = leastStarred(article, facts);
  if (!least) return [];
  const known = listed(article, facts);
  return [...candidates(languagesOf(article), facts, market).values()]
    .filter((c) => c.stars > least.stars && !known.has(c.slug, c.repo))
    .sort((a, b) => b.stars - a.stars)
    .map((c) => ({ sourceUrl: article.sourceUrl, position: null, framework: c.name, slug: c.slug, ...finding(c, least, market.starsChange90d.get(c.slug) ?? null) }));
}
