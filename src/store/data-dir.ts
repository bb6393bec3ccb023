/**
 * The embedded database's directory, checked before anything is written: left to them, PGlite and the
 * lock file report a file, a path under a file or a missing permission as raw errors (or
 * `[object Object]`), and PGlite would create a database among any folder's files.
 *
 * A stackradar data directory is one that does not exist yet (it is created), an empty one, or one
 * PGlite initialised: that holds `PG_VERSION`, as every PostgreSQL data directory does. Anything else
 * is refused, so a mistyped `--data-dir` never writes into a folder of other files.
 */
import { accessSync, constants, readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

const problem = (dir: string, text: string) => new UsageError(`data directory ${dir}: ${text}`);

function statOf(target: string): Stats | undefined {
  try {
    return statSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** The nearest ancestor that exists (the root always does). */
function existingAncestor(dir: string): { at: string; stats: Stats } {
  let at = path.dirname(dir);
  for (;;) {
    const stats = statOf(at);
    if (stats) return { at, stats };
    at = path.dirname(at);
  }
}

const writable = (dir: string) => {
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** A directory that does not exist yet: it can be created where its nearest existing ancestor is a writable directory. */
function checkCreatable(dir: string): void {
  const { at, stats } = existingAncestor(dir);
  if (!stats.isDirectory()) throw problem(dir, `${at} is a file, not a directory`);
  if (!writable(at)) throw problem(dir, `cannot create it: permission denied in ${at}`);
}

/** Throws a one-line usage error (exit 2) naming `dir` when it cannot be, or is not, a stackradar data directory. */
export function checkDataDir(dir: string): void {
  let stats: Stats | undefined;
  try {
    stats = statOf(dir);
  } catch (error) {
    throw problem(dir, (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message);
  }
  if (!stats) return checkCreatable(dir);
  if (!stats.isDirectory()) throw problem(dir, 'is a file, not a directory');
  if (!writable(dir)) throw problem(dir, 'permission denied (it must be readable and writable)');
  // The lock file lives beside the directory (pglite-lock.ts).
  if (!writable(path.dirname(dir))) throw problem(dir, `permission denied in ${path.dirname(dir)}, where its lock file goes`);
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw problem(dir, 'is not empty and is not a stackradar data directory (it has no PG_VERSION); give a new or empty directory');
  }
}
