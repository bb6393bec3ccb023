/**
 * Decides whether a parse may become the current version. A `broken` parse has nothing to store (no
 * entries); a `doubtful` one has entries that may be wrong — the parser's own doubt (section titles read
 * as names, a count the title contradicts, a low confidence), or fewer entries than the title promises
 * or than half of the previous version's (a pinned parse is not held to the title's promise, but still to
 * the previous version: a redesigned page can make a pin match less). `ingest --accept` stores a doubtful
 * parse, never a broken one.
 */
import type { ParsedArticle } from '../domain/article.js';

export interface Refusal {
  status: 'broken' | 'doubtful';
  /** Why, in a few words; several reasons are joined with "; ". */
  reason: string;
}

/** Why the parse must not become current, or null when it may. */
export function refusalOf(article: ParsedArticle, previousEntryCount: number | null): Refusal | null {
  const found = article.entries.length;
  if (found === 0) return { status: 'broken', reason: 'no entries found' };
  const reasons = [article.decision.doubt];
  // A pin is the user's word for what the entries are, whatever the title promises.
  const pinned = article.decision.chosen?.structure.kind === 'pinned';
  if (!pinned && article.promisedCount !== null && found < article.promisedCount) {
    reasons.push(`found ${found} entries but the title promises ${article.promisedCount}`);
  }
  if (previousEntryCount !== null && found < previousEntryCount / 2) {
    reasons.push(`found ${found} entries, fewer than half of the previous version's ${previousEntryCount}`);
  }
  const distinct = [...new Set(reasons.filter((reason): reason is string => Boolean(reason)))];
  return distinct.length ? { status: 'doubtful', reason: distinct.join('; ') } : null;
}
