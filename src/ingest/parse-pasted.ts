/**
 * Text pasted into Markdown with its indentation renders as a code block; only its line breaks keep its
 * shape. Reads such a block back into paragraphs and lists: blank lines part the paragraphs, the lines
 * after a label ("Advantages:") are its items, and lines led by bullet characters ("• Pros", "○ Fast")
 * are a list however deep they were indented.
 */

export type PastedPart = { kind: 'para'; text: string } | { kind: 'list'; items: string[] };

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Bullet characters a word processor or a chat window leaves in pasted text ("-" and "*" lines in a code block are code: YAML, diffs). */
const BULLET = /^[•◦○●▪▫■□‣⁃∙·]\s+/u;

/** Prose, not code: sentences, and hardly any of code's punctuation. */
export function readsAsProse(text: string): boolean {
  const codeMarks = text.match(/[{};=<>$()[\]]/g)?.length ?? 0;
  return /[a-z]{2}[.!?]\s+[A-Z]/.test(text) && codeMarks <= text.length / 200;
}

/** "• Pros" / "○ Virtual DOM": each bullet line an item, a line naming a label ("Pros") a paragraph of its own. */
function bulletParts(lines: string[], isLabel: (text: string) => boolean): PastedPart[] {
  const parts: PastedPart[] = [];
  for (const line of lines.map((l) => l.replace(BULLET, ''))) {
    const last = parts.at(-1);
    if (isLabel(line)) parts.push({ kind: 'para', text: line });
    else if (last?.kind === 'list') last.items.push(line);
    else parts.push({ kind: 'list', items: [line] });
  }
  return parts;
}

function proseParts(raw: string): PastedPart[] {
  const chunks = raw.split(/\n\s*\n/).map((c) => c.split('\n').map(clean).filter(Boolean)).filter((c) => c.length > 0);
  const isLabel = (line: string | undefined) => line !== undefined && /:$/.test(line);
  const areItems = (lines: string[]) => lines.length > 0 && lines.every((l) => /^[\p{Lu}\d"“]/u.test(l));
  const parts: PastedPart[] = [];
  chunks.forEach((lines, i) => {
    const [first = '', ...rest] = lines;
    if (isLabel(first) && areItems(rest)) parts.push({ kind: 'para', text: first }, { kind: 'list', items: rest });
    else if (isLabel(chunks[i - 1]?.at(-1)) && areItems(lines)) parts.push({ kind: 'list', items: lines });
    else parts.push({ kind: 'para', text: lines.join(' ') });
  });
  return parts;
}

/** A paragraph (or code block) of bullet lines, as a list; null when its lines are not all bulleted. */
export function bulletedParts(raw: string, isLabel: (text: string) => boolean): PastedPart[] | null {
  const lines = raw.split('\n').map(clean).filter(Boolean);
  return lines.length >= 2 && lines.every((l) => BULLET.test(l)) ? bulletParts(lines, isLabel) : null;
}

/** The parts of a code block that holds pasted text, or null when it holds code. */
export function pastedParts(raw: string, isLabel: (text: string) => boolean): PastedPart[] | null {
  return bulletedParts(raw, isLabel) ?? (readsAsProse(clean(raw)) ? proseParts(raw) : null);
}
