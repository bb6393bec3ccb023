/**
 * Entries written without headings (the KeyCDN form): each opened by a paragraph "<Name> is a/an/the …
 * framework", or by a heading that names the framework its next paragraph describes.
 */
import type { Block } from './parse-blocks.js';
import { absorb, openDraft, type Draft } from './parse-draft.js';
import { headingName, isGenericName } from './parse-runs.js';
import { labelOf, notableUsersIn } from './parse-labels.js';
import { slugify } from '../catalog/slug.js';

export interface Segmented {
  drafts: Draft[];
  /** Blocks that belong to no entry. */
  outside: Block[];
}

/** First words of sentences that look like "<Name> is a …" but are ordinary prose. */
const NOT_A_NAME = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'there', 'here', 'what', 'which', 'who', 'each',
  'every', 'our', 'your', 'my', 'their', 'his', 'her', 'its', 'one', 'another', 'such', 'below', 'above', 'if',
  'when', 'while', 'although', 'however', 'therefore', 'also', 'so', 'but', 'and', 'or', 'now', 'today', 'why',
  'how', 'nothing', 'everything', 'something', 'anything', 'all', 'both', 'neither', 'either', 'none', 'any',
]);

const CONNECTOR = '(?:on|of|for|de|la|and)';
const CONNECTOR_WORD = new RegExp(`^${CONNECTOR}$`);
const WORD = "[A-Z0-9][\\w.+#'’-]*";
const OPENING = new RegExp(
  `^(${WORD}(?:\\s+(?:${CONNECTOR}\\s+)?${WORD}){0,3})\\s+(?:is|was|remains|has been)\\s+(?:(?:probably|arguably|perhaps|still|also)\\s+)?(?:a|an|the|one|another)\\b`,
);
const FRAMEWORK_NOUN = /\b(?:(?:micro)?frameworks?|librar(?:y|ies)|toolkits?)\b/i;

const firstSentence = (text: string): string => text.split(/(?<=[.!?])\s+(?=[A-Z"“])/)[0] ?? text;

/** The words that identify a framework's name; callers comparing many names tokenize each once. */
export function nameTokens(name: string): string[] {
  return slugify(name)
    .split('-')
    .map((t) => t.replace(/js$/, ''))
    .filter((t) => t && !['on', 'of', 'for', 'the', 'framework', 'web'].includes(t));
}

/** sameFramework on names already passed through nameTokens. */
export function sameTokens(ta: string[], tb: string[]): boolean {
  if (ta.length === 0 || tb.length === 0) return false;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  return short.every((t) => long.includes(t));
}

/** "Rails" and "Ruby on Rails", "Express" and "Express.js" name the same framework. */
export function sameFramework(a: string, b: string): boolean {
  return sameTokens(nameTokens(a), nameTokens(b));
}

function mentions(text: string, name: string): boolean {
  const wanted = nameTokens(name);
  const words = new Set(nameTokens(text));
  return wanted.length > 0 && wanted.some((t) => words.has(t));
}

/** A heading that names a framework whose description follows it. */
function entryHeading(block: Block, next: Block | undefined): string | null {
  if (block.kind !== 'heading' || next?.kind !== 'para') return null;
  const { name, numbered } = headingName(block.text);
  if (!name || name.length > 60 || name.endsWith('?') || isGenericName(name)) return null;
  const words = name.split(/\s+/);
  if (words.length > 5) return null;
  const nameLike = words.every((w) => /^[A-Z0-9.@]/.test(w) || CONNECTOR_WORD.test(w));
  if (!numbered && !nameLike) return null;
  if (numbered) return mentions(next.text, name) ? name : null;
  return mentions(firstSentence(next.text), name) && FRAMEWORK_NOUN.test(next.text) ? name : null;
}

/** The framework a paragraph introduces with "<Name> is a/an/the/one …", or null. */
function openingName(text: string): string | null {
  const sentence = firstSentence(text);
  const name = OPENING.exec(sentence)?.[1];
  if (!name || !FRAMEWORK_NOUN.test(sentence)) return null;
  if (NOT_A_NAME.has((name.split(/\s+/)[0] ?? '').toLowerCase())) return null;
  return name;
}

/**
 * One pass over the blocks. With `requireList`, an entry opened by a paragraph may only start once the
 * current entry has shown its list, so "Elixir is a functional language …" inside Phoenix's entry stays there.
 */
export function segmentByOpenings(blocks: Block[], requireList: boolean): Segmented {
  const drafts: Draft[] = [];
  const outside: Block[] = [];
  let cur: Draft | null = null;

  blocks.forEach((block, i) => {
    if (block.kind === 'heading') {
      const name = entryHeading(block, blocks[i + 1]);
      if (name) {
        cur = openDraft(name, block.level, null, block);
        drafts.push(cur);
      } else if (cur && (labelOf(block.text) || (cur.level !== null && block.level > cur.level))) {
        absorb(cur, block);
      } else {
        cur = null;
        outside.push(block);
      }
      return;
    }
    if (block.kind === 'para' && !(cur && cur.description === null)) {
      const name = openingName(block.text);
      if (name && !(cur && sameFramework(name, cur.name)) && !(requireList && cur && !cur.sawList)) {
        cur = openDraft(name, null, null, block);
        cur.description = block.text;
        cur.notableUsers.push(...notableUsersIn(block.text));
        drafts.push(cur);
        return;
      }
    }
    if (cur) absorb(cur, block);
    else outside.push(block);
  });
  return { drafts, outside };
}
