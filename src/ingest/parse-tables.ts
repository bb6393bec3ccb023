/**
 * Entries written as table rows ("| Name | Language | Description |"), or as columns of a table that
 * compares them ("| | Selenium | Cypress |" with a row per aspect). The name column is the one whose
 * header says so ("Name", "Framework", "Library", …), else the first; the other columns are read by
 * their headers: a language, a description, pros, cons, users.
 */
import { isTag, isText, type Element } from 'domhandler';
import { cellItems, textOf, type Block } from './parse-blocks.js';
import { selectorOf, type Candidate } from './parse-candidate.js';
import { openDraft, type Draft } from './parse-draft.js';
import { labelOf, listedUsers } from './parse-labels.js';
import { headingName } from './parse-runs.js';
import { LANGUAGE_HEADER, namedLanguage } from './language.js';

type TableBlock = Extract<Block, { kind: 'table' }>;

const NAME_HEADER = /^(?:name|frameworks?|librar(?:y|ies)|tools?|orms?|databases?|db|projects?|packages?|engines?|generators?|products?|solutions?|options?|providers?|services?|apps?|applications?|vendors?|platforms?|distros?|distributions?|editors?|clients?|brokers?|brands?|models?|software|programs?)$/i;
const DESCRIPTION_HEADER = /^(?:description|summary|about|what is it|overview|notes?)$/i;
const EMPTY_CELL = /^(?:-+|—|n\/a|none|\?)?$/i;

interface Column {
  header: string;
  /** The cells under the header, one per entry, with their elements. */
  cells: Array<{ text: string; el: Element | undefined }>;
}

interface Entry {
  name: string;
  hint: string | null;
  alias: string | null;
  el: Element | undefined;
  facts: Column[];
}

const itemsOf = (text: string, el: Element | undefined): string[] => (el ? cellItems(el) : [text]);

function draftOf(entry: Entry): { draft: Draft; language: string | null; covered: number } {
  const nodes = entry.el ? [entry.el] : [];
  const draft = openDraft(entry.name, null, entry.hint, { kind: 'para', text: entry.name, nodes }, entry.alias);
  let language: string | null = null;
  let covered = entry.name.length;
  let longest = '';
  for (const { header, cells } of entry.facts) {
    const text = cells[0]?.text ?? '';
    const el = cells[0]?.el;
    if (EMPTY_CELL.test(text)) continue;
    covered += text.length;
    if (el) draft.blocks.push({ kind: 'para', text, nodes: [el] });
    const label = labelOf(`${header}:`);
    if (LANGUAGE_HEADER.test(header)) language ??= namedLanguage(text);
    else if (DESCRIPTION_HEADER.test(header)) draft.description ??= text;
    else if (label === 'pros' || label === 'features') draft.pros = [...(draft.pros ?? []), ...itemsOf(text, el)];
    else if (label === 'cons') draft.cons.push(...itemsOf(text, el));
    else if (label === 'users') draft.notableUsers.push(...listedUsers(text));
    else if (text.length > longest.length && /\s\S+\s/.test(text)) longest = text;
  }
  draft.description ??= longest || null;
  return { draft, language, covered };
}

function candidateOf(block: TableBlock, index: number, entries: Entry[], selector: string, blocks: Block[]): Candidate {
  const stated = new Map<Draft, string>();
  const drafts: Draft[] = [];
  let covered = 0;
  for (const e of entries) {
    const { draft, language, covered: n } = draftOf(e);
    drafts.push(draft);
    if (language) stated.set(draft, language);
    covered += n;
  }
  return { kind: 'table', selector, level: null, drafts, outside: blocks.filter((b) => b !== block), groups: new Map(), stated, start: index, covered };
}

const fits = (name: string): boolean => name.length > 0 && name.length <= 50 && name.split(/\s+/).length <= 6;

/** Each row an entry, named by the name column. */
function byRows(block: TableBlock): Entry[] {
  const [header = [], ...rows] = block.cells;
  const headers = header.map((_, i) => block.rows[0]?.[i] ?? '');
  const nameAt = Math.max(0, headers.findIndex((h) => NAME_HEADER.test(h.trim())));
  return rows.flatMap((row, r): Entry[] => {
    const texts = block.rows[r + 1] ?? [];
    const { name, hint, alias } = headingName(texts[nameAt] ?? '');
    if (!fits(name)) return [];
    const facts = headers.flatMap((h, i): Column[] => (i === nameAt ? [] : [{ header: h, cells: [{ text: texts[i] ?? '', el: row[i] }] }]));
    return [{ name, hint, alias, el: row[nameAt], facts }];
  });
}

/** Each column an entry, named by its header; the first column names the aspects. */
function byColumns(block: TableBlock): Entry[] {
  const [header = []] = block.cells;
  // "| Provider | Price | Servers |": a first header that names what the rows are says the rows are the entries.
  if (NAME_HEADER.test((block.rows[0]?.[0] ?? '').trim())) return [];
  return header.slice(1).flatMap((el, j): Entry[] => {
    const { name, hint, alias } = headingName(block.rows[0]?.[j + 1] ?? '');
    if (!fits(name)) return [];
    const facts = block.rows.slice(1).map((r, i): Column => ({ header: r[0] ?? '', cells: [{ text: r[j + 1] ?? '', el: block.cells[i + 1]?.[j + 1] }] }));
    return [{ name, hint, alias, el, facts }];
  });
}

/** A cell that is one link and nothing else ("[Numpy](#numpy)"). */
function isLinkCell(td: Element | undefined, text: string): boolean {
  const link = td?.children.find(isTag);
  return link?.name === 'a' && textOf(link) === text && td?.children.every((c) => c === link || (isText(c) && !c.data.trim())) === true;
}

/** A grid of links under category headers ("| Widely used | Task oriented |"): each cell an entry, row by row. */
function byGrid(block: TableBlock): Entry[] {
  const body = block.cells.slice(1).flatMap((row, r) => row.map((td, i) => ({ td, text: block.rows[r + 1]?.[i] ?? '' }))).filter((c) => c.text !== '');
  if ((block.cells[0]?.length ?? 0) < 2 || body.length < 4 || !body.every((c) => isLinkCell(c.td, c.text))) return [];
  return body.flatMap(({ td, text }): Entry[] => {
    const { name, hint, alias } = headingName(text);
    return fits(name) ? [{ name, hint, alias, el: td, facts: [] }] : [];
  });
}

export function tableCandidates(blocks: Block[]): Candidate[] {
  const out: Candidate[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'table' || block.rows.length < 2) return;
    const rows = byRows(block);
    if (rows.length >= 2) out.push(candidateOf(block, index, rows, selectorOf(block.cells[1]?.[0]?.parent as Element | undefined), blocks));
    const columns = byColumns(block);
    if (columns.length >= 2 && block.rows.length >= 3) out.push(candidateOf(block, index, columns, selectorOf(block.cells[0]?.[1]), blocks));
    const grid = byGrid(block);
    if (grid.length >= 4) out.push(candidateOf(block, index, grid, selectorOf(block.cells[1]?.[0]), blocks));
  });
  return out;
}
