/**
 * A pinned structure (`stackradar sources set URL --entries SELECTOR`): each element the selector
 * matches starts an entry, which runs to the next match. A heading names its entry as a heading does, a
 * list item as discovery reads list items, anything else by its leading bold text or link, else its text.
 */
import type { AnyNode, Element } from 'domhandler';
import { isElement, textOf, type Block } from './parse-blocks.js';
import { blockText, textLength, type Candidate, type CandidateContext } from './parse-candidate.js';
import { absorb, openDraft, type Draft } from './parse-draft.js';
import { itemEntry } from './parse-lists.js';
import { headingName } from './parse-runs.js';

function contains(el: Element, node: AnyNode): boolean {
  for (let n: AnyNode | null = node; n; n = n.parent) if (n === el) return true;
  return false;
}

/** The block an element starts: the first block holding it or held by it. */
function blockIndexOf(blocks: Block[], el: Element, from: number): number {
  for (let i = from; i < blocks.length; i++) {
    if (blocks[i]?.nodes.some((n) => contains(el, n) || (isElement(n) && contains(n, el)))) return i;
  }
  return -1;
}

function nameOf(el: Element): ReturnType<typeof headingName> {
  const lead = el.children.find((c) => isElement(c) && ['strong', 'b', 'a'].includes(c.name));
  return headingName(textOf(lead && lead === el.children.find((c) => isElement(c) || c.type === 'text') ? lead : el, true).slice(0, 120));
}

export function pinnedCandidate(matches: Element[], blocks: Block[], selector: string, ctx: CandidateContext): Candidate {
  const drafts: Draft[] = [];
  const inside = new Set<Block>();
  let covered = 0;
  let from = 0;
  const starts = matches.map((el) => {
    const at = blockIndexOf(blocks, el, from);
    if (at >= 0) from = at;
    return at;
  });
  matches.forEach((el, k) => {
    const start = starts[k] ?? -1;
    if (start < 0) return;
    const next = starts.slice(k + 1).find((s) => s !== undefined && s > start) ?? blocks.length;
    if (el.name === 'li') {
      const { draft, body } = itemEntry(el, ctx);
      drafts.push(draft);
      covered += textLength(body);
      return;
    }
    const head = blocks[start];
    if (!head) return;
    const name = nameOf(el);
    const d = openDraft(name.name, head.kind === 'heading' ? head.level : null, name.hint, head, name.alias);
    inside.add(head);
    const rest = head.kind === 'para' ? blockText(head).slice(textOf(el).length).replace(/^[\s:–—-]+/, '') : '';
    if (rest) absorb(d, { kind: 'para', text: rest, nodes: [] });
    for (const b of blocks.slice(start + 1, next)) {
      absorb(d, b);
      inside.add(b);
    }
    covered += textLength(d.blocks);
    drafts.push(d);
  });
  return {
    kind: 'pinned', selector, level: null, drafts, outside: blocks.filter((b) => !inside.has(b)), groups: new Map(), stated: new Map(),
    start: Math.max(0, starts.find((s) => s >= 0) ?? 0), covered,
  };
}
