/**
 * PGlite is single-process: two processes on one directory silently lose writes. An exclusive lock
 * file beside the data directory (PID inside) keeps a second process out; a dead holder's lock is
 * cleared.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { LockedError } from '../errors.js';

export interface DirectoryLock {
  readonly file: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function lockFileFor(dataDir: string): string {
  return path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`);
}

/** Locks this process holds; a lock file with our own PID but not in here is a stale one (PID reuse). */
const heldHere = new Set<string>();

export function acquireDirectoryLock(dataDir: string): DirectoryLock {
  const file = lockFileFor(dataDir);
  if (heldHere.has(file)) {
    throw new LockedError(`the embedded database ${dataDir} is already open in this process`);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldHere.add(file);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          heldHere.delete(file);
          if (readHolder(file) === process.pid) unlinkSync(file);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
        throw new LockedError(
          `the embedded database ${dataDir} is in use by process ${holder}; ` +
            'set DATABASE_URL to use a PostgreSQL server, or read it through `stackradar db serve` / the running scheduler',
        );
      }
      // A lock left by a dead process (or half-written): remove it and try again.
      try {
        unlinkSync(file);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
    }
  }
  throw new LockedError(`could not lock the embedded database ${dataDir}: ${file} keeps reappearing`);
}
