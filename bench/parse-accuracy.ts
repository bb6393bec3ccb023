/**
 * `npm run bench -- parse-accuracy`: the parser on the real-listicle corpus (test/support/corpus.ts), as
 * ingest runs it (bundled catalog's names, catalog languages filled in). For the development two-thirds
 * and the held-out third apart: articles parsed exactly, fields right (names in order, language, pros,
 * cons, notable users), and the time of one parse per article (median, p95). Only development articles
 * are named; the held-out third is reported in aggregate.
 */
import { loadCatalog } from '../src/catalog/catalog.js';
import { loadCorpus, type CorpusArticle } from '../test/support/corpus.js';
import { FIELDS, parseAsIngested, scoreArticle, type ArticleScore, type Field } from '../test/support/corpus-score.js';
import { median, progress, quantile, round } from './util.js';

interface HalfResult {
  articles: number;
  exact: number;
  exactPct: number;
  fieldsRight: number;
  fieldsTotal: number;
  fieldsPct: number;
  byField: Record<Field, number>;
  medianMs: number;
  p95Ms: number;
}

export interface ParseAccuracyResult {
  iterations: number;
  topics: number;
  development: HalfResult & { misses: string[] };
  heldOut: HalfResult;
}

const pct = (right: number, total: number) => (total === 0 ? 0 : round((100 * right) / total, 1));

function measureHalf(articles: CorpusArticle[], iterations: number): { half: HalfResult; scores: Map<string, ArticleScore> } {
  const catalog = loadCatalog();
  const times: number[] = [];
  const scores = new Map<string, ArticleScore>();
  for (const a of articles) {
    let entries = parseAsIngested(a, catalog);
    for (let i = 0; i < iterations; i++) {
      const start = performance.now();
      entries = parseAsIngested(a, catalog);
      times.push(performance.now() - start);
    }
    scores.set(a.id, scoreArticle(a.expected.entries, entries));
  }
  const all = [...scores.values()];
  const right = all.reduce((s, x) => s + x.right, 0);
  const total = all.reduce((s, x) => s + x.total, 0);
  const byField = Object.fromEntries(
    FIELDS.map((f) => [f, pct(all.reduce((s, x) => s + x.byField[f].right, 0), all.reduce((s, x) => s + x.byField[f].total, 0))]),
  ) as Record<Field, number>;
  const exact = all.filter((x) => x.exact).length;
  return {
    half: {
      articles: articles.length, exact, exactPct: pct(exact, articles.length), fieldsRight: right, fieldsTotal: total, fieldsPct: pct(right, total), byField,
      medianMs: round(median(times), 2), p95Ms: round(quantile(times, 0.95), 2),
    },
    scores,
  };
}

export function benchParseAccuracy(iterations: number): ParseAccuracyResult {
  const corpus = loadCorpus();
  const development = corpus.filter((a) => a.split === 'development');
  const heldOut = corpus.filter((a) => a.split === 'held-out');
  progress(`parse-accuracy: ${corpus.length} articles (${development.length} development, ${heldOut.length} held out) × ${iterations}`);
  const dev = measureHalf(development, iterations);
  const held = measureHalf(heldOut, iterations);
  return {
    iterations,
    topics: new Set(corpus.map((a) => a.topic)).size,
    development: { ...dev.half, misses: [...dev.scores].filter(([, s]) => !s.exact).map(([id, s]) => `${id} (${s.right}/${s.total})`) },
    heldOut: held.half,
  };
}
