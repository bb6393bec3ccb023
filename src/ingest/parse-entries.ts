/** Finds the framework entries (and the other labelled lists) in an article's blocks. */
import type { AnyNode } from 'domhandler';
import type { ArticleEntry, ArticleLink, ArticleSection } from '../domain/article.js';
import type { Block } from './parse-blocks.js';
import { detectLanguage } from './language.js';
import { slugify } from '../catalog/slug.js';

export type LinkResolver = (nodes: AnyNode[]) => ArticleLink[];

type Label = 'pros' | 'cons' | 'users' | 'other';

interface Draft {
  name: string;
  /** Level of the heading that opened the entry; null for an entry opened by its first paragraph. */
  level: number | null;
  description: string | null;
  pros: string[] | null;
  notableUsers: string[];
  blocks: Block[];
  sawList: boolean;
  label: Label | null;
}

const NUMBERING = /^\s*(?:(?:no\.?|number)\s*)?#?\s*\d{1,3}\s*(?:[.):\-–—]\s*|\s+)/i;

/** Headings that organise an article rather than name a framework. */
const GENERIC_HEADING =
  /\b(?:lists?|conclusions?|summary|summing|introduction|intro|overview|contents|faqs?|frequently|final|thoughts|wrap(?:ping)?|related|comments?|share|vs\.?|versus|consider(?:ations?)?|choos(?:e|ing)|select(?:ing)?|what|why|how|when|which|who|pros|cons|advantages|disadvantages|drawbacks|features|benefits|references|resources|reading|about|table|getting|bottom|verdict|tl;?dr|top|best|frameworks|languages|tools|examples|honou?rable|mentions?|other|more|alternatives|comparison|leave|reply)\b/i;

const LABELS: Array<[RegExp, Label]> = [
  [/^(?:pros|advantages|benefits|strengths|highlights|key features|features|why (?:use|choose) .{1,40})\s*:?$/i, 'pros'],
  [/^(?:cons|disadvantages|drawbacks|weaknesses|limitations)\s*:?$/i, 'cons'],
];

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

const NOTABLE = /\b(?:websites?|sites|companies|brands|organi[sz]ations|businesses|users|apps|applications|projects|customers)\b[^.:]*?\b(?:include|includes|including)\b\s*:?\s*(.*)$/i;

const firstSentence = (text: string): string => text.split(/(?<=[.!?])\s+(?=[A-Z"“])/)[0] ?? text;

function tokens(name: string): string[] {
  return slugify(name)
    .split('-')
    .map((t) => t.replace(/js$/, ''))
    .filter((t) => t && !['on', 'of', 'for', 'the', 'framework', 'web'].includes(t));
}

/** "Rails" and "Ruby on Rails", "Express" and "Express.js" name the same framework. */
function sameFramework(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  return short.every((t) => long.includes(t));
}

function mentions(text: string, name: string): boolean {
  const wanted = tokens(name);
  const words = new Set(tokens(text));
  return wanted.length > 0 && wanted.some((t) => words.has(t));
}

function labelOf(text: string): Label | null {
  for (const [re, label] of LABELS) if (re.test(text)) return label;
  return null;
}

function headingName(text: string): { name: string; numbered: boolean } {
  const numbered = NUMBERING.test(text);
  let name = text.replace(NUMBERING, '');
  // "Laravel – the PHP framework for artisans", "Django (Python)": keep the name.
  name = name.split(/\s+[–—|-]\s+|:\s+/)[0] ?? name;
  name = name.replace(/\s*\([^)]*\)\s*$/, '').replace(/[.:]+$/, '').trim();
  return { name, numbered };
}

/** A heading that names a framework whose description follows it. */
function entryHeading(block: Block, next: Block | undefined): string | null {
  if (block.kind !== 'heading' || next?.kind !== 'para') return null;
  const { name, numbered } = headingName(block.text);
  if (!name || name.length > 60 || name.endsWith('?') || GENERIC_HEADING.test(name)) return null;
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
  const m = OPENING.exec(sentence);
  const name = m?.[1];
  if (!name || !FRAMEWORK_NOUN.test(sentence)) return null;
  if (NOT_A_NAME.has(name.split(/\s+/)[0]!.toLowerCase())) return null;
  return name;
}

function notableUsers(text: string): string[] | null {
  const m = NOTABLE.exec(text);
  if (!m) return null;
  const rest = (m[1] ?? '').split(/\.\s+(?=[A-Z])/)[0]!.replace(/[.;]+$/, '');
  return rest
    .split(/\s*,\s*|\s+and\s+|\s*;\s*/)
    .map((s) => s.replace(/^(?:and|or)\s+/, '').trim())
    .filter(Boolean);
}

function open(name: string, level: number | null, block: Block): Draft {
  return { name, level, description: null, pros: null, notableUsers: [], blocks: [block], sawList: false, label: null };
}

/** Adds a block to an open entry. */
function absorb(d: Draft, block: Block): void {
  d.blocks.push(block);
  if (block.kind === 'para') {
    const label = labelOf(block.text);
    if (label) {
      d.label = label;
      return;
    }
    if (d.description === null) d.description = block.text;
    const users = notableUsers(block.text);
    if (users && users.length > 0) d.notableUsers.push(...users);
    else if (users) d.label = 'users';
  } else if (block.kind === 'list') {
    d.sawList = true;
    if (d.label === 'users') d.notableUsers.push(...block.items);
    else if (d.label === 'pros' || (d.label === null && d.pros === null)) d.pros ??= block.items;
    d.label = null;
  } else {
    d.label = labelOf(block.text) ?? 'other';
  }
}

interface Segmented {
  drafts: Draft[];
  /** Blocks that belong to no entry. */
  outside: Block[];
}

/**
 * One pass over the blocks. With `requireList`, an entry opened by a paragraph may only start once the
 * current entry has shown its list, so "Elixir is a functional language …" inside Phoenix's entry stays there.
 */
function segment(blocks: Block[], requireList: boolean): Segmented {
  const drafts: Draft[] = [];
  const outside: Block[] = [];
  let cur: Draft | null = null;

  blocks.forEach((block, i) => {
    if (block.kind === 'heading') {
      const name = entryHeading(block, blocks[i + 1]);
      if (name) {
        cur = open(name, block.level, block);
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
        cur = open(name, null, block);
        cur.description = block.text;
        drafts.push(cur);
        const users = notableUsers(block.text);
        if (users) cur.notableUsers.push(...users);
        return;
      }
    }
    if (cur) absorb(cur, block);
    else outside.push(block);
  });
  return { drafts, outside };
}

function sectionsOf(blocks: Block[]): ArticleSection[] {
  const sections: ArticleSection[] = [];
  for (const b of blocks) {
    if (b.kind !== 'list') continue;
    const labelled = b.items
      .map((item) => /^([^:.!?]{1,60}?)\s*:\s+(.+)$/.exec(item))
      .filter((m): m is RegExpExecArray => m !== null && m[1]!.split(/\s+/).length <= 6);
    if (labelled.length * 2 < b.items.length) continue;
    for (const m of labelled) sections.push({ name: m[1]!.trim(), description: m[2]!.trim() });
  }
  return sections;
}

export function extractEntries(
  blocks: Block[],
  resolveLinks: LinkResolver,
): { entries: ArticleEntry[]; sections: ArticleSection[] } {
  let seg = segment(blocks, false);
  const complete = seg.drafts.filter((d) => d.description !== null);
  if (complete.length >= 2 && complete.filter((d) => d.pros).length * 2 >= complete.length) seg = segment(blocks, true);

  const entries: ArticleEntry[] = [];
  for (const d of seg.drafts) {
    if (d.description === null) {
      seg.outside.push(...d.blocks);
      continue;
    }
    const text = d.blocks.map((b) => (b.kind === 'list' ? b.items.join('\n') : b.text)).join('\n');
    entries.push({
      position: entries.length + 1,
      name: d.name,
      slug: slugify(d.name),
      language: detectLanguage(text),
      description: d.description,
      pros: d.pros ?? [],
      notableUsers: [...new Set(d.notableUsers)],
      links: resolveLinks(d.blocks.flatMap((b) => b.nodes)),
    });
  }
  return { entries, sections: sectionsOf(seg.outside) };
}
