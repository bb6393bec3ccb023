/** `stackradar db migrate`: apply pending migrations and say which. */
import type { Command } from 'commander';
import { createContext } from '../context.js';

export async function runMigrate(command: Command): Promise<void> {
  const context = createContext(command);
  // Opening the database applies pending migrations under the migration lock.
  await context.withStore(async (store) => {
    const applied = store.migrationsApplied;
    const what = applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'no pending migration: the schema is up to date';
    process.stderr.write(`db migrate: ${store.location}: ${what}\n`);
  });
}
