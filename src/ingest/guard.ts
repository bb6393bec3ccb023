/** Decides whether a parse looks broken; a broken parse is never stored as the current version. */
import type { ParsedArticle } from '../domain/article.js';

/** Returns why the parse looks broken, or null when it can be stored. */
export function brokenParseReason(article: ParsedArticle, previousEntryCount: number | null): string | null {
  const found = article.entries.length;
  if (found === 0) return 'no entries found';
  if (article.promisedCount !== null && found < article.promisedCount) {
    return `found ${found} entries but the title promises ${article.promisedCount}`;
  }
  if (previousEntryCount !== null && found < previousEntryCount / 2) {
    return `found ${found} entries, fewer than half of the previous version's ${previousEntryCount}`;
  }
  return null;
}
