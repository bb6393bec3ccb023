/**
 * Pasted, plain-text and chat-answer articles mark entries with lines instead of headings: "Koa2 :",
 * "#10 Matplotlib", a paragraph all in bold, "1. Laravel (Best Overall)" alone in its list, or
 * "Gin: Gin is a lightweight framework …" paragraphs. These become headings one level below h6, so that
 * heading runs (parse-runs.ts) can read them.
 */
import { isText, type AnyNode } from 'domhandler';
import { clean, isElement, type Block } from './parse-blocks.js';
import { labelOf } from './parse-labels.js';
import { headingName, isSectionTitle } from './parse-runs.js';

/** The level given to a line that stands as a heading: "Koa2 :", "#10 Matplotlib", a paragraph all in bold. */
export const LINE_HEADING_LEVEL = 7;

const wholeBold = (nodes: AnyNode[]): boolean => {
  const inner = nodes.length === 1 && isElement(nodes[0]!) && nodes[0].name === 'p' ? nodes[0].children : nodes;
  const meaningful = inner.filter((n) => !(isText(n) && !n.data.trim()));
  return meaningful.length === 1 && isElement(meaningful[0]!) && ['strong', 'b'].includes(meaningful[0].name);
};

/**
 * Pasted or plain-text articles mark entries with short lines instead of headings. Returns the blocks
 * with such lines as headings one level below h6, or null when there are none.
 */
/** "Gin: Gin is a lightweight framework …": a short name, a colon, and the paragraph about it. */
const NAME_OPENING = /^([^:.!?]{1,40}?)(?:\s*:|\s+[-–—])\s+(\S[\s\S]{38,})$/;
/** The text after the name is prose: a sentence ends in it. */
const SENTENCE_END = /[.!?]["”’')\]]*(?:\s|$)/;
/** "Pandas: Data manipulation and analysis.": one line of a plain-text list. */
const LINE_OPENING = /^([^:.!?]{1,40}?)\s*:\s+(\S.{5,})$/;
/** "Step 1: …", "Title: …", "Date: …": a numbered step or a page's metadata, not a name. */
const NOT_A_NAME = /^(?:(?:step|part|option|chapter|section|phase|tip|day)\s+\d+|title|subtitle|author|date|tags?|categories|summary|description|source|update|edit|note|disclaimer|tl;?dr)$/i;

type Opening = { name: string; rest: string };

function opening(m: RegExpExecArray | null, lowercase: boolean): Opening | null {
  const name = m?.[1]?.trim() ?? '';
  const label = labelOf(`${name}:`);
  if (!m || !(lowercase || /^[\p{Lu}\d]/u.test(name)) || name.split(/\s+/).length > 4 || NOT_A_NAME.test(name)) return null;
  return (label !== null && label !== 'other') || isSectionTitle(name) ? null : { name, rest: m[2] ?? '' };
}

/** Lines that each open an entry, after a first line that may name their group ("Data Analysis" over "Pandas: …" lines). */
function lineOpenings(lines: string[]): { lead: string | null; entries: Opening[] } | null {
  const read = lines.map((l) => opening(LINE_OPENING.exec(l), true));
  const from = read[0] ? 0 : 1;
  const entries = read.slice(from).filter((o): o is Opening => o !== null);
  return entries.length > 0 && entries.length === lines.length - from ? { lead: from === 1 ? (lines[0] ?? null) : null, entries } : null;
}

/**
 * The entries a block opens, each "Name: text", as blocks: a paragraph that does, or a paragraph or a
 * list whose every line does, under a line naming their group ("1. Data Analysis" over "Pandas: …").
 */
function openingsOf(b: Block, lines: string[] | null): { blocks: Block[]; count: number } | null {
  const heading = (o: Opening): Block[] => [{ kind: 'heading', level: LINE_HEADING_LEVEL, text: o.name, nodes: [] }, { kind: 'para', text: o.rest, nodes: [] }];
  const whole = b.kind === 'para' && !b.code ? opening(NAME_OPENING.exec(b.text), false) : null;
  if (whole && !SENTENCE_END.test(whole.rest)) return null;
  if (whole) return { blocks: heading(whole).map((x) => ({ ...x, nodes: b.nodes })), count: 1 };
  if ((b.kind !== 'para' || b.code) && b.kind !== 'list') return null;
  // A list of "Name: text" items is a list candidate's to read; here only items that are a group's line over such lines.
  const parts = b.kind === 'list' ? b.lis.map((li) => lineOpenings(textLines([li]))) : [lineOpenings(lines ?? [])];
  const count = parts.reduce((n, p) => n + (p?.entries.length ?? 0), 0);
  if (count < 2 || parts.some((p) => p === null || (b.kind === 'list' && p.lead === null))) return null;
  return {
    blocks: parts.flatMap((p): Block[] => [...(p?.lead ? [{ kind: 'para' as const, text: p.lead, nodes: [] }] : []), ...(p?.entries.flatMap(heading) ?? [])]),
    count,
  };
}

export function lineHeadings(blocks: Block[]): Block[] | null {
  let found = 0;
  // A single "Note: …" is a remark; three openings or more are an article's entries.
  const paraLines = blocks.map((b) => (b.kind === 'para' ? textLines(b.nodes) : null));
  const openings = blocks.map((b, i) => openingsOf(b, paraLines[i] ?? null));
  const opened = openings.reduce((n, o) => n + (o?.count ?? 0), 0) >= 3;
  const asHeading = (text: string, nodes: AnyNode[], bold: boolean, next?: string): Block | null => {
    // "Pros:" labels a part of an entry. "Koa2 :" (a spaced colon, which labels are not written with) is a
    // name when the paragraph after it opens with it.
    const label = labelOf(text.replace(/\s*:$/, ':'));
    const named = label === 'other' && /\s:$/.test(text) && next !== undefined && next.startsWith(text.replace(/\s*:$/, ''));
    if (text.length > 60 || /[.!?,;]$/.test(text) || (label && !named)) return null;
    const marked = bold || /\S\s*:$/.test(text) || /^(?:#\s?\d{1,3}|\d{1,3}[.)]|(?:step|part)\s+\d{1,3}:)\s+\S/i.test(text);
    const { name } = headingName(text.replace(/\s*:$/, ''));
    if (!marked || !name || name.split(/\s+/).length > 5) return null;
    found++;
    return { kind: 'heading', level: LINE_HEADING_LEVEL, text: text.replace(/\s*:$/, ''), nodes };
  };
  const out = blocks.flatMap((b, i): Block[] => {
    // "1. Laravel (Best Overall)" alone in its list: a chat answer's or a note's numbered name line.
    if (b.kind === 'list' && b.ordered && b.items.length === 1) return [asHeading(b.items[0] ?? '', b.nodes, true) ?? b];
    const opens = opened ? openings[i] : null;
    if (opens) {
      found += opens.count;
      return opens.blocks;
    }
    if (b.kind !== 'para') return [b];
    const next = blocks[i + 1];
    const whole = asHeading(b.text, b.nodes, wholeBold(b.nodes), next?.kind === 'para' ? next.text : undefined);
    if (whole) return [whole];
    // A name line run into the paragraph before or after it ("… reason.\nKoa2 :", "Koa2 :\nKoa2 is …").
    const lines = paraLines[i] ?? [];
    const last = lines.length > 1 ? asHeading(lines.at(-1) ?? '', b.nodes, false) : null;
    if (last) return [{ kind: 'para', text: lines.slice(0, -1).join(' '), nodes: b.nodes }, last];
    const first = lines.length > 1 ? asHeading(lines[0] ?? '', b.nodes, false) : null;
    return first ? [first, { kind: 'para', text: lines.slice(1).join(' '), nodes: b.nodes }] : [b];
  });
  return found >= 2 ? out : null;
}

/** The lines of nodes' text, which blocks' text runs together. */
const textLines = (nodes: AnyNode[]): string[] => rawText(nodes).split(/\n/).map(clean).filter(Boolean);

/** The text of nodes with its line breaks, which blocks' text collapses. */
function rawText(nodes: AnyNode[]): string {
  const out: string[] = [];
  const visit = (n: AnyNode): void => {
    if (isText(n)) out.push(n.data);
    else if (isElement(n)) {
      if (n.name === 'br') out.push('\n');
      n.children.forEach(visit);
    }
  };
  nodes.forEach(visit);
  return out.join('');
}
