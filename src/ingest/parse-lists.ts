/**
 * Entries written as list items: "1. **React -** *Facebook*" followed by its ✅/❌ bullets, "- [Sequelize](…):
 * …", "- Koa – a smaller Express". An item's name is its leading bold text or link, else the words before
 * " – ", " - " or ":". A list split by what each item holds (numbered items with bullets between them)
 * reads as one list; so do lists under consecutive headings ("Open source", "Commercial").
 */
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { clean, flattenBlocks, isElement, textOf, type Block } from './parse-blocks.js';
import { selectorOf, textLength, type Candidate, type CandidateContext } from './parse-candidate.js';
import { absorb, openDraft, type Draft } from './parse-draft.js';
import { headingName } from './parse-runs.js';

interface Lead {
  li: Element;
  name: string;
  hint: string | null;
  alias: string | null;
  /** The bold text or link that names the item, if any (its link is the entry's). */
  leadNode: Element | null;
  /** The text the name was read from, to take off the item's first line. */
  leadText: string;
}

type ListBlock = Extract<Block, { kind: 'list' }>;

/** Up to this many lists in a row, every stretch of them is a candidate. */
const MAX_PARTED = 8;

const DECORATION = /^[\s\p{Extended_Pictographic}\uFE0F\u2022#*\d.)]*$/u;
const SEPARATED = /^(.{1,50}?)\s*(?::|\s[–—-]|\s\|)\s+\S/;

const meaningful = (n: AnyNode): boolean =>
  isTag(n) ? !['br', 'img', 'input'].includes(n.name) : isText(n) && !DECORATION.test(n.data);

/** The element holding an item's first line: its first paragraph, or the item itself. */
function firstLine(li: Element): Element {
  const first = li.children.find((c) => isTag(c) || (isText(c) && c.data.trim()));
  return first && isElement(first) && (first.name === 'p' || first.name === 'div') ? first : li;
}

/** Whether an item holds blocks after its first line. */
const hasMore = (li: Element, line: Element): boolean => li.children.slice(li.children.indexOf(line) + 1).some((c) => isTag(c) || (isText(c) && c.data.trim() !== ''));

function leadOf(li: Element): Lead | null {
  const line = firstLine(li);
  const first = line.children.find(meaningful);
  let leadText = '';
  let leadNode: Element | null = null;
  if (first && isElement(first) && ['strong', 'b', 'a', 'code'].includes(first.name)) {
    leadText = textOf(first);
    leadNode = first;
  } else {
    const m = SEPARATED.exec(textOf(line, true));
    if (m?.[1] && m[1].split(/\s+/).length <= 4) leadText = m[1];
    // "1. Robot" over its own paragraphs and lists: a short first line stands for the name.
    else if (line !== li && line.name === 'p' && hasMore(li, line) && /^[^.!?:]{1,40}$/.test(textOf(line)) && textOf(line).split(/\s+/).length <= 4) leadText = textOf(line);
  }
  const { name, hint, alias } = headingName(leadText);
  const words = name.split(/\s+/).length;
  if (!name || name.length > 50 || words > 6 || /[.!?]$/.test(name)) return null;
  return { li, name, hint, alias, leadNode, leadText };
}

/** The block an entry opens with: its name, holding the bold text or link it was read from. */
const nameBlock = (lead: Lead): Block => ({ kind: 'para', text: lead.name, nodes: lead.leadNode ? [lead.leadNode] : [] });

/** The item's own blocks, its first line without the name. */
function itemBlocks(lead: Lead, isLabel: (text: string) => boolean): Block[] {
  const blocks = flattenBlocks(lead.li, isLabel);
  const first = blocks[0];
  if (first?.kind === 'para') {
    const at = first.text.indexOf(clean(lead.leadText));
    const rest = at >= 0 ? first.text.slice(at + clean(lead.leadText).length).replace(/^[\s:,–—|-]+/, '') : first.text;
    if (rest) blocks[0] = { kind: 'para', text: rest, nodes: first.nodes };
    else blocks.shift();
  }
  return blocks;
}

interface LedList {
  index: number;
  block: ListBlock;
  leads: Lead[];
}

function ledLists(blocks: Block[]): LedList[] {
  const out: LedList[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'list' || block.lis.length === 0) return;
    const leads = block.lis.map(leadOf).filter((l): l is Lead => l !== null);
    if (leads.length * 3 >= block.lis.length * 2) out.push({ index, block, leads });
  });
  return out;
}

/**
 * Whether lists read as one list: headings between them group it ("Open source", "Commercial"), but a
 * heading before nearly every list means each list belongs to its own entry (the entry's features).
 */
function oneList(chain: LedList[], blocks: Block[]): boolean {
  const first = chain[0]?.index ?? 0;
  const last = chain.at(-1)?.index ?? 0;
  const headings = blocks.slice(first, last).filter((b) => b.kind === 'heading').length;
  return headings <= Math.floor(chain.length / 2);
}

/** Lists read together: each alone, and runs of lists of one kind not parted by a heading at `level` or above. */
function chains(lists: LedList[], blocks: Block[]): LedList[][] {
  const seen = new Set<string>();
  const out: LedList[][] = [];
  const add = (chain: LedList[]): void => {
    const key = chain.map((l) => l.index).join(',');
    if (chain.length === 0 || seen.has(key) || !oneList(chain, blocks)) return;
    seen.add(key);
    out.push(chain);
  };
  for (const l of lists) if (l.leads.length >= 2) add([l]);
  const addWithParts = (chain: LedList[]): void => {
    if (chain.length < 2) return;
    // A few lists in a row: also each stretch of them ("Open source", "Commercial", then the criteria).
    if (chain.length <= MAX_PARTED) for (let i = 0; i < chain.length; i++) for (let j = i + 2; j <= chain.length; j++) add(chain.slice(i, j));
    else add(chain);
  };
  for (let level = 1; level <= 7; level++) {
    let chain: LedList[] = [];
    lists.forEach((l, k) => {
      const prev = lists[k - 1];
      const parted = prev && (prev.block.ordered !== l.block.ordered || blocks.slice(prev.index + 1, l.index).some((b) => b.kind === 'heading' && b.level <= level));
      if (parted) {
        addWithParts(chain);
        chain = [];
      }
      chain.push(l);
    });
    addWithParts(chain);
  }
  return out;
}

/** After a one-item list (an entry split from the next by its bullets), the blocks up to the next heading are the entry's. */
function trailing(blocks: Block[], from: number, to: number): Block[] {
  const out: Block[] = [];
  for (let i = from; i < to; i++) {
    const b = blocks[i];
    if (!b || b.kind === 'heading') break;
    out.push(b);
  }
  return out;
}

function chainCandidate(chain: LedList[], blocks: Block[], ctx: CandidateContext): Candidate {
  const drafts: Draft[] = [];
  const inside = new Set<Block>();
  let covered = 0;
  chain.forEach((list, k) => {
    inside.add(list.block);
    const next = chain[k + 1]?.index ?? blocks.length;
    const after = list.block.lis.length === 1 ? trailing(blocks, list.index + 1, next) : [];
    list.leads.forEach((lead, i) => {
      const d = openDraft(lead.name, null, lead.hint, nameBlock(lead), lead.alias);
      const body = [...itemBlocks(lead, ctx.isLabel), ...(i === list.leads.length - 1 ? after : [])];
      for (const b of body) absorb(d, b);
      for (const b of after) inside.add(b);
      covered += lead.name.length + textLength(body);
      drafts.push(d);
    });
  });
  const first = chain[0];
  return {
    kind: 'list',
    selector: selectorOf(first?.leads[0]?.li),
    level: null,
    drafts,
    outside: blocks.filter((b) => !inside.has(b)),
    groups: new Map(),
    stated: new Map(),
    start: first?.index ?? 0,
    covered,
  };
}

export function listCandidates(blocks: Block[], ctx: CandidateContext): Candidate[] {
  return chains(ledLists(blocks), blocks).map((chain) => chainCandidate(chain, blocks, ctx));
}

/** "## Others", "Honorable mentions", "Other notable libraries": a heading over a few more entries, briefly. */
const MENTIONS = /^(?:others|honou?rable mentions?|notable mentions?|also worth (?:a look|mentioning)|other (?:[\w-]+ ){0,2}(?:options|alternatives|frameworks|libraries|tools|choices|contenders|[\w-]+s))$/i;

/**
 * The entries a mentions heading at `at` lists after the last full entry: its one list's items led by a
 * name and saying something of their own (a bare list of links is further reading, not entries).
 */
export function mentionDrafts(blocks: Block[], at: number, ctx: CandidateContext): { drafts: Draft[]; used: Block[] } | null {
  const heading = blocks[at];
  if (heading?.kind !== 'heading' || !MENTIONS.test(headingName(heading.text).name)) return null;
  let end = at + 1;
  while (end < blocks.length && !(blocks[end]?.kind === 'heading' && (blocks[end] as { level: number }).level <= heading.level)) end++;
  const lists = ledLists(blocks.slice(at + 1, end));
  const list = lists[0];
  if (lists.length !== 1 || !list || list.leads.length < 2 || list.leads.length !== list.block.lis.length) return null;
  const bodies = list.leads.map((lead) => itemBlocks(lead, ctx.isLabel));
  if (!bodies.every((body) => textLength(body) >= 20)) return null;
  const drafts = list.leads.map((lead, i) => {
    const d = openDraft(lead.name, null, lead.hint, nameBlock(lead), lead.alias);
    for (const b of bodies[i] ?? []) absorb(d, b);
    return d;
  });
  return { drafts, used: [heading, list.block] };
}

/** Used by a pinned selector that names list items: each item an entry, named as discovery would. */
export function itemEntry(li: Element, ctx: CandidateContext): { draft: Draft; body: Block[] } {
  const lead = leadOf(li) ?? { ...headingName(textOf(li, true)), li, leadNode: null, leadText: textOf(li, true) };
  const draft = openDraft(lead.name, null, lead.hint, nameBlock(lead), lead.alias);
  const body = itemBlocks(lead, ctx.isLabel);
  for (const b of body) absorb(draft, b);
  return { draft, body };
}
