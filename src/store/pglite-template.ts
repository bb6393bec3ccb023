/**
 * A new embedded database starts from a tarball of an empty, migrated one, made once by `npm run build`:
 * PGlite's initdb runs in WebAssembly and takes 2–6 s on a shared machine, loading the tarball 1–1.5 s.
 * The tarball's name carries a hash of the migration journal and the PGlite version, so one made from
 * other migrations or another PGlite is never loaded: without a matching one, PGlite runs initdb as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

// The same directory from src/store (tests, tsx) and dist/store (the built CLI).
const TEMPLATE_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));
const PREFIX = 'pglite-template-';

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = path.join(entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`)), 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

function templateFile(migrationsFolder: string): string {
  const journal = readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'));
  const key = createHash('sha256').update(pgliteVersion()).update(journal).digest('hex').slice(0, 16);
  return path.join(TEMPLATE_DIR, `${PREFIX}${key}.tar.gz`);
}

/** The tarball for these migrations, if the build made one. */
export function readTemplate(migrationsFolder: string): Blob | undefined {
  const file = templateFile(migrationsFolder);
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

/**
 * @public Run by `npm run build`: writes the tarball for the current migrations (unless there) and
 * removes those of other migrations.
 */
export async function writeTemplate(migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url))): Promise<void> {
  const file = templateFile(migrationsFolder);
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  for (const old of readdirSync(TEMPLATE_DIR)) if (old.startsWith(PREFIX) && path.join(TEMPLATE_DIR, old) !== file) rmSync(path.join(TEMPLATE_DIR, old));
  if (existsSync(file)) return;
  const dataDir = path.join(tmpdir(), `stackradar-template-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const pglite = await PGlite.create(dataDir);
  try {
    await migrate(drizzle(pglite), { migrationsFolder });
    const tarball = await pglite.dumpDataDir('gzip');
    // Written under another name first: a reader never sees half a file.
    writeFileSync(`${file}.${process.pid}`, Buffer.from(await tarball.arrayBuffer()));
    renameSync(`${file}.${process.pid}`, file);
  } finally {
    await pglite.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
