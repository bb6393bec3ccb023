/**
 * Scores a parse against an article's read-by-hand expectation: the article is exact when every entry
 * is there in order with every checked field right; a field is right when it equals the expectation
 * after typographic normalisation (Unicode NFKC, curly quotes, runs of white space). An entry missing or
 * extra counts all its fields wrong.
 */
import type { Catalog } from '../../src/catalog/catalog.js';
import type { ArticleEntry } from '../../src/domain/article.js';
import { parseSource } from '../../src/ingest/parse.js';
import { resolveEntries } from '../../src/ingest/resolve.js';
import type { CorpusArticle, ExpectedEntry } from './corpus.js';

export const FIELDS = ['name', 'language', 'pros', 'cons', 'notableUsers'] as const;
export type Field = (typeof FIELDS)[number];

export interface ArticleScore {
  exact: boolean;
  right: number;
  total: number;
  /** Per field: right out of checked. */
  byField: Record<Field, { right: number; total: number }>;
  /** Human-readable differences, for development articles only. */
  differences: string[];
}

const normalise = (s: string): string =>
  s.normalize('NFKC').replace(/[‘’ʼ]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

function same(want: unknown, have: unknown): boolean {
  if (typeof want === 'string' && typeof have === 'string') return normalise(want) === normalise(have);
  if (Array.isArray(want) && Array.isArray(have)) return want.length === have.length && want.every((w, i) => same(w, have[i]));
  return want === have;
}

export function scoreArticle(expected: ExpectedEntry[], got: ArticleEntry[]): ArticleScore {
  const byField = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, total: 0 }])) as ArticleScore['byField'];
  const differences: string[] = [];
  const n = Math.max(expected.length, got.length);
  for (let i = 0; i < n; i++) {
    const want = expected[i];
    const have = got[i];
    for (const f of FIELDS) {
      if (want && want[f] === undefined) continue;
      byField[f].total++;
      if (want && have && same(want[f], have[f])) byField[f].right++;
      else differences.push(`#${i + 1} ${f}: want ${JSON.stringify(want?.[f] ?? '(no entry)')}, got ${JSON.stringify(have?.[f] ?? '(no entry)')}`);
    }
  }
  const right = FIELDS.reduce((s, f) => s + byField[f].right, 0);
  const total = FIELDS.reduce((s, f) => s + byField[f].total, 0);
  return { exact: right === total && expected.length === got.length, right, total, byField, differences };
}

/** What ingest stores for an article: the parse, with the bundled catalog's names and languages. */
export function parseAsIngested(article: Pick<CorpusArticle, 'body' | 'url' | 'contentType'>, catalog: Catalog): ArticleEntry[] {
  const knownNames = catalog.all().flatMap((framework) => [framework.name, ...framework.aliases]);
  return resolveEntries(parseSource(article.body, article.url, article.contentType, { knownNames }), catalog).entries;
}
