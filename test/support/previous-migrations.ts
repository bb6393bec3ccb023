/**
 * A database as an older release left it: migrated up to a given migration of drizzle/ and seeded with
 * rows, so that a test can run the current CLI on it and check that the newer migrations lose nothing.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { TestDatabase } from './stores.js';

const DRIZZLE = fileURLToPath(new URL('../../drizzle/', import.meta.url));

/** A copy of drizzle/ that stops at the migration tagged `last`. */
function migrationsUpTo(last: string): { folder: string; remove: () => void } {
  const folder = mkdtempSync(path.join(tmpdir(), 'stackradar-migrations-'));
  mkdirSync(path.join(folder, 'meta'));
  const journal = JSON.parse(readFileSync(path.join(DRIZZLE, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const upTo = journal.entries.findIndex((e) => e.tag === last);
  if (upTo < 0) throw new Error(`no migration ${last} in drizzle/`);
  journal.entries = journal.entries.slice(0, upTo + 1);
  writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const { tag } of journal.entries) copyFileSync(path.join(DRIZZLE, `${tag}.sql`), path.join(folder, `${tag}.sql`));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Migrates `database` up to the migration tagged `last` and runs `seed` (SQL) on it. */
export async function seedAtMigration(database: TestDatabase, last: string, seed: string): Promise<void> {
  const { folder: migrationsFolder, remove } = migrationsUpTo(last);
  try {
    if (database.driver === 'pglite') {
      const pglite = await PGlite.create(database.dataDir);
      await migratePglite(drizzlePglite(pglite), { migrationsFolder });
      await pglite.exec(seed);
      await pglite.close();
      return;
    }
    const client = postgres(database.databaseUrl ?? '', { max: 1, onnotice: () => {} });
    await migratePostgres(drizzlePostgres(client), { migrationsFolder });
    await client.unsafe(seed);
    await client.end({ timeout: 5 });
  } finally {
    remove();
  }
}
