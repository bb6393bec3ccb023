/**
 * Finds the framework entries (and the other labelled lists) in an article's blocks: every structure
 * the article could use is a candidate (parse-candidate.ts), parse-score.ts picks one and says how sure
 * it is, and the chosen candidate's drafts become entries.
 */
import type { AnyNode, Element } from 'domhandler';
import type { ArticleEntry, ArticleLink, ArticleSection, ParseDecision } from '../domain/article.js';
import { isElement, textOf, type Block } from './parse-blocks.js';
import { casingOf } from './parse-casing.js';
import { blockText, selectorOf, textLength, type Candidate, type CandidateContext } from './parse-candidate.js';
import { absorb, barePros, descriptionOf, openDraft, type Draft } from './parse-draft.js';
import { listedUsers } from './parse-labels.js';
import { listCandidates, mentionDrafts } from './parse-lists.js';
import { pinnedCandidate } from './parse-pinned.js';
import { LINE_HEADING_LEVEL, lineHeadings } from './parse-lines.js';
import { headingRuns, type Run } from './parse-runs.js';
import { decide, scoreCandidate, withSummaries } from './parse-score.js';
import { nameTokens, sameFramework, sameTokens, segmentByOpenings } from './parse-segment.js';
import { tableCandidates } from './parse-tables.js';
import { contextLanguage, detectLanguage, isLanguageName, LANGUAGE_HEADER, namedLanguage, titleLanguage, withoutNames } from './language.js';
import { slugify } from '../catalog/slug.js';
import { promisedCount } from './parse-meta.js';

export type LinkResolver = (nodes: AnyNode[]) => ArticleLink[];

interface EntryContext {
  title: string | null;
  promised: number | null;
  /** Framework names and aliases the caller knows (a catalog): they count as entry names and are never taken as another entry's language. */
  knownNames: readonly string[];
  isLabel: (text: string) => boolean;
  /** The elements a pinned selector matched, which win over discovery. */
  pinned?: { selector: string; matches: Element[] } | null;
}

/** "Frontend Javascript Frameworks": a line naming the group of entries that follows. */
const GROUP_LABEL = /^[\p{L}\d .#+-]{2,40}\s(?:frameworks|libraries)$/iu;

/** How often a name is written, as written, in blocks: "Mapping: AutoMapper" names what its text talks about. */
function occurrences(blocks: Block[], name: string): number {
  const word = new RegExp(`(?<![\\w.])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'g');
  let n = 0;
  for (const b of blocks) n += blockText(b).match(word)?.length ?? 0;
  return n;
}

/** "## Python", "## React": a short group heading names its language outright; a longer one must state it. */
const groupLanguage = (text: string): string | null => (text.split(/\s+/).length <= 3 ? namedLanguage(text) : contextLanguage(text));

function runCandidate(blocks: Block[], run: Run): Candidate {
  const drafts: Draft[] = [];
  const outside: Block[] = blocks.slice(0, run.starts[0]);
  const groups = new Map<Draft, string>();
  // "## Go" right above the first entry names its group as the ones between later entries do.
  const above = blocks.slice(0, run.starts[0]).findLast((b) => b.kind === 'heading');
  let group: string | null = above?.kind === 'heading' && above.level < run.level ? groupLanguage(above.text) : null;
  let covered = 0;
  run.starts.forEach((start, k) => {
    const heading = blocks[start];
    const name = run.names[k];
    if (!heading || !name) return;
    const d = openDraft(name.name, run.level, name.hint, heading, name.alias);
    covered += blockText(heading).length;
    if (group) groups.set(d, group);
    drafts.push(d);
    const body = blocks.slice(start + 1, run.starts[k + 1] ?? run.end);
    if (name.after && occurrences(body, name.after) > occurrences(body, name.name)) d.name = name.after;
    for (const b of body) {
      if ((b.kind === 'para' && GROUP_LABEL.test(b.text)) || (b.kind === 'heading' && b.level < run.level)) {
        group = groupLanguage(b.text) ?? group;
        outside.push(b);
      } else {
        absorb(d, b);
        covered += blockText(b).length;
      }
    }
  });
  outside.push(...blocks.slice(run.end));
  const first = blocks[run.starts[0] ?? 0]?.nodes[0];
  const selector = first && isElement(first) ? selectorOf(first) : `h${run.level}`;
  return { kind: 'headings', selector, level: run.level, drafts, outside, groups, stated: new Map(), start: run.starts[0] ?? 0, covered };
}

/** Entries opened by "<Name> is a … framework" paragraphs, or by a heading its paragraph describes. */
function openingsCandidate(blocks: Block[]): Candidate {
  let seg = segmentByOpenings(blocks, false);
  const complete = seg.drafts.filter((d) => d.description !== null);
  if (complete.length >= 2 && complete.filter((d) => d.pros ?? d.bareList).length * 2 >= complete.length) seg = segmentByOpenings(blocks, true);
  const drafts = seg.drafts.filter((d) => d.description !== null);
  const dropped = seg.drafts.filter((d) => d.description === null).flatMap((d) => d.blocks);
  const first = drafts[0]?.blocks[0];
  return {
    kind: 'openings', selector: 'p', level: null, drafts, outside: [...seg.outside, ...dropped], groups: new Map(), stated: new Map(),
    start: first ? blocks.indexOf(first) : 0, covered: textLength(drafts.flatMap((d) => d.blocks)),
  };
}

/** A run of entries followed by "## Others" and a list of a few more: those are entries too. */
function withMentions(c: Candidate, blocks: Block[], end: number, ctx: CandidateContext): Candidate {
  const mentions = mentionDrafts(blocks, end, ctx);
  if (!mentions) return c;
  const used = new Set(mentions.used);
  return { ...c, drafts: [...c.drafts, ...mentions.drafts], outside: c.outside.filter((b) => !used.has(b)), covered: c.covered + textLength(mentions.used) };
}

/**
 * Criteria sections that each hold the same sub-headings ("## Browser ### Axios ### Got", "## API
 * ### Axios ### Got"): the entries are those names once each, every section adding to its entry.
 */
function mergedRepeats(c: Candidate): Candidate | null {
  const merged = new Map<string, Draft>();
  const original = new Map<Draft, Draft>();
  const names = new Set(c.drafts.map((d) => slugify(d.name)));
  // "### Axios, Superagent, Node-Fetch": one section on several entries is none of its own.
  const grouped = (d: Draft): boolean => {
    const parts = d.name.split(/\s*,\s*|\s+(?:and|&)\s+/);
    return parts.length >= 2 && parts.every((p) => names.has(slugify(p)));
  };
  for (const d of c.drafts) {
    if (grouped(d)) continue;
    const slug = slugify(d.name);
    const first = merged.get(slug);
    if (!first) {
      const copy = { ...d, pros: d.pros && [...d.pros], cons: [...d.cons], notableUsers: [...d.notableUsers], blocks: [...d.blocks] };
      merged.set(slug, copy);
      original.set(copy, d);
      continue;
    }
    first.blocks.push(...d.blocks.slice(1));
    if (d.pros) first.pros = [...(first.pros ?? []), ...d.pros];
    first.cons.push(...d.cons);
    first.notableUsers.push(...d.notableUsers);
    first.description ??= d.description;
  }
  if (merged.size < 2 || merged.size * 2 > c.drafts.length) return null;
  const remap = (m: Map<Draft, string>): Map<Draft, string> =>
    new Map([...merged.values()].flatMap((d): Array<[Draft, string]> => {
      const value = m.get(original.get(d) as Draft);
      return value === undefined ? [] : [[d, value]];
    }));
  return { ...c, drafts: [...merged.values()], groups: remap(c.groups), stated: remap(c.stated) };
}

/**
 * The links written with their host: a relative link ("./spring-boot-app") leads within the article's own
 * site or repository, never to an entry's own site, wherever the article is served from.
 */
function absoluteLinks(nodes: AnyNode[]): Element[] {
  const links: Element[] = [];
  const visit = (n: AnyNode): void => {
    if (!isElement(n)) return;
    if (n.name === 'a' && /^https?:\/\//i.test(n.attribs.href ?? '')) links.push(n);
    else n.children.forEach(visit);
  };
  nodes.forEach(visit);
  return links;
}

/** "[Node test runner](https://nodejs.org/api/test.html)": what the article itself links by a short name is a name. */
function linkedNames(blocks: Block[]): Set<string> {
  const texts = absoluteLinks(blocks.flatMap((b) => b.nodes)).map((a) => textOf(a));
  return new Set(texts.filter((text) => text && text.length <= 40 && text.split(/\s+/).length <= 5).map(slugify));
}

function candidatesOf(blocks: Block[], ctx: CandidateContext): Candidate[] {
  const lines = lineHeadings(blocks);
  const named = new Set([...ctx.known, ...linkedNames(blocks)]);
  const all = [
    ...headingRuns(blocks, named).map((run) => withMentions(runCandidate(blocks, run), blocks, run.end, ctx)),
    ...(lines ? headingRuns(lines, ctx.known, [LINE_HEADING_LEVEL]).map((run) => ({ ...runCandidate(lines, run), selector: 'p', level: null })) : []),
    openingsCandidate(blocks),
    ...listCandidates(blocks, ctx),
    ...tableCandidates(blocks),
  ].filter((c) => c.drafts.length > 0);
  all.push(...all.flatMap((c) => (c.kind === 'headings' ? [mergedRepeats(c)].filter((m): m is Candidate => m !== null) : [])));
  // One entry is a listicle only when nothing else is: a single heading over the whole page is its title.
  const several = all.filter((c) => c.drafts.length >= 2);
  return several.length > 0 ? several : all.filter((c) => c.kind === 'openings');
}

const USERS_FACT = /\b(?:notable|used by|companies|users|who uses)\b/i;

interface TableFacts {
  languages: Map<Draft, string>;
}

/** Transposes a table so that each entry's facts sit in one row, its name first; [] when it names no entries. */
function factRows(rows: string[][], drafts: Draft[]): Array<{ draft: Draft; facts: Array<[string, string]> }> {
  const find = (cell: string | undefined): Draft | undefined => (cell ? drafts.find((d) => sameFramework(cell, d.name)) : undefined);
  const header = rows[0] ?? [];
  if (header.filter((c) => find(c)).length >= 2) {
    // Entries as columns: "| Aspect | Express | Koa |".
    return header.flatMap((cell, col) => {
      const draft = find(cell);
      return draft ? [{ draft, facts: rows.slice(1).map((r): [string, string] => [r[0] ?? '', r[col] ?? '']) }] : [];
    });
  }
  // Entries as rows: "| Framework | Language | … |".
  return rows.slice(1).flatMap((r) => {
    const draft = find(r[0]);
    return draft ? [{ draft, facts: header.map((h, col): [string, string] => [h, r[col] ?? '']) }] : [];
  });
}

/** What comparison tables state about the entries: users ("Notable companies") and languages. */
function tableFacts(blocks: Block[], drafts: Draft[]): TableFacts {
  const languages = new Map<Draft, string>();
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    for (const { draft, facts } of factRows(b.rows, drafts)) {
      for (const [label, value] of facts) {
        if (USERS_FACT.test(label)) draft.notableUsers.push(...listedUsers(value));
        const language = LANGUAGE_HEADER.test(label) ? namedLanguage(value) : null;
        if (language && !languages.has(draft)) languages.set(draft, language);
      }
    }
  }
  return { languages };
}

interface TokenizedName {
  name: string;
  tokens: string[];
}

/**
 * The names a text may mention, found through their first word: an article of thousands of entries
 * compares each entry with the few names its text holds, not with every name.
 */
function mentionIndex(names: string[]): (text: string) => TokenizedName[] {
  const byFirst = new Map<string, TokenizedName[]>();
  for (const name of new Set(names)) {
    const tokens = nameTokens(name);
    const first = tokens[0];
    if (first) byFirst.set(first, [...(byFirst.get(first) ?? []), { name, tokens }]);
  }
  // A plain split is enough to find candidates: sameTokens decides on the names' own tokens.
  return (text) => [...new Set(text.toLowerCase().split(/[^a-z0-9]+/))].flatMap((word) => byFirst.get(word.replace(/js$/, '')) ?? []);
}

/** The heading's own statement, the article's table, the entry's own words, its group, the article: in that order. */
function languageOf(d: Draft, others: string[], stated: string | undefined, fallback: string | null, group: string | undefined): string | null {
  const own = withoutNames(d.blocks.map(blockText).join('\n'), others);
  // "Svelte compiles components" says nothing of Svelte's language, unless the entry is a language ("Python").
  const stating = detectLanguage(withoutNames(own, [d.name])) ?? (isLanguageName(d.name) ? detectLanguage(own) : null);
  return (d.hint ? namedLanguage(d.hint) : null) ?? stated ?? stating ?? group ?? fallback;
}

/** "## 13.2 Top 5 Free Code Editors" over a run of entries: the count the section heading above a candidate promises. */
function sectionPromise(blocks: Block[], c: Candidate): number | null {
  for (let i = c.start - 1; i >= 0; i--) {
    const b = blocks[i];
    if (b?.kind === 'heading' && (c.level === null || b.level < c.level)) return promisedCount(b.text);
  }
  return null;
}

/**
 * What the text before the entries states for all of them: the lead right above them first ("three
 * popular libraries … in Python", where the article's opening also names other languages), else the
 * whole introduction.
 */
function introLanguage(intro: Block[]): string | null {
  const lastHeading = intro.findLastIndex((b) => b.kind === 'heading');
  const lead = lastHeading >= 0 ? intro.slice(lastHeading + 1) : [];
  const textOfAll = (bs: Block[]): string => bs.map(blockText).join('\n');
  return (lead.length > 0 ? contextLanguage(textOfAll(lead)) : null) ?? contextLanguage(textOfAll(intro));
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
): { entries: ArticleEntry[]; sections: ArticleSection[]; decision: ParseDecision } {
  const cctx: CandidateContext = { promised: ctx.promised, known: new Set(ctx.knownNames.map(slugify)), isLabel: ctx.isLabel, casing: casingOf(blocks) };
  const candidates = ctx.pinned ? [pinnedCandidate(ctx.pinned.matches, blocks, ctx.pinned.selector, cctx)].filter((c) => c.drafts.length > 0) : candidatesOf(blocks, cctx);
  const total = textLength(blocks);
  const hrefsOf = (c: Candidate, i: number): string[] => absoluteLinks(c.drafts[i]?.blocks.flatMap((b) => b.nodes) ?? []).map((a) => a.attribs.href ?? '');
  // Items that do not read as names ("Frontend development: …", a site's menu) are no entries at all.
  const ranked = withSummaries(candidates.map((c) => scoreCandidate(c, total, cctx, hrefsOf, ctx.promised === null ? sectionPromise(blocks, c) : null)))
    .filter((s) => ['headings', 'openings', 'pinned'].includes(s.candidate.kind) || (s.features.names >= 0.5 && s.features.sections < 0.5))
    .sort((a, b) => b.score - a.score);
  const decision = decide(ranked, ctx.promised);
  const chosen = ranked[0]?.candidate;
  if (!chosen) return { entries: [], sections: sectionsOf(blocks), decision };
  // The same entry written twice (a block pasted again further down) is listed once, as first written.
  const seen = new Set<string>();
  const drafts = chosen.drafts.filter((d) => !seen.has(slugify(d.name)) && seen.add(slugify(d.name)));
  barePros(drafts);
  const facts = tableFacts(blocks, drafts);
  const articleLanguage = titleLanguage(ctx.title ?? '') ?? introLanguage(blocks.slice(0, chosen.start));
  const mentioned = mentionIndex([...drafts.map((d) => d.name), ...ctx.knownNames]);
  const entries = drafts.map((d, i): ArticleEntry => {
    const own = nameTokens(d.name);
    const others = mentioned(d.blocks.map(blockText).join('\n')).filter((n) => !sameTokens(n.tokens, own)).map((n) => n.name);
    return {
      position: i + 1,
      name: d.name,
      slug: slugify(d.name),
      language: languageOf(d, others, chosen.stated.get(d) ?? facts.languages.get(d), articleLanguage, chosen.groups.get(d)),
      description: d.description === null ? null : descriptionOf(d.description),
      pros: d.pros ?? [],
      cons: d.cons,
      // "Sails.js and Nest use Express": the article's other entries build on it, they are not its users.
      notableUsers: [...new Set(d.notableUsers)].filter((u) => !drafts.some((o) => o !== d && sameFramework(u, o.name))),
      links: resolveLinks(d.blocks.flatMap((b) => b.nodes)),
      aliases: d.alias ? [d.alias] : [],
    };
  });
  return { entries, sections: sectionsOf(chosen.outside), decision };
}
