/**
 * Structure discovery: which headings name the list's entries. Headings at one level that follow each
 * other without a higher heading between them form a run; the entries are the run whose size fits the
 * title's promise, else the longest one. Sub-headings inside an entry ("Example", "Key Features"),
 * tables of contents, chart sections and FAQs never form the chosen run: they are short, labelled,
 * phrased as questions or sit under one entry each.
 */
import type { Block } from './parse-blocks.js';
import { labelOf } from './parse-labels.js';
import { slugify } from '../catalog/slug.js';

interface HeadingName {
  name: string;
  numbered: boolean;
  /** "PHP ~ Laravel", "Django (Python)": the language the heading itself states. */
  hint: string | null;
}

export interface Run {
  level: number;
  /** Indexes of the entry headings in the block list. */
  starts: number[];
  names: HeadingName[];
  /** Index of the first block after the last entry. */
  end: number;
}

const NUMBERING = /^\s*(?:[*•]\s+)?(?:(?:no\.?|number)\s*)?#?\s*\d{1,3}(?:\.\d{1,2})*\s*(?:[.):\-–—]\s*|\s+)/i;

/** Headings that organise an article rather than name a framework. */
export const GENERIC_HEADING =
  /\b(?:lists?|conclusions?|summary|summing|introduction|intro|overview|contents|faqs?|frequently|final|thoughts|wrap(?:ping)?|related|comments?|share|vs\.?|versus|consider(?:ations?)?|choos(?:e|ing)|select(?:ing)?|what|why|how|when|which|who|pros|cons|advantages|disadvantages|drawbacks|features|benefits|references|resources|reading|about|table|getting|bottom|verdict|tl;?dr|top|best|frameworks|languages|tools|examples?|use\s+cases?|usage|links|honou?rable|mentions?|other|more|alternatives|comparison|leave|reply|thank|thanks|charts?|setup|installation)\b/i;

const CONNECTOR_WORD = /^(?:on|of|for|de|la|and|with|~)$/;

export function headingName(text: string): HeadingName {
  const numbered = NUMBERING.test(text);
  let name = text.replace(NUMBERING, '').replace(/^[*•]\s+/, '');
  let hint: string | null = null;
  const tilde = /^(.{1,20}?)\s+~\s+(.+)$/.exec(name);
  if (tilde) {
    hint = tilde[1] ?? null;
    name = tilde[2] ?? name;
  }
  // "Laravel – the PHP framework for artisans", "Django (Python)": keep the name.
  name = name.split(/\s+[–—|-]\s+|:\s+/)[0] ?? name;
  const paren = /\s*\(([^)]*)\)\s*:?\s*$/.exec(name);
  if (paren) {
    hint ??= paren[1] ?? null;
    name = name.slice(0, paren.index);
  }
  name = name.replace(/[.:]+$/, '').trim();
  return { name, numbered, hint };
}

function looksLikeEntry(h: HeadingName, text: string, known: ReadonlySet<string>): boolean {
  if (known.has(slugify(h.name))) return true;
  const { name } = h;
  const label = labelOf(text);
  // "Pros:", "Key Features:" label a part of an entry; "Grails:" is only a name followed by a colon.
  if (!name || name.length > 60 || text.trim().endsWith('?') || GENERIC_HEADING.test(name) || (label && label !== 'other')) return false;
  const words = name.split(/\s+/);
  if (words.length > 5) return false;
  return h.numbered || words.every((w) => /^[A-Z0-9.@]/.test(w) || CONNECTOR_WORD.test(w));
}

/** "## Python Frameworks" over "### Django", "### Flask": a heading that groups entries, not one that ends the list. */
const GROUP_HEADING = /^[^.!?:]{0,40}\b(?:frameworks|libraries)$/i;

function runsAt(blocks: Block[], level: number, known: ReadonlySet<string>): Run[] {
  const runs: Run[] = [];
  let cur: Run | null = null;
  const close = (at: number): void => {
    if (cur) {
      cur.end = at;
      runs.push(cur);
    }
    cur = null;
  };
  blocks.forEach((b, i) => {
    if (b.kind !== 'heading' || b.level > level) return;
    const name = headingName(b.text);
    const next = blocks[i + 1];
    // A heading with nothing under it (a cut-off page, an empty anchor) names no entry.
    const hasContent = next !== undefined && !(next.kind === 'heading' && next.level <= level);
    if (b.level === level && hasContent && looksLikeEntry(name, b.text, known)) {
      cur ??= { level, starts: [], names: [], end: blocks.length };
      cur.starts.push(i);
      cur.names.push(name);
    } else if (!(cur && b.level < level && GROUP_HEADING.test(b.text) && next?.kind === 'heading')) close(i);
  });
  close(blocks.length);
  return runs;
}

/** Blocks of prose under the run's headings: a chart section has headings and little else. */
function weight(blocks: Block[], run: Run): number {
  let n = 0;
  for (let i = run.starts[0] ?? 0; i < run.end; i++) {
    const b = blocks[i];
    if (b && b.kind !== 'heading') n += b.kind === 'list' ? b.items.join(' ').length : b.kind === 'para' ? b.text.length : 0;
  }
  return n;
}

/** The run that lists the article's entries, or null when no heading run of two or more exists. */
export function entryRun(blocks: Block[], promised: number | null, known: ReadonlySet<string>): Run | null {
  const runs: Run[] = [];
  for (let level = 1; level <= 6; level++) runs.push(...runsAt(blocks, level, known).filter((r) => r.starts.length >= 2));
  if (runs.length === 0) return null;
  const score = (r: Run): [number, number, number] => [r.starts.length === promised ? 1 : 0, r.starts.length, weight(blocks, r)];
  return runs.reduce((best, r) => {
    const [a, b] = [score(r), score(best)];
    return a[0] !== b[0] ? (a[0] > b[0] ? r : best) : a[1] !== b[1] ? (a[1] > b[1] ? r : best) : a[2] > b[2] ? r : best;
  });
}
