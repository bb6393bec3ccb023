/**
 * A candidate structure: one way of reading an article's entries (a run of headings, the items of a
 * list, the rows of a table, paragraphs that open with "<Name> is a …", or a pinned selector), with the
 * entries it would give. Discovery builds every candidate; parse-score.ts decides between them.
 */
import type { Element } from 'domhandler';
import type { StructureKind } from '../domain/article.js';
import type { Block } from './parse-blocks.js';
import type { Draft } from './parse-draft.js';
import type { Casing } from './parse-casing.js';

export interface Candidate {
  /** `openings`: entries opened by a paragraph "<Name> is a … framework" (reported as `headings`). */
  kind: StructureKind | 'openings';
  selector: string;
  level: number | null;
  drafts: Draft[];
  /** Blocks that belong to no entry. */
  outside: Block[];
  /** The language a draft's group states ("## Python Frameworks" over its entries). */
  groups: Map<Draft, string>;
  /** Languages a table states for its rows. */
  stated: Map<Draft, string>;
  /** Index of the block where the first entry starts: what comes before is the introduction. */
  start: number;
  /** Text length inside the entries, for the candidate's share of the article. */
  covered: number;
}

export interface CandidateContext {
  promised: number | null;
  /** Slugs of the names the caller knows (its catalog). */
  known: ReadonlySet<string>;
  /** Whether a short line labels a part of an entry ("Pros:", "Key Features"). */
  isLabel: (text: string) => boolean;
  /** How the article's prose writes its words, for names that are only phrases. */
  casing: Casing;
}

/** A CSS selector naming where an element sits: its tag under its parent's, e.g. `article > h3`, `ol > li`. */
export function selectorOf(el: Element | undefined): string {
  if (!el) return '';
  const parent = el.parent && 'name' in el.parent ? (el.parent as Element) : null;
  const own = el.name;
  if (!parent || parent.name === 'body' || parent.name === 'html') return own;
  const grand = parent.parent && 'name' in parent.parent ? (parent.parent as Element) : null;
  const table = own === 'tr' || own === 'td' || own === 'th';
  return table && grand ? `${grand.name} > ${parent.name} > ${own}` : `${parent.name} > ${own}`;
}

export const blockText = (b: Block): string =>
  b.kind === 'list' ? b.items.join('\n') : b.kind === 'table' ? b.rows.map((r) => r.join(' ')).join('\n') : b.text;

/** The text length of blocks: what a candidate's entries hold of the article. */
export const textLength = (blocks: readonly Block[]): number => blocks.reduce((n, b) => n + blockText(b).length, 0);
