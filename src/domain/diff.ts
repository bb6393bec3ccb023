/** What changed between two versions of an article, entry by entry and field by field. */
import type { ArticleEntry } from './article.js';

export type DiffEntry = Pick<ArticleEntry, 'position' | 'name' | 'slug' | 'language' | 'description' | 'pros' | 'cons' | 'notableUsers' | 'links'>;

export interface EntryChange {
  change: 'added' | 'removed' | 'changed';
  slug: string;
  framework: string;
  field: string | null;
  before: unknown;
  after: unknown;
}

const FIELDS = ['name', 'position', 'language', 'description', 'pros', 'cons', 'notableUsers', 'links'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffEntries(before: DiffEntry[], after: DiffEntry[]): EntryChange[] {
  const old = new Map(before.map((entry) => [entry.slug, entry]));
  const now = new Map(after.map((entry) => [entry.slug, entry]));
  const changes: EntryChange[] = [];
  for (const entry of after) {
    const previous = old.get(entry.slug);
    if (!previous) {
      changes.push({ change: 'added', slug: entry.slug, framework: entry.name, field: null, before: null, after: entry.position });
      continue;
    }
    for (const field of FIELDS) {
      if (!same(previous[field], entry[field])) {
        changes.push({ change: 'changed', slug: entry.slug, framework: entry.name, field, before: previous[field], after: entry[field] });
      }
    }
  }
  for (const entry of before) {
    if (!now.has(entry.slug)) {
      changes.push({ change: 'removed', slug: entry.slug, framework: entry.name, field: null, before: entry.position, after: null });
    }
  }
  return changes;
}
