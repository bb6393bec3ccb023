/**
 * Which migrations an open applies, for `db migrate` to say. drizzle's migrator applies every journal
 * entry newer than the newest row of `drizzle.__drizzle_migrations`; the same comparison here names
 * them before they run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface JournalEntry {
  when: number;
  tag: string;
}

/** The tags of the migrations newer than `lastAppliedAt` (ms; null on a new database), oldest first. */
export function pendingMigrations(migrationsFolder: string, lastAppliedAt: number | null): string[] {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return journal.entries.filter((entry) => lastAppliedAt === null || entry.when > lastAppliedAt).map((entry) => entry.tag);
}

export const LAST_APPLIED_QUERY = 'select max(created_at)::text as last from drizzle.__drizzle_migrations';

/** Reads LAST_APPLIED_QUERY's answer; the table is missing on a database never migrated. */
export async function lastAppliedAt(query: () => Promise<{ last: string | null }[]>): Promise<number | null> {
  try {
    const [row] = await query();
    return row?.last ? Number(row.last) : null;
  } catch {
    return null;
  }
}
