/**
 * Repository resolution by search, for frameworks the catalog does not know: GitHub search restricted to
 * the language, the best name match weighted by stars.
 */
import type { GitHubClient } from './github-client.js';
import { conditionalGet } from './github-conditional.js';

export interface SearchHit {
  repo: string;
  /** 0–1: 1 for an exact name match that is also the most starred candidate. */
  confidence: number;
  stars: number;
}

interface Candidate {
  repo: string;
  name: string;
  stars: number;
}

const CANDIDATES = 10;
const MIN_CONFIDENCE = 0.2;

/** "Express.js" → "express", "Spring Boot" → "springboot". */
const normalize = (s: string): string => s.toLowerCase().replace(/\.?js$/, '').replace(/[^a-z0-9]/g, '');

function bigrams(s: string): string[] {
  return Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
}

/** Sørensen–Dice similarity of character bigrams. */
function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return a === b ? 1 : 0;
  const pool = [...y];
  let shared = 0;
  for (const g of x) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      shared++;
      pool.splice(i, 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** How well a repository name matches the framework name: 1 exact, 0.7 containment or a word of it, else scaled similarity. */
function nameScore(framework: string, repoName: string): number {
  const a = normalize(framework);
  const b = normalize(repoName);
  if (a === b) return 1;
  const words = framework.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3);
  if (words.includes(b) || (Math.min(a.length, b.length) >= 3 && (a.includes(b) || b.includes(a)))) return 0.7;
  return 0.7 * dice(a, b);
}

/** A qualifier value GitHub reads as one word: quoted when it has spaces. */
export const quote = (value: string): string => (/[\s"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value);

async function candidatesViaGraphql(client: GitHubClient, q: string): Promise<Candidate[]> {
  const query = `query Search($q: String!) {
  search(type: REPOSITORY, query: $q, first: ${CANDIDATES}) { nodes { ... on Repository { nameWithOwner name stargazerCount } } }
}`;
  const { data, errors } = await client.graphql<{ search: { nodes: ({ nameWithOwner?: string; name?: string; stargazerCount?: number } | null)[] } }>(query, { q });
  if (!data) throw new Error(`GitHub search failed: ${errors.map((e) => e.message).join('; ')}`);
  return data.search.nodes.flatMap((n) => (n?.nameWithOwner && n.name ? [{ repo: n.nameWithOwner, name: n.name, stars: n.stargazerCount ?? 0 }] : []));
}

async function candidatesViaRest(client: GitHubClient, q: string): Promise<Candidate[]> {
  const { data } = await conditionalGet(client, 'GET /search/repositories', { q, per_page: CANDIDATES }, (d) =>
    (d as { items: { full_name: string; name: string; stargazers_count: number }[] }).items.map((i) => ({
      repo: i.full_name, name: i.name, stars: i.stargazers_count,
    })),
  );
  return data;
}

export async function searchRepository(client: GitHubClient, name: string, language: string): Promise<SearchHit | null> {
  // "Express.js" is the express repository: the suffix would only narrow the name search.
  const q = `${name.replace(/\.js$/i, '')} in:name language:${quote(language)}`;
  const candidates = client.authenticated ? await candidatesViaGraphql(client, q) : await candidatesViaRest(client, q);
  const maxStars = Math.max(1, ...candidates.map((c) => c.stars));
  let best: SearchHit | null = null;
  for (const c of candidates) {
    const confidence = Math.round(nameScore(name, c.name) * (0.6 + 0.4 * (c.stars / maxStars)) * 100) / 100;
    if (!best || confidence > best.confidence || (confidence === best.confidence && c.stars > best.stars)) {
      best = { repo: c.repo, confidence, stars: c.stars };
    }
  }
  if (best && best.confidence < MIN_CONFIDENCE) {
    client.logger.debug({ name, language, best }, 'GitHub search: no convincing match');
    return null;
  }
  return best;
}
