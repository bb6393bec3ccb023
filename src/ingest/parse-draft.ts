/** An entry being read: what its blocks say about its description, pros, cons and users. */
import type { Block } from './parse-blocks.js';
import { LANGUAGE_HEADER, namedLanguage } from './language.js';
import { inlineLabel, inlineLabels, introducedLabel, introducesUsers, labelOf, listedUsers, notableUsersIn, type Label } from './parse-labels.js';

export interface Draft {
  name: string;
  /** Level of the heading that opened the entry; null for an entry opened by its first paragraph. */
  level: number | null;
  /** The language the entry's heading states ("PHP ~ Laravel"), if any. */
  hint: string | null;
  /** The abbreviation its heading gives ("Google Web Toolkit (GWT)"), if any. */
  alias: string | null;
  description: string | null;
  pros: string[] | null;
  /** Whether `pros` came from a "Pros"/"Benefits" label, which a later "Key features" list does not replace. */
  prosLabelled: boolean;
  cons: string[];
  notableUsers: string[];
  /** The first unlabelled list after the description: pros only where every entry has one of the same kind (barePros). */
  bareList: string[] | null;
  blocks: Block[];
  sawList: boolean;
  label: Label | null;
}

export function openDraft(name: string, level: number | null, hint: string | null, block: Block, alias: string | null = null): Draft {
  return {
    name, level, hint, alias, description: null, pros: null, prosLabelled: false, cons: [], notableUsers: [], bareList: null, blocks: [block],
    sawList: false, label: null,
  };
}

/** About this long, an entry's description ends at a sentence's end (README "ingest"). */
const DESCRIPTION_LENGTH = 300;

/** The first paragraph, cut at the sentence end nearest its first 300 characters. */
export function descriptionOf(text: string): string {
  if (text.length <= DESCRIPTION_LENGTH * 1.2) return text;
  const ends = [...text.slice(0, DESCRIPTION_LENGTH * 1.2).matchAll(/[.!?](?=\s)/g)].map((m) => (m.index ?? 0) + 1);
  const near = ends.filter((i) => i >= DESCRIPTION_LENGTH * 0.4).sort((a, b) => Math.abs(a - DESCRIPTION_LENGTH) - Math.abs(b - DESCRIPTION_LENGTH))[0];
  return near ? text.slice(0, near) : `${text.slice(0, DESCRIPTION_LENGTH).replace(/\s+\S*$/, '')}…`;
}

/** "Pros: a, b" and "Used by: X, Y" lines (in a paragraph or as list items): each label with what follows it. */
function labelledLines(text: string): Array<{ label: Label; rest: string }> {
  // A decision record's options: "Good, because …", "Bad, because …", "Neutral, because …".
  const judged = /^(good|bad|neutral),\s+because\s+(\S.*)$/is.exec(text);
  if (judged) return [{ label: judged[1]?.toLowerCase() === 'good' ? 'pros' : judged[1]?.toLowerCase() === 'bad' ? 'cons' : 'other', rest: judged[2] ?? '' }];
  const inline = inlineLabels(text);
  const usersLine = inlineLabel(text);
  // "Used By: X" and "Key Features: a, b" as lines of their own.
  if (inline.length === 0 && (usersLine?.label === 'users' || usersLine?.label === 'features')) inline.push(usersLine);
  return inline;
}

function absorbLabelled(d: Draft, inline: Array<{ label: Label; rest: string }>): void {
  // "Pros: Fast, small" on one line is one item, as written.
  for (const { label, rest } of inline) {
    if (label === 'users') d.notableUsers.push(...listedUsers(rest));
    else if (label === 'cons') d.cons.push(rest);
    else if (label !== 'other') d.pros = [...(d.pros ?? []), rest];
  }
}

function absorbPara(d: Draft, text: string): void {
  const inline = labelledLines(text);
  if (inline.length > 0) {
    absorbLabelled(d, inline);
    return;
  }
  const label = labelOf(text);
  if (label) {
    d.label = label;
    return;
  }
  if (d.label === 'users') {
    d.notableUsers.push(...listedUsers(text));
    d.label = null;
    return;
  }
  d.description ??= text;
  d.notableUsers.push(...notableUsersIn(text));
  if (introducesUsers(text)) d.label = 'users';
  else d.label = introducedLabel(text) ?? d.label;
}

const USED_BY_POINT = /^(?:used|trusted|relied\s+on)\s+by\s+([^.:]+)$/i;

/** "Best for: small teams": a line that opens with a short label of its own. */
const LABELLED_LINE = /^[^:.!?]{2,30}:\s+\S/;

function absorbList(d: Draft, items: string[]): void {
  // "- Pros: a, b" / "- Cons: c" / "- Best for: d": a list of labelled lines is read line by line.
  const lines = items.map(labelledLines);
  if (d.label === null && lines.some((l) => l.length > 0) && items.every((item, i) => (lines[i]?.length ?? 0) > 0 || LABELLED_LINE.test(item))) {
    for (const l of lines) absorbLabelled(d, l);
    return;
  }
  // "- **Drawbacks:**" alone in a list labels what follows, like a "Drawbacks:" line.
  const only = items.length === 1 ? labelOf(items[0] ?? '') : null;
  if (only && only !== 'other') {
    d.label = only;
    return;
  }
  d.sawList = true;
  const label = d.label;
  d.label = null;
  // "- Used by Uber, Airbnb, GitHub": a point of its own among an overview's or the pros' points.
  if (label !== 'users') d.notableUsers.push(...items.flatMap((item) => listedUsers(USED_BY_POINT.exec(item)?.[1] ?? '')));
  if (label === 'users') d.notableUsers.push(...items);
  else if (label === 'cons') d.cons.push(...items);
  else if (label === 'pros') {
    d.pros = d.prosLabelled ? [...(d.pros ?? []), ...items] : items;
    d.prosLabelled = true;
  } else if (label === 'features') {
    if (!d.prosLabelled) d.pros ??= items;
  }
  // An unlabelled list (key points, steps, features nobody called so) is kept aside: see barePros.
  else if (label === null && d.description !== null) d.bareList ??= items;
  // "- Description: Faiss is a library …": a list that states the description; any other list is not prose.
  else if (label === null && d.description === null && /^description\s*:/i.test(items[0] ?? '')) d.description = (items[0] ?? '').replace(/^description\s*:\s*/i, '') || null;
}

const SHORT_POINT = /^[^:]{1,60}$/;

/**
 * Unlabelled lists are pros only as a pattern: every entry without labelled pros has one, each point a
 * short phrase ("Simple and fast routing engine"), as in a listicle that drew its pros without a heading.
 * Lists of sentences or of "Label: explanation" points, or lists in some entries only, are not.
 */
export function barePros(drafts: Draft[]): void {
  const open = drafts.filter((d) => d.pros === null);
  if (open.length < 2 || !open.every((d) => d.bareList?.every((p) => SHORT_POINT.test(p) && p.split(/\s+/).length <= 12))) return;
  for (const d of open) d.pros = d.bareList;
}

/** "Programming language: Dart.", "- Written in: JS and TS", "Language : `Go`": the entry states its language. */
function statedLanguage(d: Draft, lines: string[]): void {
  for (const line of lines) {
    const m = /^([^:]{2,30}?)\s*:\s*(\S.{0,60})$/.exec(line);
    const value = (m?.[2] ?? '').replace(/[`.]/g, ' ').trim();
    if (m && LANGUAGE_HEADER.test(m[1] ?? '') && namedLanguage(value)) d.hint ??= value;
  }
}

/** Adds a block to an open entry. */
export function absorb(d: Draft, block: Block): void {
  d.blocks.push(block);
  if (block.kind === 'para' || block.kind === 'list') statedLanguage(d, block.kind === 'para' ? [block.text] : block.items);
  if (block.kind === 'para' && !block.code) absorbPara(d, block.text);
  else if (block.kind === 'list') absorbList(d, block.items);
  else if (block.kind === 'heading') d.label = labelOf(block.text) ?? 'other';
}
