/**
 * parseArticle over the seed article's HTML, repeated: the CPU cost of one ingest's parsing step. The
 * real-listicle corpus is timed and scored by the parse-accuracy section.
 */
import { readFileSync } from 'node:fs';
import { parseArticle } from '../src/ingest/parse.js';
import { median, progress, quantile, round } from './util.js';

export interface ParseResult {
  iterations: number;
  htmlKB: number;
  entries: number;
  medianMs: number;
  p95Ms: number;
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
  };
}
