/** When a parse may become the current version: broken (no entries) and doubtful parses are refused. */
import { describe, expect, it } from 'vitest';
import type { ArticleEntry, ConsideredStructure, ParsedArticle } from '../src/domain/article.js';
import { refusalOf } from '../src/ingest/guard.js';

const entry = (name: string, position: number): ArticleEntry => ({
  position,
  name,
  slug: name.toLowerCase(),
  language: null,
  description: '',
  pros: [],
  cons: [],
  notableUsers: [],
  links: [],
  aliases: [],
});

function article(names: string[], options: { promised?: number | null; doubt?: string | null; kind?: 'headings' | 'pinned' } = {}): ParsedArticle {
  const chosen: ConsideredStructure = {
    structure: { kind: options.kind ?? 'headings', selector: 'article > h2', level: options.kind === 'pinned' ? null : 2, count: names.length },
    names,
    score: 1,
    features: {},
  };
  return {
    url: 'https://example.test/top',
    title: null,
    author: null,
    publishedAt: null,
    updatedAt: null,
    promisedCount: options.promised ?? null,
    entries: names.map(entry),
    sections: [],
    decision: { chosen: names.length ? chosen : null, runnersUp: [], confidence: 0.9, reasons: [], doubt: options.doubt ?? null },
  };
}

describe('refusalOf', () => {
  it('lets a confident parse through', () => {
    expect(refusalOf(article(['Django', 'Flask'], { promised: 2 }), 2)).toBeNull();
  });

  it('calls a parse without entries broken', () => {
    expect(refusalOf(article([]), 8)).toEqual({ status: 'broken', reason: 'no entries found' });
  });

  it("passes on the parser's doubt", () => {
    const doubt = 'entry names read as section titles: Results, License';
    expect(refusalOf(article(['Introduction', 'Results', 'Developing', 'License'], { doubt }), null)).toEqual({ status: 'doubtful', reason: doubt });
  });

  it('doubts fewer entries than the title promises, or than half of the previous version, and says each reason once', () => {
    expect(refusalOf(article(['Django', 'Flask', 'FastAPI'], { promised: 7 }), null)).toEqual({
      status: 'doubtful',
      reason: 'found 3 entries but the title promises 7',
    });
    expect(refusalOf(article(['Django', 'Flask', 'FastAPI'], { promised: 7, doubt: 'found 3 entries but the title promises 7' }), 8)).toEqual({
      status: 'doubtful',
      reason: "found 3 entries but the title promises 7; found 3 entries, fewer than half of the previous version's 8",
    });
  });

  it("holds a pinned parse to the previous version but not to the title's promise", () => {
    expect(refusalOf(article(['Django', 'Flask', 'FastAPI'], { promised: 7, kind: 'pinned' }), null)).toBeNull();
    expect(refusalOf(article(['Django'], { promised: 7, kind: 'pinned' }), 3)?.status).toBe('doubtful');
  });
});
