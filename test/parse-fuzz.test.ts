import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/ingest/parse.js';
import type { ParsedArticle } from '../src/domain/article.js';

const URL_ = 'https://www.keycdn.com/blog/best-backend-frameworks';
const NAMES = ['Laravel', 'CakePHP', 'Django', 'Ruby on Rails', 'Flask', 'Phoenix', 'Express', 'Spring Boot'];

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/articles/${name}.html`, import.meta.url), 'utf8');

/** mulberry32: a small seeded PRNG so failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function expectWellFormed(a: ParsedArticle): void {
  expect(Array.isArray(a.entries)).toBe(true);
  expect(Array.isArray(a.sections)).toBe(true);
  for (const e of a.entries) {
    expect(typeof e.name).toBe('string');
    expect(e.description === null || e.description.length > 0).toBe(true);
    expect(Array.isArray(e.pros) && Array.isArray(e.notableUsers) && Array.isArray(e.links)).toBe(true);
  }
}

/** Entry names a damaged copy of the seed may yield: the real ones, in their order. */
function expectSeedSubsequence(a: ParsedArticle): void {
  const names = a.entries.map((e) => e.name);
  let at = 0;
  for (const n of names) {
    at = NAMES.indexOf(n, at);
    expect(at, `unexpected entry ${n} in ${JSON.stringify(names)}`).toBeGreaterThanOrEqual(0);
    at++;
  }
}

describe('robustness (seeded fuzz)', () => {
  const files = ['keycdn-original', 'numbered-h2', 'mixed-h4', 'broken-no-list'];
  const rand = prng(0x5eed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;

  const truncated = files.flatMap((f) => {
    const html = fixture(f);
    return Array.from({ length: 60 }, () => [f, Math.floor(rand() * html.length)] as const);
  });
  it.each(truncated)('truncated %s at %i', (f, cut) => {
    const a = parseArticle(fixture(f).slice(0, cut), URL_);
    expectWellFormed(a);
    expectSeedSubsequence(a);
  });

  const shuffled = Array.from({ length: 80 }, (_, i) => [files[i % 3]!, Math.floor(rand() * 2 ** 31)] as const);
  it.each(shuffled)('shuffled %s with seed %i', (f, seed) => {
    const r = prng(seed);
    const $ = load(fixture(f));
    for (const el of $('body *').toArray()) {
      if (r() < 0.3 && 'children' in el && el.children.length > 1) {
        const kids = [...el.children];
        for (let i = kids.length - 1; i > 0; i--) {
          const j = Math.floor(r() * (i + 1));
          [kids[i], kids[j]] = [kids[j]!, kids[i]!];
        }
        $(el).empty().append(kids);
      }
    }
    const a = parseArticle($.html(), URL_);
    expectWellFormed(a);
    // Shuffling can glue a heading's number to its name ("Ruby on Rails4."), never invent an entry.
    const strays = a.entries.filter((e) => !NAMES.some((n) => e.name.startsWith(n)));
    expect(strays.map((e) => e.name)).toEqual([]);
  });

  const TAGS = ['div', 'p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'a', 'section', 'article', 'main', 'aside', 'nav', 'table', 'td', 'span', 'strong', 'script', 'dl', 'dt', 'dd', 'br', 'img'];
  const WORDS = ['Laravel', 'is', 'a', 'PHP', 'framework', 'Pros:', '1.', '#2', 'Django', 'include:', 'By', 'Updated on', 'January 6, 2023', '&nbsp;', '&amp;', '<!--', '-->', '<![CDATA[', '"', "'", '\u0000', '\uFFFD', '🚀'];
  const garbage = Array.from({ length: 100 }, (_, i) => {
    const kind = i % 4;
    if (kind === 0) {
      return Array.from({ length: 1 + Math.floor(rand() * 4000) }, () => String.fromCharCode(Math.floor(rand() * 0x3000))).join('');
    }
    if (kind === 1) {
      const n = 1 + Math.floor(rand() * 400);
      return Array.from({ length: n }, () => {
        const t = pick(TAGS);
        const r = rand();
        return r < 0.4 ? `<${t} class="${pick(['x', 'entry-content', 'comments', 'sidebar'])}">` : r < 0.7 ? `</${t}>` : pick(WORDS) + ' ';
      }).join('');
    }
    if (kind === 2) {
      const depth = 1 + Math.floor(rand() * 1500);
      return `${'<div><section>'.repeat(depth)}<p>Laravel is a PHP framework.</p><ul><li>x</li></ul>${'</section></div>'.repeat(depth)}`;
    }
    const html = fixture(pick(files));
    const bytes = Buffer.from(html);
    for (let k = 0; k < 50; k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
    return bytes.toString('latin1');
  });
  it.each(garbage.map((g, i) => [i, g] as const))('garbage #%i', (_, html) => {
    expectWellFormed(parseArticle(html, pick([URL_, '', 'not a url', 'https://[::1'])));
  });

  it('survives inputs that are not strings', () => {
    for (const v of [undefined, null, 42, {}, Buffer.from('<p>Laravel is a PHP framework.</p>')]) {
      expectWellFormed(parseArticle(v as unknown as string, URL_));
    }
    expect(parseArticle('', URL_)).toMatchObject({ entries: [], sections: [], title: null, author: null });
  });

  it('parses the seed article in milliseconds', () => {
    const html = fixture('keycdn-original');
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t = performance.now();
      parseArticle(html, URL_);
      times.push(performance.now() - t);
    }
    times.sort((x, y) => x - y);
    expect(times[30]!).toBeLessThan(50);
  });
});
