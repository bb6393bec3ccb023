/**
 * parseArticle over the seed article's HTML, repeated: the CPU cost of one ingest's parsing step; and
 * parseSource over every article of the real-listicle corpus (Markdown and HTML by other authors).
 */
import { readFileSync } from 'node:fs';
import { parseArticle, parseSource } from '../src/ingest/parse.js';
import { loadCorpus } from '../test/parse-corpus.js';
import { median, progress, quantile, round } from './util.js';

interface CorpusArticleTiming {
  article: string;
  kb: number;
  entries: number;
  medianMs: number;
  p95Ms: number;
}

export interface ParseResult {
  iterations: number;
  htmlKB: number;
  entries: number;
  medianMs: number;
  p95Ms: number;
  /** One sample is one article parsed once; median and p95 over all samples, then per article. */
  corpus: { articles: number; iterations: number; medianMs: number; p95Ms: number; perArticle: CorpusArticleTiming[] };
}

const FIXTURE = new URL('../test/fixtures/articles/keycdn-original.html', import.meta.url);
const URL_OF_ARTICLE = 'https://www.keycdn.com/blog/best-backend-frameworks';
const WARM_UP = 50;

function timeRuns(iterations: number, run: () => number): { times: number[]; entries: number } {
  for (let i = 0; i < WARM_UP; i++) run();
  const times: number[] = [];
  let entries = 0;
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    entries = run();
    times.push(performance.now() - start);
  }
  return { times, entries };
}

function benchCorpus(iterations: number): ParseResult['corpus'] {
  const corpus = loadCorpus();
  progress(`parse: real corpus, ${corpus.length} articles × ${iterations}`);
  const all: number[] = [];
  const perArticle = corpus.map((a): CorpusArticleTiming => {
    const { times, entries } = timeRuns(iterations, () => parseSource(a.body, a.url, a.contentType).entries.length);
    if (entries !== a.expected.length) throw new Error(`parseSource found ${entries} entries in ${a.article}, expected ${a.expected.length}`);
    all.push(...times);
    return { article: a.article, kb: round(a.body.length / 1024), entries, medianMs: round(median(times), 2), p95Ms: round(quantile(times, 0.95), 2) };
  });
  return { articles: corpus.length, iterations, medianMs: round(median(all), 2), p95Ms: round(quantile(all, 0.95), 2), perArticle };
}

export function benchParse(iterations: number): ParseResult {
  const html = readFileSync(FIXTURE, 'utf8');
  progress(`parse: ${iterations} × ${round(html.length / 1024)} KB`);
  const { times, entries } = timeRuns(iterations, () => parseArticle(html, URL_OF_ARTICLE).entries.length);
  if (entries !== 8) throw new Error(`parseArticle found ${entries} entries in the fixture, expected 8`);
  return {
    iterations,
    htmlKB: round(html.length / 1024),
    entries,
    medianMs: round(median(times), 2),
    p95Ms: round(quantile(times, 0.95), 2),
    corpus: benchCorpus(Math.max(20, Math.round(iterations / 10))),
  };
}
