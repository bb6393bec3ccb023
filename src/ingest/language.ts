/** Infers the programming language a framework is written for from the article's own words. */

interface LanguageName {
  language: string;
  /** Spellings as written in prose, matched case-sensitively as whole words. */
  spellings: string[];
  /** Runtimes, frameworks and tools whose name implies the language ("Node.js", "React", "NuGet"). */
  implied?: string[];
  /** Too common as an ordinary word to count a bare mention ("go", "swift"). */
  ambiguous?: boolean;
}

const LANGUAGES: LanguageName[] = [
  {
    language: 'JavaScript',
    spellings: ['JavaScript', 'Javascript', 'JS'],
    implied: ['Node.js', 'node.js', 'NodeJS', 'Nodejs', 'Node', 'React', 'ReactJS', 'React.js', 'Vue', 'Vue.js', 'VueJS', 'Vue 3', 'Angular', 'Svelte', 'npm'],
  },
  { language: 'TypeScript', spellings: ['TypeScript', 'Typescript'] },
  { language: 'PHP', spellings: ['PHP'] },
  { language: 'Python', spellings: ['Python'] },
  { language: 'Ruby', spellings: ['Ruby'] },
  { language: 'Java', spellings: ['Java'] },
  { language: 'Kotlin', spellings: ['Kotlin'] },
  { language: 'Scala', spellings: ['Scala'] },
  { language: 'Elixir', spellings: ['Elixir'] },
  { language: 'Erlang', spellings: ['Erlang'] },
  { language: 'Go', spellings: ['Golang', 'GoLang', 'Go'], ambiguous: true },
  { language: 'Rust', spellings: ['Rust'], ambiguous: true },
  { language: 'C#', spellings: ['C#'], implied: ['ASP.NET', '.NET', '.net', 'dotnet', 'NuGet'] },
  { language: 'F#', spellings: ['F#'] },
  { language: 'C++', spellings: ['C++'] },
  { language: 'Perl', spellings: ['Perl'] },
  { language: 'Clojure', spellings: ['Clojure'] },
  { language: 'Haskell', spellings: ['Haskell'] },
  { language: 'Swift', spellings: ['Swift'], ambiguous: true },
  { language: 'Dart', spellings: ['Dart'], implied: ['Flutter'], ambiguous: true },
  { language: 'Crystal', spellings: ['Crystal'], ambiguous: true },
  { language: 'Lua', spellings: ['Lua'] },
  { language: 'Groovy', spellings: ['Groovy'], ambiguous: true },
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const allSpellings = (l: LanguageName): string[] => [...l.spellings, ...(l.implied ?? [])];

const BY_SPELLING = new Map<string, LanguageName>();
for (const l of LANGUAGES) for (const s of allSpellings(l)) BY_SPELLING.set(s, l);
/** Spellings that stay unambiguous in any case ("javascript ecosystem"), for loosely written context. */
const BY_LOWER = new Map<string, LanguageName>();
for (const l of LANGUAGES) if (!l.ambiguous) for (const s of allSpellings(l)) if (s.length >= 3) BY_LOWER.set(s.toLowerCase(), l);

// Longest first so "Node.js" wins over "Node"; lookarounds instead of \b because of "C#", "C++", ".NET".
const NAME = `(?<![\\w.#+])(${[...BY_SPELLING.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|')})(?![\\w#+]|\\.\\w)`;

const QUALIFIERS = '(?:(?:web|backend|back-end|server-side|server side|full-stack|MVC|micro|application|development|open-source|modern|lightweight|popular)[ -])*';

/** Patterns that say what a framework is written for, strongest first. */
const PATTERNS: string[][] = [
  // "Angular 1.x used JavaScript, but later releases adopted TypeScript": the newer statement wins.
  [`(?:adopted|switched to|moved to|migrated to|rewritten in) (?:the )?${NAME}`],
  [
    `written (?:in|with) (?:the )?${NAME}`,
    `${NAME}[- ]based\\b`,
    `based on (?:the )?${NAME}`,
    `${NAME}[ -]${QUALIFIERS}(?:micro-?)?(?:frameworks?|web-frameworks?)\\b`,
    `(?:framework|library) (?:for|in) (?:the )?${NAME}`,
    // "A set of Python bindings for Qt" (not "Python, C++ and Java bindings": several languages it serves).
    `(?:set of|an?) ${NAME} (?:bindings|wrappers?)\\b`,
    `${NAME}[ -](?:[\\w-]+[ -]){0,2}(?:librar(?:y|ies)|frameworks?|components?|tools?|packages?|ORMs?|modules?)\\b`,
  ],
  [
    `(?:uses|using|built (?:with|on|in)|runs on|in) (?:the )?${NAME}`,
    `${NAME} (?:programmers?|developers?|programming language|language|code|applications?|apps?|ecosystem)\\b`,
    // "Python has a rich ecosystem of libraries …": a sentence about the language itself.
    `(?:^|[.!?]\\s+)${NAME} (?:has|offers|provides|boasts|comes with)\\b`,
  ],
  [NAME],
];

const compile = (flags: string): RegExp[] => PATTERNS.map((p) => new RegExp(p.join('|'), `${flags}d`));

/** Markup and query languages: never what a framework is written for, but they make a list of languages. */
const LISTED_BESIDE = `(${[...BY_SPELLING.keys(), 'HTML', 'CSS', 'SQL', 'Sass', 'SCSS', 'XML', 'YAML']
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|')})`;
const COORDINATION = '(?:\\s*,\\s*(?:and |or )?|\\s+(?:and|or|&|and/or)\\s+|\\s*/\\s*)';
const LISTED_AFTER = new RegExp(`^${COORDINATION}${LISTED_BESIDE}(?![\\w#+])`);
const LISTED_BEFORE = new RegExp(`(?<![\\w.#+])${LISTED_BESIDE}${COORDINATION}$`);

/**
 * "written in Java, Python, or PHP", "CSS and JavaScript-based": a list of languages states none of them;
 * nor does a category named after one ("CSS-in-JS libraries").
 */
function statesNone(text: string, m: RegExpMatchArray): boolean {
  const group = m.slice(1).findIndex((g) => g !== undefined) + 1;
  const at = m.indices?.[group];
  if (at === undefined) return false;
  const before = text.slice(Math.max(0, at[0] - 40), at[0]);
  // "using JavaScript and React" names one language twice: that still states it.
  const other = (beside: RegExpExecArray | null): boolean => beside !== null && BY_SPELLING.get(beside[1] ?? '') !== BY_SPELLING.get(m[group] ?? '');
  return other(LISTED_AFTER.exec(text.slice(at[1], at[1] + 40))) || other(LISTED_BEFORE.exec(before)) || /\w-in-$/.test(before);
}
const STRICT = compile('g');
const BARE = new RegExp(NAME, 'g');
const LOOSE = compile('gi');

function languageOf(spelling: string, loose: boolean): LanguageName | undefined {
  return BY_SPELLING.get(spelling) ?? (loose ? BY_LOWER.get(spelling.toLowerCase()) : undefined);
}

function scan(text: string, loose: boolean, tiers: number): string | null {
  const regexes = loose ? LOOSE : STRICT;
  for (let tier = 0; tier < tiers; tier++) {
    const counts = new Map<string, { count: number; first: number }>();
    for (const m of text.matchAll(regexes[tier]!)) {
      const spelling = m.slice(1).find((g) => g !== undefined);
      const lang = spelling === undefined ? undefined : languageOf(spelling, loose);
      if (!lang || (tier === PATTERNS.length - 1 && lang.ambiguous && !/^go\w+/i.test(spelling ?? ''))) continue;
      if (tier < PATTERNS.length - 1 && statesNone(text, m)) continue;
      const seen = counts.get(lang.language);
      if (seen) seen.count++;
      else counts.set(lang.language, { count: 1, first: m.index });
    }
    let best: [string, { count: number; first: number }] | undefined;
    for (const c of counts) {
      if (!best || c[1].count > best[1].count || (c[1].count === best[1].count && c[1].first < best[1].first)) best = c;
    }
    if (best) return best[0];
  }
  return null;
}

/** The language a framework is written for, as the text states it; null when it only mentions one in passing, or none. */
export function detectLanguage(text: string): string | null {
  return scan(text, false, PATTERNS.length - 1);
}

/** A label that introduces an entry's language: a table's column ("Language", "Technologie", "Lenguaje"), a "Written in:" line. */
export const LANGUAGE_HEADER = /^\s*(?:(?:programming\s+)?languages?|written\s+in|technolog(?:y|ie|ies)|tech\s+stack|lenguaje|linguagem|sprache)\s*$/i;

/** Whether a name is a programming language's own ("Python", "Golang"), not a framework that implies one ("React"). */
export function isLanguageName(name: string): boolean {
  return BY_SPELLING.get(name.trim())?.spellings.includes(name.trim()) ?? false;
}

/** A language named anywhere in a short text that stands for the entry ("Django (Python)", a "Language" cell). */
export function namedLanguage(text: string): string | null {
  // A text that is only a language's name ("Go", "Swift") names it, however common the word.
  return BY_SPELLING.get(text.trim())?.language ?? scan(text, false, PATTERNS.length);
}

/**
 * The language a whole article or group of entries is about ("5 top Go web frameworks", "the javascript
 * ecosystem"): only statements, never a bare mention, and any capitalisation of the unambiguous names.
 */
export function contextLanguage(text: string): string | null {
  // "Top Python and Ruby frameworks" is about no single language.
  const named = new Set<string>();
  for (const m of text.matchAll(BARE)) {
    const lang = m[1] === undefined ? undefined : BY_SPELLING.get(m[1]);
    if (lang) named.add(lang.language);
  }
  return named.size > 1 ? null : scan(text, true, PATTERNS.length - 1);
}

const BARE_LOOSE = new RegExp(NAME, 'gi');

/**
 * The language an article's title is about: a statement ("5 top Go web frameworks"), or the one
 * language it names ("React state management", "List of chart libraries for vue", "Golang Web");
 * TypeScript beside JavaScript ("TypeScript Node.js applications") counts as JavaScript.
 */
export function titleLanguage(title: string): string | null {
  const stated = contextLanguage(title);
  if (stated) return stated;
  const named = new Set<string>();
  for (const m of title.matchAll(BARE_LOOSE)) {
    const lang = m[1] === undefined ? undefined : languageOf(m[1], true);
    // "Go and Elixir frameworks": an ambiguous name counts when written as a name, so neither is the one language.
    if (lang && (!lang.ambiguous || /^go\w+/i.test(m[1] ?? '') || BY_SPELLING.get(m[1] ?? '') === lang)) named.add(lang.language);
  }
  if (named.size === 2 && named.has('JavaScript') && named.has('TypeScript')) return 'JavaScript';
  return named.size === 1 ? ([...named][0] ?? null) : null;
}

/** Removes other frameworks' names so "inspired by Ruby on Rails" says nothing about this one's language. */
export function withoutNames(text: string, names: Iterable<string>): string {
  let out = text;
  // The substring test skips building a RegExp for the many names the text cannot contain.
  for (const name of names) {
    if (name.length > 1 && out.includes(name)) out = out.replace(new RegExp(`(?<![\\w.])${escape(name)}(?![\\w])`, 'g'), ' ');
  }
  return out;
}
