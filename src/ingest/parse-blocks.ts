/** Turns an article's DOM into a flat, ordered sequence of headings, paragraphs and lists. */
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { bulletedParts, pastedParts, type PastedPart } from './parse-pasted.js';

export type Block =
  | { kind: 'heading'; level: number; text: string; nodes: AnyNode[] }
  /** `code`: a code block, which is never an entry's description. */
  | { kind: 'para'; text: string; nodes: AnyNode[]; code?: boolean }
  /** `lis`: the item elements, parallel to `items` (a definition list's items have none). */
  | { kind: 'list'; items: string[]; nodes: AnyNode[]; lis: Element[]; ordered: boolean }
  /** `cells`: the cell elements, parallel to `rows`. */
  | { kind: 'table'; rows: string[][]; nodes: AnyNode[]; cells: Element[][] };

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'caption',
]);

const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'label',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'br', 'img',
]);

const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'video', 'audio', 'object', 'embed',
  'button', 'input', 'select', 'textarea', 'option', 'head', 'title', 'meta', 'link', 'math', 'map',
]);

export const isElement = (n: AnyNode): n is Element => isTag(n);

const FOOTNOTE_CLASS = /(?:^|\s)(?:footnote-ref|footnotes|footnotes-sep)(?:\s|$)/;

/** A footnote's reference ("[1]" after a pro) or the notes at the end of the page: no entry's words. */
function isFootnote(el: Element): boolean {
  const role = el.attribs.role ?? '';
  if (role === 'doc-noteref' || role === 'doc-endnotes' || FOOTNOTE_CLASS.test(el.attribs.class ?? '')) return true;
  if (el.name !== 'sup') return false;
  const link = el.children.find(isTag);
  return link?.name === 'a' && /^#fn/.test(link.attribs.href ?? '');
}

const skipped = (el: Element): boolean => SKIP_TAGS.has(el.name) || isFootnote(el);

/** Collapses runs of whitespace (including &nbsp;) and drops zero-width characters. */
// JSX writes a kept space as {' '}: a page component's text holds it where a browser shows a space.
export const clean = (s: string): string =>
  s.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '').replace(/\{\s*(['"])\s*\1\s*\}/g, ' ').replace(/\s+/g, ' ').trim();

function collectText(node: AnyNode, out: string[], skipLists: boolean): void {
  if (isText(node)) {
    out.push(node.data);
    return;
  }
  if (!isElement(node) || skipped(node)) return;
  if (node.name === 'br') {
    out.push('\n');
    return;
  }
  if (skipLists && (node.name === 'ul' || node.name === 'ol')) return;
  const block = BLOCK_TAGS.has(node.name);
  if (block) out.push('\n');
  for (const c of node.children) collectText(c, out, skipLists);
  if (block) out.push('\n');
}

/** Readable text of nodes: blocks are separated rather than glued together ("MVC.Pros:Easy"). */
export function textOf(nodes: AnyNode | AnyNode[], skipLists = false): string {
  const out: string[] = [];
  for (const n of Array.isArray(nodes) ? nodes : [nodes]) collectText(n, out, skipLists);
  return clean(out.join(''));
}

function containsBlock(el: Element, memo: Map<Element, boolean>): boolean {
  const known = memo.get(el);
  if (known !== undefined) return known;
  let result = false;
  for (const c of el.children) {
    if (isElement(c) && !SKIP_TAGS.has(c.name) && (BLOCK_TAGS.has(c.name) || containsBlock(c, memo))) {
      result = true;
      break;
    }
  }
  memo.set(el, result);
  return result;
}

/** "✅ Lightweight", "• Fast": the marker is decoration, not part of the item. */
const itemText = (li: Element): string =>
  textOf(li, true).replace(/^(?:[\p{Extended_Pictographic}\u2713\u2714\u2022\u25B6\u25BA\u27A4]\uFE0F?\s*)+/u, '');

/**
 * The items a table cell holds: its list items ("<td><li>Fast</li><li>Small</li></td>"), else its lines
 * where <br> breaks them, else its whole text.
 */
export function cellItems(cell: Element): string[] {
  const lis = listElements(cell).map(itemText).filter(Boolean);
  if (lis.length > 0) return lis;
  const lines: string[] = [''];
  const walk = (node: AnyNode): void => {
    if (isText(node)) lines[lines.length - 1] += node.data.replace(/\s+/g, ' ');
    else if (isElement(node) && !skipped(node)) {
      const breaks = node.name === 'br' || BLOCK_TAGS.has(node.name);
      if (breaks) lines.push('');
      node.children.forEach(walk);
      if (breaks) lines.push('');
    }
  };
  cell.children.forEach(walk);
  // "- Fast<br>- Small": list markers typed into the cell.
  return lines.map((l) => clean(l).replace(/^[-*•]\s+/, '')).filter(Boolean);
}

/** The <li> elements of a list, also where malformed markup wraps them in <div>/<span>. */
function listElements(list: Element): Element[] {
  const lis: Element[] = [];
  for (const c of list.children) {
    if (!isElement(c)) continue;
    if (c.name === 'li') lis.push(c);
    else if (c.name !== 'ul' && c.name !== 'ol' && !SKIP_TAGS.has(c.name)) lis.push(...listElements(c));
  }
  return lis;
}

const nestedList = (li: Element): Element | undefined => li.children.filter(isElement).find((c) => c.name === 'ul' || c.name === 'ol');

function definitionItems(dl: Element): string[] {
  const items: string[] = [];
  let term: string | null = null;
  for (const c of dl.children) {
    if (!isElement(c)) continue;
    if (c.name === 'dt') term = textOf(c);
    else if (c.name === 'dd') {
      const d = textOf(c);
      if (d) items.push(term ? `${term}: ${d}` : d);
      term = null;
    }
  }
  return items;
}

function tableCells(table: Element): Element[][] {
  const rows: Element[][] = [];
  const visit = (el: Element): void => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.name === 'tr') rows.push(c.children.filter(isElement).filter((td) => td.name === 'td' || td.name === 'th'));
      else if (c.name !== 'table') visit(c);
    }
  };
  visit(table);
  return rows;
}

const HEADING = /^h[1-6]$/;

/** A list whose items hold headings ("* ### Spring") is a container of sections, not a bullet list. */
function holdsHeadings(list: Element): boolean {
  const stack: Element[] = [list];
  for (let el = stack.pop(); el; el = stack.pop()) {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (HEADING.test(c.name)) return true;
      stack.push(c);
    }
  }
  return false;
}

/**
 * A list, item by item; an item that only labels its nested list ("- **Features:**" over "  - Fast")
 * becomes that label and the nested list, as if written as a "Features:" line and a list.
 */
function pushList(blocks: Block[], list: Element, isLabel: (text: string) => boolean): void {
  let lis: Element[] = [];
  const flushItems = (): void => {
    const kept = lis.map((li) => ({ li, text: itemText(li) })).filter((x) => x.text);
    if (kept.length > 0) blocks.push({ kind: 'list', items: kept.map((x) => x.text), nodes: [list], lis: kept.map((x) => x.li), ordered: list.name === 'ol' });
    lis = [];
  };
  for (const li of listElements(list)) {
    const nested = nestedList(li);
    const label = nested ? itemText(li) : '';
    if (nested && isLabel(label)) {
      flushItems();
      blocks.push({ kind: 'para', text: label, nodes: [li] });
      pushList(blocks, nested, isLabel);
    } else lis.push(li);
  }
  flushItems();
}

const asBlocks = (parts: PastedPart[], node: Element): Block[] =>
  parts.map((p): Block => (p.kind === 'list' ? { ...p, nodes: [node], lis: [], ordered: false } : { ...p, nodes: [node] }));

const rawOf = (node: Element): string => {
  const out: string[] = [];
  collectText(node, out, false);
  return out.join('');
};

/** A code block: code, or text pasted with its indentation (parse-pasted.ts). */
function preBlocks(pre: Element, isLabel: (text: string) => boolean): Block[] {
  const parts = pastedParts(rawOf(pre), isLabel);
  if (parts) return asBlocks(parts, pre);
  const text = textOf(pre);
  return text ? [{ kind: 'para', text, nodes: [pre], code: true }] : [];
}

/** A paragraph, or the list its bullet lines make ("• Pros", "○ Fast"). */
function paraBlocks(p: Element, isLabel: (text: string) => boolean): Block[] {
  const parts = p.name === 'p' ? bulletedParts(rawOf(p), isLabel) : null;
  if (parts) return asBlocks(parts, p);
  const text = textOf(p);
  return text ? [{ kind: 'para', text, nodes: [p] }] : [];
}

/** Flattens a content root into blocks, in document order. */
export function flattenBlocks(root: Element, isLabel: (text: string) => boolean = () => false): Block[] {
  const blocks: Block[] = [];
  const memo = new Map<Element, boolean>();
  let run: AnyNode[] = [];

  const flush = (): void => {
    if (run.length === 0) return;
    const text = textOf(run);
    if (text) blocks.push({ kind: 'para', text, nodes: run });
    run = [];
  };

  const visit = (parent: Element): void => {
    for (const node of parent.children) {
      if (isText(node)) {
        run.push(node);
        continue;
      }
      if (!isElement(node) || skipped(node)) continue;
      const name = node.name;
      if (INLINE_TAGS.has(name) && !containsBlock(node, memo)) {
        run.push(node);
        continue;
      }
      flush();
      if (HEADING.test(name)) {
        const text = textOf(node);
        if (text) blocks.push({ kind: 'heading', level: Number(name[1]), text, nodes: [node] });
      } else if (name === 'figure' || name === 'figcaption') {
        // An image and its caption ("Laravel homepage") say nothing an entry is read from.
        continue;
      } else if (name === 'pre') {
        blocks.push(...preBlocks(node, isLabel));
      } else if (name === 'p' || ((name === 'div' || name === 'section') && !containsBlock(node, memo))) {
        blocks.push(...paraBlocks(node, isLabel));
      } else if (name === 'li' && !holdsHeadings(node)) {
        // An item outside any list (sloppy markup a browser keeps as is): items in a row form one list.
        const item = itemText(node);
        const last = blocks[blocks.length - 1];
        if (item && last?.kind === 'list' && last.nodes.every((n) => isElement(n) && n.name === 'li')) {
          last.items.push(item);
          last.nodes.push(node);
          last.lis.push(node);
        } else if (item) blocks.push({ kind: 'list', items: [item], nodes: [node], lis: [node], ordered: false });
      } else if ((name === 'ul' || name === 'ol') && !holdsHeadings(node)) {
        pushList(blocks, node, isLabel);
      } else if (name === 'dl') {
        const items = definitionItems(node);
        if (items.length > 0) blocks.push({ kind: 'list', items, nodes: [node], lis: [], ordered: false });
      } else if (name === 'table') {
        const cells = tableCells(node);
        if (cells.length > 0) blocks.push({ kind: 'table', rows: cells.map((r) => r.map((td) => textOf(td))), nodes: [node], cells });
      } else if (name !== 'hr') {
        visit(node);
        flush();
      }
    }
  };

  visit(root);
  flush();
  return blocks;
}
