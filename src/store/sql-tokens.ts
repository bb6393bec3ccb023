/**
 * A small PostgreSQL lexer, enough to tell what a statement names: its words and quoted identifiers
 * (escapes decoded, lowercased), string literals kept apart, comments dropped, split at `;`. The
 * read-only guards (sql-guard.ts) look at these tokens, never at raw text, so a name inside a string
 * or a comment is not mistaken for a call, and a quoted or escaped name is not missed.
 */

export interface Token {
  /** word: keyword or bare identifier; name: quoted identifier; string: any literal string; symbol: the rest. */
  kind: 'word' | 'name' | 'string' | 'symbol';
  /** Words and names lowercased with escapes decoded; strings decoded; symbols as written. */
  text: string;
}

const WORD = /[a-z_\u0080-\uffff][a-z0-9_$\u0080-\uffff]*/iy;
const NUMBER = /(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:e[+-]?\d+)?/iy;
const DOLLAR_TAG = /\$([a-z_\u0080-\uffff][a-z0-9_\u0080-\uffff]*)?\$/iy;

function match(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

/** U&"…" and U&'…': \XXXX and \+XXXXXX code points. */
function decodeUnicode(body: string): string {
  return body.replace(/\\(\\|[0-9a-f]{4}|\+[0-9a-f]{6})/gi, (_, code: string) =>
    code === '\\' ? '\\' : String.fromCodePoint(Number.parseInt(code.replace('+', ''), 16)),
  );
}

/** E'…': backslash escapes. */
function decodeEscapes(body: string): string {
  return body.replace(/\\(x[0-9a-f]{1,2}|u[0-9a-f]{4}|U[0-9a-f]{8}|[0-7]{1,3}|.)/gs, (_, code: string) => {
    if (/^[xuU]/.test(code) && code.length > 1) return String.fromCodePoint(Number.parseInt(code.slice(1), 16));
    if (/^[0-7]+$/.test(code)) return String.fromCodePoint(Number.parseInt(code, 8));
    return { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' }[code] ?? code;
  });
}

/** The end (exclusive) of a quoted run starting at `start` (on the opening quote); a doubled quote stays inside. */
function quotedEnd(text: string, start: number, quote: string, backslashes: boolean): number {
  let i = start + 1;
  while (i < text.length) {
    if (backslashes && text[i] === '\\') i += 2;
    else if (text[i] === quote && text[i + 1] === quote) i += 2;
    else if (text[i] === quote) return i + 1;
    else i += 1;
  }
  return text.length;
}

function commentEnd(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    if (text.startsWith('/*', i)) {
      depth += 1;
      i += 2;
    } else if (text.startsWith('*/', i)) {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else i += 1;
  }
  return text.length;
}

/** A quoted token at `i` (with its prefix), or undefined. */
function quoted(text: string, i: number): { token: Token; end: number } | undefined {
  const prefix = /^(u&|[ebx]|n)?(['"])/i.exec(text.slice(i, i + 3));
  if (!prefix) return undefined;
  const kind = (prefix[1] ?? '').toLowerCase();
  const quote = prefix[2] ?? "'";
  const open = i + (prefix[1]?.length ?? 0);
  if (quote === '"' && kind !== '' && kind !== 'u&') return undefined;
  const end = quotedEnd(text, open, quote, kind === 'e');
  let body = text.slice(open + 1, end - 1).replaceAll(quote + quote, quote);
  if (kind === 'u&') body = decodeUnicode(body);
  if (kind === 'e') body = decodeEscapes(body);
  return { token: quote === '"' ? { kind: 'name', text: body.toLowerCase() } : { kind: 'string', text: body }, end };
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i, i + 2);
    if (/^\s/.test(rest)) i += 1;
    else if (rest === '--') i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i) + 1;
    else if (rest === '/*') i = commentEnd(text, i);
    else {
      const literal = quoted(text, i);
      const tag = literal ? undefined : match(DOLLAR_TAG, text, i);
      const word = literal || tag ? undefined : (match(NUMBER, text, i) ?? match(WORD, text, i));
      if (literal) {
        tokens.push(literal.token);
        i = literal.end;
      } else if (tag) {
        const close = text.indexOf(tag, i + tag.length);
        const end = close === -1 ? text.length : close;
        tokens.push({ kind: 'string', text: text.slice(i + tag.length, end) });
        i = close === -1 ? text.length : close + tag.length;
      } else if (word) {
        tokens.push({ kind: /^[\d.]/.test(word) ? 'symbol' : 'word', text: word.toLowerCase() });
        i += word.length;
      } else {
        tokens.push({ kind: 'symbol', text: text[i] ?? '' });
        i += 1;
      }
    }
  }
  return tokens;
}

/** The statements of a query string, as token lists (empty statements dropped). */
export function statements(text: string): Token[][] {
  const result: Token[][] = [[]];
  for (const token of tokenize(text)) {
    if (token.kind === 'symbol' && token.text === ';') result.push([]);
    else result[result.length - 1]?.push(token);
  }
  return result.filter((statement) => statement.length > 0);
}
