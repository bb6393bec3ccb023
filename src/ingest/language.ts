/** Infers the programming language a framework is written for from the article's own words. */

interface LanguageName {
  language: string;
  /** Spellings as written in prose, matched case-sensitively as whole words. */
  spellings: string[];
  /** Too common as an ordinary word to count a bare mention ("go", "swift"). */
  ambiguous?: boolean;
}

const LANGUAGES: LanguageName[] = [
  { language: 'JavaScript', spellings: ['JavaScript', 'Javascript', 'Node.js', 'NodeJS', 'Nodejs', 'Node'] },
  { language: 'TypeScript', spellings: ['TypeScript', 'Typescript'] },
  { language: 'PHP', spellings: ['PHP'] },
  { language: 'Python', spellings: ['Python'] },
  { language: 'Ruby', spellings: ['Ruby'] },
  { language: 'Java', spellings: ['Java'] },
  { language: 'Kotlin', spellings: ['Kotlin'] },
  { language: 'Scala', spellings: ['Scala'] },
  { language: 'Elixir', spellings: ['Elixir'] },
  { language: 'Erlang', spellings: ['Erlang'] },
  { language: 'Go', spellings: ['Golang', 'Go'], ambiguous: true },
  { language: 'Rust', spellings: ['Rust'], ambiguous: true },
  { language: 'C#', spellings: ['C#', 'ASP.NET', '.NET'] },
  { language: 'F#', spellings: ['F#'] },
  { language: 'C++', spellings: ['C++'] },
  { language: 'Perl', spellings: ['Perl'] },
  { language: 'Clojure', spellings: ['Clojure'] },
  { language: 'Haskell', spellings: ['Haskell'] },
  { language: 'Swift', spellings: ['Swift'], ambiguous: true },
  { language: 'Dart', spellings: ['Dart'], ambiguous: true },
  { language: 'Crystal', spellings: ['Crystal'], ambiguous: true },
  { language: 'Lua', spellings: ['Lua'] },
  { language: 'Groovy', spellings: ['Groovy'], ambiguous: true },
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const BY_SPELLING = new Map<string, LanguageName>();
for (const l of LANGUAGES) for (const s of l.spellings) BY_SPELLING.set(s, l);

// Longest first so "Node.js" wins over "Node"; lookarounds instead of \b because of "C#", "C++", ".NET".
const NAME = `(?<![\\w.#+])(${[...BY_SPELLING.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|')})(?![\\w#+]|\\.\\w)`;

const QUALIFIERS = '(?:(?:web|backend|back-end|server-side|server side|full-stack|MVC|micro|application|development|open-source|modern|lightweight|popular)[ -])*';

/** Patterns that say what a framework is written for, strongest first. */
const TIERS: RegExp[] = [
  new RegExp(
    [
      `written (?:in|with) (?:the )?${NAME}`,
      `${NAME}[- ]based\\b`,
      `based on (?:the )?${NAME}`,
      `${NAME}[ -]${QUALIFIERS}(?:micro)?frameworks?\\b`,
      `(?:framework|library) (?:for|in) ${NAME}`,
    ].join('|'),
    'g',
  ),
  new RegExp(
    [
      `(?:uses|using|built (?:with|on|in)|runs on|in) (?:the )?${NAME}`,
      `${NAME} (?:programmers?|developers?|programming language|language|code|applications?|apps?)\\b`,
    ].join('|'),
    'g',
  ),
  new RegExp(NAME, 'g'),
];

/** The language a framework is written for, as the text names or implies it; null when it says nothing. */
export function detectLanguage(text: string): string | null {
  for (let tier = 0; tier < TIERS.length; tier++) {
    const counts = new Map<string, { count: number; first: number }>();
    for (const m of text.matchAll(TIERS[tier]!)) {
      const spelling = m.slice(1).find((g) => g !== undefined);
      const lang = spelling === undefined ? undefined : BY_SPELLING.get(spelling);
      if (!lang || (tier === TIERS.length - 1 && lang.ambiguous && spelling !== 'Golang')) continue;
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
