/** Finds the framework entries (and the other labelled lists) in an article's blocks. */
import type { AnyNode } from 'domhandler';
import type { ArticleEntry, ArticleLink, ArticleSection } from './types.js';
import type { Block } from './parse-blocks.js';
import { absorb, openDraft, type Draft } from './parse-draft.js';
import { listedUsers } from './parse-labels.js';
import { entryRun, type Run } from './parse-runs.js';
import { sameFramework, segmentByOpenings, type Segmented } from './parse-segment.js';
import { contextLanguage, detectLanguage, withoutNames } from './language.js';
import { slugify } from './slug.js';

export type LinkResolver = (nodes: AnyNode[]) => ArticleLink[];

export interface EntryContext {
  title: string | null;
  promised: number | null;
  /** Framework names and aliases the caller knows (a catalog): they count as entry names and are never taken as another entry's language. */
  knownNames: readonly string[];
}

interface RunSegmented extends Segmented {
  /** The language each draft's group states ("Frontend Javascript Frameworks"), by draft. */
  groups: Map<Draft, string>;
}

/** "Frontend Javascript Frameworks": a line naming the group of entries that follows. */
const GROUP_LABEL = /^[\p{L}\d .#+-]{2,40}\s(?:frameworks|libraries)$/iu;

function segmentRun(blocks: Block[], run: Run): RunSegmented {
  const drafts: Draft[] = [];
  const outside: Block[] = blocks.slice(0, run.starts[0]);
  const groups = new Map<Draft, string>();
  let group: string | null = null;
  run.starts.forEach((start, k) => {
    const heading = blocks[start];
    const name = run.names[k];
    if (!heading || !name) return;
    const d = openDraft(name.name, run.level, name.hint, heading);
    if (group) groups.set(d, group);
    drafts.push(d);
    for (const b of blocks.slice(start + 1, run.starts[k + 1] ?? run.end)) {
      if (b.kind === 'para' && GROUP_LABEL.test(b.text)) {
        group = contextLanguage(b.text) ?? group;
        outside.push(b);
      } else absorb(d, b);
    }
  });
  outside.push(...blocks.slice(run.end));
  return { drafts, outside, groups };
}

function segmentByHeadlines(blocks: Block[]): Segmented {
  let seg = segmentByOpenings(blocks, false);
  const complete = seg.drafts.filter((d) => d.description !== null);
  if (complete.length >= 2 && complete.filter((d) => d.pros).length * 2 >= complete.length) seg = segmentByOpenings(blocks, true);
  const drafts = seg.drafts.filter((d) => d.description !== null);
  const dropped = seg.drafts.filter((d) => d.description === null).flatMap((d) => d.blocks);
  return { drafts, outside: [...seg.outside, ...dropped] };
}

/** A heading run when it fits the title's promise (or nothing else does); the headingless reading otherwise. */
function segment(blocks: Block[], ctx: EntryContext): RunSegmented {
  const known = new Set(ctx.knownNames.map(slugify));
  const run = entryRun(blocks, ctx.promised, known);
  const byRun = run ? segmentRun(blocks, run) : null;
  const fallback = segmentByHeadlines(blocks);
  const fits = (s: Segmented): boolean => s.drafts.length === ctx.promised;
  if (byRun && (fits(byRun) || (!fits(fallback) && byRun.drafts.length >= 3) || fallback.drafts.length === 0)) return byRun;
  return { ...fallback, groups: new Map() };
}

const blockText = (b: Block): string =>
  b.kind === 'list' ? b.items.join('\n') : b.kind === 'table' ? b.rows.map((r) => r.join(' ')).join('\n') : b.text;

/** Users named in a comparison table: a header row of entry names and a "Notable companies" row. */
function tableUsers(blocks: Block[], drafts: Draft[]): void {
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    const header = b.rows[0] ?? [];
    const columns = header.map((cell) => drafts.find((d) => sameFramework(cell, d.name)));
    if (columns.filter(Boolean).length < 2) continue;
    const row = b.rows.find((r) => /\b(?:notable|used by|companies|users|who uses)\b/i.test(r[0] ?? ''));
    row?.forEach((cell, i) => columns[i]?.notableUsers.push(...listedUsers(cell)));
  }
}

function languageOf(d: Draft, others: string[], fallback: string | null, group: string | undefined): string | null {
  const own = withoutNames(d.blocks.map(blockText).join('\n'), others);
  return (d.hint ? detectLanguage(d.hint) : null) ?? detectLanguage(own) ?? group ?? fallback;
}

function sectionsOf(blocks: Block[]): ArticleSection[] {
  const sections: ArticleSection[] = [];
  for (const b of blocks) {
    if (b.kind !== 'list') continue;
    const labelled = b.items
      .map((item) => /^([^:.!?]{1,60}?)\s*:\s+(.+)$/.exec(item))
      .filter((m): m is RegExpExecArray => m !== null && (m[1] ?? '').split(/\s+/).length <= 6);
    if (labelled.length * 2 < b.items.length) continue;
    for (const m of labelled) sections.push({ name: (m[1] ?? '').trim(), description: (m[2] ?? '').trim() });
  }
  return sections;
}

export function extractEntries(
  blocks: Block[],
  resolveLinks: LinkResolver,
  ctx: EntryContext,
): { entries: ArticleEntry[]; sections: ArticleSection[] } {
  const seg = segment(blocks, ctx);
  tableUsers(blocks, seg.drafts);
  const firstEntry = seg.drafts[0]?.blocks[0];
  const intro = blocks.slice(0, firstEntry ? blocks.indexOf(firstEntry) : 0).map(blockText).join('\n');
  const articleLanguage = contextLanguage(ctx.title ?? '') ?? contextLanguage(intro);
  const names = [...seg.drafts.map((d) => d.name), ...ctx.knownNames];
  const entries = seg.drafts.map((d, i): ArticleEntry => {
    const others = names.filter((n) => !sameFramework(n, d.name));
    return {
      position: i + 1,
      name: d.name,
      slug: slugify(d.name),
      language: languageOf(d, others, articleLanguage, seg.groups.get(d)),
      description: d.description ?? (d.blocks.slice(1).map(blockText).find(Boolean) || d.name),
      pros: d.pros ?? [],
      cons: d.cons,
      notableUsers: [...new Set(d.notableUsers)],
      links: resolveLinks(d.blocks.flatMap((b) => b.nodes)),
    };
  });
  return { entries, sections: sectionsOf(seg.outside) };
}
