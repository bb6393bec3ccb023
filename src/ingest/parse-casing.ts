/**
 * How an article writes words in its prose: a product's name keeps its capitals mid-sentence ("we moved
 * to Tailwind CSS"), a phrase standing as a heading does not ("a better user experience", "no build
 * steps"). One pass over the article's paragraphs and lists; each name is then looked up, not searched.
 */
import type { Block } from './parse-blocks.js';

export interface Casing {
  /** Per lowercased word or pair of words: how often written all in lowercase, and with a capital. */
  counts: Map<string, { lower: number; capital: number }>;
}

const WORD = /[\p{L}\d](?:[\p{L}\d.+#-]*[\p{L}\d+#])?/gu;

/** "Build Steps" and "build step" are one phrase. */
const keyOf = (words: string[]): string => words.map((w) => w.toLowerCase().replace(/(?<=\w{3})s$/, '')).join(' ');

function tally(counts: Casing['counts'], key: string, lower: boolean): void {
  const c = counts.get(key) ?? { lower: 0, capital: 0 };
  if (lower) c.lower++;
  else c.capital++;
  counts.set(key, c);
}

export function casingOf(blocks: Block[]): Casing {
  const counts: Casing['counts'] = new Map();
  for (const b of blocks) {
    if (b.kind === 'heading' || b.kind === 'table' || (b.kind === 'para' && b.code)) continue;
    for (const text of b.kind === 'list' ? b.items : [b.text]) {
      let prev: string | null = null;
      for (const [word] of text.matchAll(WORD)) {
        const lower = word === word.toLowerCase();
        tally(counts, keyOf([word]), lower);
        // "streaming CSS": a phrase is told by its first word.
        if (prev !== null) tally(counts, keyOf([prev, word]), prev === prev.toLowerCase());
        prev = word;
      }
    }
  }
  return { counts };
}

/** A capitalised name the prose writes mostly in lowercase: a phrase ("User Experience"), not a product's name. */
export function readsAsPhrase(name: string, casing: Casing): boolean {
  const words = name.split(/\s+/).slice(0, 2);
  if (name === name.toLowerCase() || words.length === 0) return false;
  const c = casing.counts.get(keyOf(words));
  return c !== undefined && c.lower > c.capital;
}
