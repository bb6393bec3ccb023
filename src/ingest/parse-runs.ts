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
import { namedLanguage } from './language.js';

export interface HeadingName {
  name: string;
  numbered: boolean;
  /** "PHP ~ Laravel", "Django (Python)": the language the heading itself states. */
  hint: string | null;
  /** "Google Web Toolkit (GWT)": the abbreviation the heading gives. */
  alias: string | null;
  /** "Mapping: AutoMapper": what follows a colon or dash, when it is short enough to be the name instead. */
  after: string | null;
}

export interface Run {
  level: number;
  /** Indexes of the entry headings in the block list. */
  starts: number[];
  names: HeadingName[];
  /** Index of the first block after the last entry. */
  end: number;
}

const NUMBERING = /^\s*(?:[*•]\s+)?(?:(?:no\.?|number|step|part|option|approach|alternative|choice|pick)\s*)?#?\s*\d{1,3}(?:\.\d{1,2})*\s*(?:[.):\-–—]\s*|\s+)/i;
/** Emoji and keycaps around a name ("CakePHP 🍰", "🔹 Laravel", "6️⃣"). */
const DECORATION = /^[\s\p{Extended_Pictographic}\uFE0F\u20E3\u2022\u25AA-\u25FF\u2700-\u27BF*]+|[\s\p{Extended_Pictographic}\uFE0F\u20E3\u2022\u25AA-\u25FF\u2700-\u27BF*]+$/gu;
/** A parenthesised word that tells one variant of a tool from another ("async", "legacy", "v2"). */
const QUALIFIER = /^(?:async|sync|legacy|classic|lite|beta|alpha|next|experimental|standalone|community|enterprise|v?\d[\w.]*)$/;
/** A parenthesised abbreviation: "GWT", "EF Core", "RoR". */
const ABBREVIATION = /^[A-Z][\w.+#-]{0,14}$/;

/** Words that make any heading one that organises the article ("Django vs Flask", "Final thoughts"). */
const ORGANISING =
  /\b(?:lists?|conclusions?|summary|summing|introduction|intro|overview|contents|faqs?|frequently|final|thoughts|wrap(?:ping)?|related|comments?|share|vs\.?|versus|consider(?:ations?)?|choos(?:e|ing)|select(?:ing)?|what|why|how|when|which|who|references|resources|reading|about|getting|bottom|verdict|tl;?dr|honou?rable|mentions?|other|more|alternatives|solutions|options|editors|generators|choices|contenders|recommend(?:ed|ations?)?|comparison|leave|reply|thank|thanks|setup|installation|top|best|frameworks|libraries|languages|tools)\b/i;
/** Words that organise only where no other word names something ("Top features", "Charts", but "Frappe Chart"). */
const TOPIC_WORD = /^(?:\d+|framework|language|tool|examples?|use|cases?|usage|links?|charts?|graphs?|features?|benefits?|pros|cons|advantages?|disadvantages?|drawbacks?|tables?|libraries|the|and|&|of|for|in|a|an)$/i;

/** "Chart.js", "Vue.js", "Socket.IO": one dotted product name, whatever words it holds. */
const PRODUCT_NAME = /^[\w-]+\.(?:js|ts|io|net|py|rb|php|css)$/i;

/** Whether a heading's name organises the article ("Conclusion", "Top features") rather than names a tool. */
export function isGenericName(name: string): boolean {
  if (PRODUCT_NAME.test(name)) return false;
  if (ORGANISING.test(name)) return true;
  const words = name.split(/\s+/).filter(Boolean);
  return words.some((w) => TOPIC_WORD.test(w)) && words.every((w) => TOPIC_WORD.test(w) || /^[a-z]/.test(w));
}

/** Words that title a section of a document, not a tool. */
const SECTION_TITLE = new RegExp(
  String.raw`^(?:results?|developing|development|license|licen[cs]ing|contributing|contributors?|acknowledge?ments?|credits|changelog|install(?:ation)?|usage|background|motivation|goals?|roadmap|support|sponsors?|authors?|notes?|appendix|methodology|benchmarks?|analysis|operations|test\s+models?|build\s+setup|quick\s+links|further\s+reading|see\s+also|example|demo|prerequisites|requirements|setup|getting\s+started|documentation|links|history|community|ecosystem|performance|security|scalability|learning\s+curve|popularity|pricing|key\s+(?:ideas|concepts|takeaways)|in\s+a\s+nutshell|criteria|ratings?|prologue|epilogue|preface|others|misc(?:ellaneous)?|(?:the\s+)?(?:problem|solution|challenge)s?|` +
  // A decision record's or design document's own sections ("Context and Problem Statement", "Decision
  // Drivers"), and the author's own ("My Recommendations").
  String.raw`context(?=\s+and\b|\s*$)|decisions?(?:\s+(?:drivers?|outcome|record))?|considered\s+options|consequences|status|rationale|scope|objectives?|discussion|next\s+steps|future\s+work|(?:my|our|your)\s)\b`,
  'i',
);

/** Whether a name titles a part of the article ("Results", "Conclusion", "Pros") rather than names a tool. */
export const isSectionTitle = (name: string): boolean => SECTION_TITLE.test(name.trim()) || isGenericName(name) || (labelOf(name) ?? 'other') !== 'other';

const CONNECTOR_WORD = /^(?:on|of|for|de|la|and|with|~|js|ui)$/;

/** "YARP (Yet Another Reverse Proxy)", "Bloc (Business Logic Component)": the words' initials run through the name. */
function expands(name: string, inside: string): boolean {
  const initials = inside.split(/\s+/).map((w) => w[0]?.toLowerCase() ?? '');
  if (initials.length < 2 || /\s/.test(name.trim()) || initials[0] !== name.trim()[0]?.toLowerCase()) return false;
  let at = 0;
  for (const c of initials) {
    at = name.toLowerCase().indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

const EMOJI = /\s*\p{Extended_Pictographic}/u;

const MAKER_CREDIT = /(?<=\S)\s+by\s+[A-Z0-9][\w.&!'-]*(?:\s+[A-Z][\w.&'-]*){0,2}$/;

/** An emoji after the name starts a tag ("Clerk ⭐ (BEST CHOICE)", "YARP ⭐ RECOMMENDED"): the name ends there, outside parentheses. */
function untagged(text: string): string {
  const at = text.search(EMOJI);
  const before = at > 0 ? text.slice(0, at) : '';
  return before.trim() && before.split('(').length === before.split(')').length ? before : text;
}

/** GitHub's emoji shortcodes (":star:", ":rocket:"), which a raw Markdown file keeps as text. */
const SHORTCODE = /(?:^|\s):[a-z0-9_+-]+:(?=\s|$)/g;

export function headingName(text: string): HeadingName {
  // "React -", "Koa2 :", "Django |": a separator left dangling after the name is decoration too.
  const undecorated = untagged(text.replace(SHORTCODE, ' ').replace(DECORATION, '')).replace(/\s*[:|–—-]+\s*$/, '');
  const numbered = NUMBERING.test(undecorated);
  let name = undecorated.replace(NUMBERING, '').replace(/^[*•]\s+/, '').replace(DECORATION, '');
  let hint: string | null = null;
  let alias: string | null = null;
  const tilde = /^(.{1,20}?)\s+~\s+(.+)$/.exec(name);
  if (tilde) {
    hint = tilde[1] ?? null;
    name = tilde[2] ?? name;
  }
  // "Laravel – the PHP framework for artisans", "Django (Python)": keep the name.
  const [before = name, ...rest] = name.split(/\s+[–—|-]\s+|:\s+/);
  const tail = rest.join(' ').trim();
  const after = tail && tail.split(/\s+/).length <= 3 ? tail.replace(/[.:]+$/, '') : null;
  name = before;
  const paren = /\s*\(([^)]*)\)\s*:?\s*$/.exec(name);
  if (paren) {
    const inside = paren[1]?.trim() ?? '';
    const capitals = (inside.match(/[A-Z]/g) ?? []).length;
    if (namedLanguage(inside)) hint ??= inside;
    else if ((ABBREVIATION.test(inside) && capitals >= 2) || expands(name.slice(0, paren.index), inside)) alias = inside;
    // "SQLAlchemy ORM (async)": a word that qualifies the thing stays; a category ("PHPUnit (testing)") or anything else is an aside.
    if (!QUALIFIER.test(inside)) name = name.slice(0, paren.index);
  }
  // "Pop!_OS by System76", "Visual Studio Code by Microsoft": the maker is a credit, not part of the name.
  name = name.replace(MAKER_CREDIT, '');
  name = name.replace(/[.:]+$/, '').replace(DECORATION, '').trim();
  return { name, numbered, hint, alias, after };
}

export function looksLikeEntry(h: HeadingName, text: string, known: ReadonlySet<string>): boolean {
  if (known.has(slugify(h.name))) return true;
  const { name } = h;
  const label = labelOf(text);
  // "Pros:", "Key Features:" label a part of an entry; "Grails:" is only a name followed by a colon.
  if (!name || name.length > 60 || text.trim().endsWith('?') || isSectionTitle(name) || (label && label !== 'other')) return false;
  const words = name.split(/\s+/);
  if (words.length > 5) return false;
  // One word is a name however it is written ("dimple", "nvd3"); several are when capitalised.
  return h.numbered || words.length === 1 || words.every((w) => /^[A-Z0-9.@]/.test(w) || CONNECTOR_WORD.test(w));
}

/** "## Python Frameworks" over "### Django", "### Flask": a heading that groups entries, not one that ends the list. */
const GROUP_HEADING = /^[^.!?:]{0,60}\b(?:frameworks|libraries|tools|databases|engines|orms)$/i;

/**
 * Runs of entry-like headings at one level. With `spanGroups`, headings above the level that do not
 * organise the article ("## Vue" over "### Pinia") group the entries instead of ending the run.
 */
/**
 * "## Gridsome", "## Nuxt Static Generated mode", "## Poi + vue-static", "## Saber": headings between two
 * entries that do not read as names but are no section title, label or question either are entries too.
 */
function gapsAt(blocks: Block[], level: number, known: ReadonlySet<string>): Set<number> {
  const at = blocks.flatMap((b, i) => (b.kind === 'heading' && b.level <= level ? [i] : []));
  const kindOf = (i: number): 'entry' | 'gap' | 'stop' => {
    const b = blocks[i];
    if (b?.kind !== 'heading' || b.level !== level) return 'stop';
    const h = headingName(b.text);
    if (looksLikeEntry(h, b.text, known)) return 'entry';
    const label = labelOf(b.text);
    const plain = h.name && h.name.split(/\s+/).length <= 6 && !b.text.trim().endsWith('?') && !isSectionTitle(h.name) && (!label || label === 'other');
    return plain ? 'gap' : 'stop';
  };
  const kinds = at.map(kindOf);
  const gaps = new Set<number>();
  let stretch: number[] = [];
  kinds.forEach((kind, k) => {
    if (kind === 'gap') {
      if (k > 0 && (kinds[k - 1] === 'entry' || stretch.length > 0)) stretch.push(at[k] ?? -1);
      return;
    }
    if (kind === 'entry') stretch.forEach((i) => gaps.add(i));
    stretch = [];
  });
  return gaps;
}

function runsAt(blocks: Block[], level: number, known: ReadonlySet<string>, spanGroups = false): Run[] {
  const runs: Run[] = [];
  const gaps = gapsAt(blocks, level, known);
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
    // A heading with nothing under it (a cut-off page, an empty anchor, a site's title over the article's)
    // names no entry; an empty section right before a sibling entry ("## Tkinter" over "## wxPython" and
    // its text) still does.
    const opens = (at: number): boolean => {
      const b = blocks[at];
      return b !== undefined && !(b.kind === 'heading' && b.level <= level);
    };
    const emptySibling = level > 1 && next?.kind === 'heading' && next.level === level && !next.text.startsWith(b.text) && opens(i + 2);
    const hasContent = opens(i + 1) || emptySibling;
    if (b.level === level && hasContent && (looksLikeEntry(name, b.text, known) || gaps.has(i))) {
      cur ??= { level, starts: [], names: [], end: blocks.length };
      cur.starts.push(i);
      cur.names.push(name);
    } else {
      const groups = cur && b.level < level && (spanGroups ? !isGenericName(name.name) || GROUP_HEADING.test(b.text) : GROUP_HEADING.test(b.text) && next?.kind === 'heading');
      if (!groups) close(i);
    }
  });
  close(blocks.length);
  return runs;
}

/**
 * One entry written a level below the others ("#### Django" among "### …" entries): the run at the
 * upper level with the lower level's entry-like headings joined in, where those are few.
 */
function mixedRun(blocks: Block[], upper: Run, level: number, known: ReadonlySet<string>): Run | null {
  const starts: number[] = [];
  const names: HeadingName[] = [];
  for (let i = upper.starts[0] ?? 0; i < upper.end; i++) {
    const b = blocks[i];
    if (b?.kind !== 'heading' || (b.level !== level && b.level !== level + 1)) continue;
    const name = headingName(b.text);
    const next = blocks[i + 1];
    if (b.level === level || (next && next.kind !== 'heading' && looksLikeEntry(name, b.text, known))) {
      starts.push(i);
      names.push(name);
    }
  }
  const lower = starts.length - upper.starts.length;
  return lower > 0 && lower * 3 <= starts.length ? { level, starts, names, end: upper.end } : null;
}


/**
 * "## Option 1: YARP … ## Option 4: Custom … ## Recommendation": where half the headings of a run or more are
 * numbered, unnumbered ones before the first or after the last number are the article's own sections.
 */
function numberedCore(run: Run): Run {
  const numbered = run.names.map((n) => n.numbered);
  const first = numbered.indexOf(true);
  const last = numbered.lastIndexOf(true);
  if (first < 0 || numbered.filter(Boolean).length < 2 || numbered.filter(Boolean).length * 2 < numbered.length) return run;
  if (first === 0 && last === numbered.length - 1) return run;
  return { level: run.level, starts: run.starts.slice(first, last + 1), names: run.names.slice(first, last + 1), end: run.starts[last + 1] ?? run.end };
}

/** "# flutter_concepts" over "Here are some common solutions:": a first section that only announces the others. */
function withoutLead(run: Run, blocks: Block[]): Run {
  const [first, second] = run.starts;
  if (first === undefined || second === undefined || run.starts.length < 3) return run;
  const body = blocks.slice(first + 1, second);
  const announces = body.length === 1 && body[0]?.kind === 'para' && body[0].text.trim().endsWith(':');
  return announces ? { ...run, starts: run.starts.slice(1), names: run.names.slice(1) } : run;
}

/** Every run of two or more entry-like headings, at each level, and runs mixing a level with the next. */
export function headingRuns(blocks: Block[], known: ReadonlySet<string>, levels: number[] = [1, 2, 3, 4, 5, 6]): Run[] {
  const runs: Run[] = [];
  const seen = new Set<string>();
  for (const level of levels) {
    for (const run of [...runsAt(blocks, level, known), ...runsAt(blocks, level, known, true)].map((r) => withoutLead(numberedCore(r), blocks))) {
      const key = run.starts.join(',');
      if (run.starts.length < 2 || seen.has(key)) continue;
      seen.add(key);
      runs.push(run);
      const mixed = level < 6 && levels.includes(level + 1) ? mixedRun(blocks, run, level, known) : null;
      if (mixed) runs.push(mixed);
    }
  }
  return runs;
}
