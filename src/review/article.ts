/**
 * Findings about what an article says: `stale-version` (an entry names a major below the current one),
 * `outranked` (ranked high, in the last quarter by stars and by downloads), `stale-title` (a past year).
 */
import type { FrameworkFacts, ReviewArticle, ReviewEntry } from './types.js';
import type { Found } from './found.js';

/** Numbers this large after a name are years ("Django 2021"), not versions. */
const FIRST_YEAR = 1900;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The major of a version or tag (`v12.3.0`, `5.2`, `3.4.6.RELEASE`); null when it does not start with one. */
const majorOf = (version: string | null): number | null => {
  const match = version ? /^v?(\d+)/i.exec(version.trim()) : null;
  return match?.[1] ? Number(match[1]) : null;
};

/** "Laravel 8", "Django 3.2", "Spring Boot 2.x", "Rails v6": every version the text names after one of the names. */
function namedVersions(entry: ReviewEntry): { text: string; major: number }[] {
  const found: { text: string; major: number }[] = [];
  for (const name of entry.names) {
    const pattern = new RegExp(`(?<![\\w.])${escape(name)}\\s+v?(\\d+)((?:\\.\\d+)*)(?:\\.x)?(?![\\w.]*\\d)`, 'gi');
    for (const match of entry.text.matchAll(pattern)) {
      const major = Number(match[1]);
      if (major < FIRST_YEAR) found.push({ text: match[0], major });
    }
  }
  return found;
}

export function staleVersion(entry: ReviewEntry, f: FrameworkFacts): Found | null {
  const current = f.latestVersion ?? f.packageVersion;
  const currentMajor = majorOf(current);
  if (currentMajor === null) return null;
  const stale = namedVersions(entry).filter((v) => v.major < currentMajor);
  const oldest = stale.sort((a, b) => a.major - b.major)[0];
  if (!oldest) return null;
  return {
    finding: 'stale-version',
    severity: 'medium',
    detail: `the entry names "${oldest.text}" but the current version is ${current}: update the version and what changed since`,
    evidence: { named: stale.map((v) => v.text), current_version: current, current_major: currentMajor },
  };
}

/** How many of `count` entries make the last quarter: at least one. */
const quarter = (count: number): number => Math.max(1, Math.floor(count / 4));

/** Whether `slug` is among the lowest quarter of `values` (entries without a figure left out). */
function inLastQuarter(values: { slug: string; value: number | null }[], slug: string): boolean {
  const known = values.filter((v): v is { slug: string; value: number } => v.value !== null).sort((a, b) => a.value - b.value);
  return known.slice(0, quarter(known.length)).some((v) => v.slug === slug);
}

/**
 * Ranked in the first half, and in the last quarter by stars and by downloads. An entry without a
 * download figure (no package, or a registry that publishes none) is judged by stars alone.
 */
export function outranked(article: ReviewArticle, entry: ReviewEntry, facts: Map<string, FrameworkFacts>): Found | null {
  const count = article.entries.length;
  const rank = article.entries.indexOf(entry) + 1;
  const own = facts.get(entry.slug);
  if (count < 4 || rank < 1 || rank > count / 2 || own?.stars == null) return null;
  const figures = article.entries.map((e) => ({ slug: e.slug, facts: facts.get(e.slug) }));
  if (!inLastQuarter(figures.map((e) => ({ slug: e.slug, value: e.facts?.stars ?? null })), entry.slug)) return null;
  const downloads = own.downloadsLastMonth;
  if (downloads !== null && !inLastQuarter(figures.map((e) => ({ slug: e.slug, value: e.facts?.downloadsLastMonth ?? null })), entry.slug)) return null;
  const figure = downloads === null ? '' : ` and ${downloads.toLocaleString('en-US')} downloads a month`;
  return {
    finding: 'outranked',
    severity: 'info',
    detail: `ranked #${rank} of ${count} with ${own.stars.toLocaleString('en-US')} stars${figure}, among the article's lowest: consider ranking it lower`,
    evidence: { rank, entries: count, stars: own.stars, downloads_last_month: downloads },
  };
}

export function staleTitle(article: ReviewArticle, now: Date): Found | null {
  const years = [...(article.title ?? '').matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  const named = Math.max(...years);
  const current = now.getUTCFullYear();
  if (years.length === 0 || named >= current) return null;
  return {
    finding: 'stale-title',
    severity: 'info',
    detail: `the title says ${named} ("${article.title}"); it is ${current}: update the year with the content, or drop it`,
    evidence: { title: article.title, year: named, current_year: current },
  };
}
