/** Gives each parsed entry its catalog identity: aliases resolve to one slug, the catalog fills a missing language. */
import type { Catalog } from '../catalog/catalog.js';
import type { ParsedArticle } from '../domain/article.js';

export function resolveEntries(article: ParsedArticle, catalog: Catalog): ParsedArticle {
  return {
    ...article,
    entries: article.entries.map((entry) => {
      const known = catalog.resolve(entry.name);
      return known ? { ...entry, slug: known.slug, language: entry.language ?? known.language } : entry;
    }),
  };
}
