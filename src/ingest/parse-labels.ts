/**
 * The labels inside an entry ("Pros:", "Drawbacks", "Used By:") and the notable users an entry names in
 * its prose ("used in production by A, B and C.", "A, B, and C use this framework.").
 */

export type Label = 'pros' | 'features' | 'cons' | 'users' | 'other';

const LABELS: Array<[RegExp, Label]> = [
  // Also as written in Spanish, Portuguese, French and German listicles ("Ventajas", "Vantagens", "Avantages", "Vorteile").
  [/^(?:the\s+)?(?:pros?|advantages|benefits|strengths?|highlights|ventajas|vantagens|avantages|vorteile)(?:\s+of\s+.{1,40})?\s*[:.]?$/i, 'pros'],
  [/^(?:why\s+(?:use|choose)\s+.{1,40})\s*[:?]?$/i, 'pros'],
  [/^(?:key\s+|main\s+|core\s+)?features(?:\s+of\s+.{1,40})?\s*:?$/i, 'features'],
  [/^(?:the\s+)?(?:cons?|disadvantages|drawbacks|weakness(?:es)?|limitations|downsides|desventajas|desvantagens|inconv[ée]nients|nachteile)(?:\s+of\s+.{1,40})?\s*[:.]?$/i, 'cons'],
  [
    /^(?:used\s+by|notable\s+users|who\s+uses\s+(?:it|.{1,30})|(?:(?:some|the|other)\s+)?(?:(?:popular|notable|famous|big|well-known|top|major)\s+)*(?:companies|websites|sites|brands|apps|organi[sz]ations)\s+(?:using|that\s+use|built\s+with|powered\s+by)\s+.{1,40})\s*[:?]?$/i,
    'users',
  ],
];

/** Emoji and marks around a label ("Pros 👍", "✅ Advantages", "Pros :-"). */
const LABEL_DECORATION = /^[\s\p{Extended_Pictographic}\uFE0F*_#]+|[\s\p{Extended_Pictographic}\uFE0F*_]+$|\s*:-$/gu;

/** What a short labelling line introduces; 'other' for any other "Something:" line, null for prose. */
export function labelOf(text: string): Label | null {
  const bare = text.replace(LABEL_DECORATION, '').replace(/\s+:$/, ':');
  for (const [re, label] of LABELS) if (re.test(bare)) return label;
  return /^[^.!?:]{1,30}:$/.test(bare) && bare.split(/\s+/).length <= 4 ? 'other' : null;
}

const INLINE_LABEL = /(?:^|\s)((?:pros?|cons?|advantages|disadvantages|ventajas|desventajas|vantagens|desvantagens|benefits|drawbacks|limitations|weaknesses|strengths|downsides|used\s+by|notable\s+users)\s*:)\s+/gi;

/** "Pros: a, b Cons: c" in one paragraph: each label with what follows it, up to the next label. */
export function inlineLabels(text: string): Array<{ label: Label; rest: string }> {
  const marks = [...text.matchAll(INLINE_LABEL)];
  if (marks.length === 0 || (marks[0]?.index ?? 1) > 0) return [];
  return marks.flatMap((m, i) => {
    const label = labelOf(m[1] ?? '');
    const rest = text.slice((m.index ?? 0) + m[0].length, marks[i + 1]?.index ?? text.length).trim();
    return label && label !== 'other' && rest ? [{ label, rest }] : [];
  });
}

/** "Used By: Instagram, Spotify" in one paragraph: the label and what follows it. */
export function inlineLabel(text: string): { label: Label; rest: string } | null {
  const m = /^([^:]{2,40}):\s+(\S.*)$/.exec(text);
  if (!m) return null;
  const label = labelOf(`${m[1]}:`);
  return label && label !== 'other' ? { label, rest: m[2] ?? '' } : null;
}

const NAME_WORD = "(?:[A-Z0-9][\\w.'’&+-]*|of|de)";
const NAME = `(?:the\\s+)?${NAME_WORD}(?:\\s+${NAME_WORD})*`;
/** A run of names: "Accenture, IBM and Uber", "GoDaddy, Symantec, IBM". */
const AND = '(?:and|&|as\\s+well\\s+as)';
const NAMES_AT_START = new RegExp(`^(${NAME}(?:\\s*,\\s*(?:and\\s+|&\\s+)?${NAME}|\\s+${AND}\\s+${NAME})*)`);
const NAMES_AT_END = new RegExp(`(${NAME}(?:\\s*,\\s*(?:and\\s+|&\\s+)?${NAME}|\\s+${AND}\\s+${NAME})*)\\s*$`);
const NAME_SEPARATOR = new RegExp(`\\s*,\\s*(?:and\\s+|&\\s+)?|\\s+${AND}\\s+`);

/** Phrases after which a list of users follows; `loose` ones need two names or more ("companies like Facebook or Google do not…"). */
const BEFORE_USERS: Array<{ re: RegExp; loose?: boolean }> = [
  { re: /\b(?:websites?|sites|companies|brands|organi[sz]ations|businesses|users|apps|applications|projects|customers|products)\b[^.:]*?\b(?:include|includes|including)\b\s*:?\s*/i },
  {
    re: /\bused\s+(?:in\s+production\s+)?by\s+(?:(?:their|its|some|many|big|large|several|popular|famous|major|notable|tech|well-known)\s+)*(?:(?:companies|giants|brands|names|organi[sz]ations|businesses|websites|sites)\s+)?(?:such\s+as|like|including)?\s*:?\s*/i,
  },
  { re: /\bpopular\s+(?:amongst|among|with)\s+/i, loose: true },
  { re: /\b(?:companies|names|websites|sites|products|brands)\s+(?:such\s+as|like)\s+|\bsuch\s+(?:companies|names|brands)\s+as\s+/i, loose: true },
];
/** Phrases that follow a list of users. */
const AFTER_USERS = [
  /\s+(?:are|were)\s+(?:some\s+(?:of\s+the\s+)?|among\s+the\s+|the\s+|primary\s+|notable\s+|big\s+)*(?:companies|users|customers|names)\s+(?:using|of|that\s+use)\b/i,
  /\s+(?:are|were)\s+(?:primary\s+|notable\s+|big\s+)?users\s+of\b/i,
  /\s+(?:all\s+)?(?:use|uses|used)\s+(?:it|this|them|the\s+framework|[A-Z][\w.]*)\b/,
  /\s+(?:are|were)\s+(?:written|built|made|developed)\s+(?:using|with|on|in)\b/i,
];

const sentences = (text: string): string[] => text.split(/(?<=[.!?])\s+(?=[A-Z"“*])/);

/** Trailing words that end a name list without being a name: "IBM itself", "Uber, and many other companies". */
const cleanName = (s: string): string =>
  s.replace(/^the\s+/, '').replace(/\s+(?:itself|themselves|etc)\.?$/i, '').replace(/[.;:,]+$/, '').trim();

function splitNames(list: string): string[] {
  return list
    .split(NAME_SEPARATOR)
    .map(cleanName)
    .filter((n) => n.length > 0 && /^[A-Z0-9]/.test(n));
}

/** Capitalised words that open a sentence without naming anyone ("Everyone uses it"). */
const NOBODY = /^(?:it|this|that|these|those|everyone|everybody|nobody|no one|anyone|someone|he|she|they|we|you|i|people|developers|teams|companies|many|most|some|users|one)$/i;

/** "Netflix uses it for its internal crisis management.": one name opening the sentence. */
const ONE_USER = /^((?:[A-Z0-9][\w.'’&+-]*)(?:\s+[A-Z][\w.'’&+-]*){0,2})\s+(?:uses|used)\s+(?:it|this\s+framework)\b/;

function usersIn(sentence: string): string[] {
  const one = ONE_USER.exec(sentence)?.[1];
  if (one && !NOBODY.test(one)) return [one];
  for (const { re, loose } of BEFORE_USERS) {
    const m = re.exec(sentence);
    if (!m) continue;
    const names = splitNames(NAMES_AT_START.exec(sentence.slice(m.index + m[0].length))?.[1] ?? '');
    if (names.length > (loose ? 1 : 0)) return names;
  }
  for (const re of AFTER_USERS) {
    const m = re.exec(sentence);
    if (!m) continue;
    const before = sentence.slice(0, m.index).replace(/^.*\b(?:such\s+as|like|including)\s+/i, '');
    const names = NAMES_AT_END.exec(before)?.[1];
    if (names && /[,&]|\sand\s/.test(names)) return splitNames(names);
  }
  return [];
}

/** "Verizon, a US-based telecommunications company, and …": what a name is, said after it, is no name. */
const APPOSITIVE = /,\s+an?\s+[^,.;]{1,80}?(?=,|\s+and\s|[.;]|$)/g;

/** Users named in a paragraph, each list cut at its sentence's end; asides in parentheses do not cut a list. */
export function notableUsersIn(text: string): string[] {
  return sentences(text.replace(/\s*\([^)]{0,40}\)/g, '').replace(APPOSITIVE, '')).flatMap(usersIn);
}

/** Users listed after a "Used By:" label: everything comma-separated, as written. */
export function listedUsers(text: string): string[] {
  return text
    .split(/\s*[,;]\s*|\s+and\s+/)
    .map(cleanName)
    .filter(Boolean);
}

/** "Some examples … include:" with the list in the next block. */
export const introducesUsers = (text: string): boolean =>
  /\b(?:include|includes|including|used by|such as|like)\s*:\s*$/i.test(text) && /\b(?:websites?|sites|companies|users|brands|businesses)\b/i.test(text);

const INTRODUCED: Array<[RegExp, Label]> = [
  [/\b(?:disadvantages|drawbacks|cons|limitations|downsides|weaknesses|shortcomings)\b/i, 'cons'],
  [/\b(?:advantages|benefits|pros|strengths)\b/i, 'pros'],
  [/\b(?:features|capabilities)\b/i, 'features'],
];

/** "Some of the key features of Pinpoint include:": a sentence that introduces the list below it, and what the list is. */
export function introducedLabel(text: string): Label | null {
  const last = sentences(text).at(-1) ?? '';
  if (!/:\s*$/.test(last) || last.split(/\s+/).length > 25) return null;
  return INTRODUCED.find(([re]) => re.test(last))?.[1] ?? null;
}
