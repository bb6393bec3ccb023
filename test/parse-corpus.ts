/**
 * The real-listicle corpus under test/fixtures/articles/real: each article as served (Markdown or HTML),
 * its source (repository, path, commit) and the entries expected by reading it. Shared by the corpus test
 * and the parse benchmark.
 */
import { readFileSync } from 'node:fs';
import type { ArticleEntry } from '../src/domain/article.js';

interface CorpusSource {
  article: string;
  file: string;
  repository: string;
  path: string;
  commit: string;
  generator: string;
  contentType: string;
  url: string;
}

type ExpectedEntry = Pick<ArticleEntry, 'name' | 'language' | 'pros' | 'cons' | 'notableUsers'>;

interface CorpusArticle extends CorpusSource {
  body: string;
  expected: ExpectedEntry[];
}

const DIR = new URL('./fixtures/articles/real/', import.meta.url);

export function loadCorpus(): CorpusArticle[] {
  const sources = JSON.parse(readFileSync(new URL('SOURCES.json', DIR), 'utf8')) as CorpusSource[];
  return sources.map((s) => ({
    ...s,
    body: readFileSync(new URL(s.file, DIR), 'utf8'),
    expected: (JSON.parse(readFileSync(new URL(`${s.article}.expected.json`, DIR), 'utf8')) as { entries: ExpectedEntry[] }).entries,
  }));
}

export const FIELDS = ['name', 'language', 'pros', 'cons', 'notableUsers'] as const;

/** Fields right out of fields checked; an entry missing or extra counts all its fields wrong. */
export function score(expected: ExpectedEntry[], got: ArticleEntry[]): { right: number; total: number } {
  let right = 0;
  const n = Math.max(expected.length, got.length);
  for (let i = 0; i < n; i++) {
    const want = expected[i];
    const have = got[i];
    if (!want || !have) continue;
    for (const f of FIELDS) if (JSON.stringify(want[f]) === JSON.stringify(have[f])) right++;
  }
  return { right, total: n * FIELDS.length };
}
