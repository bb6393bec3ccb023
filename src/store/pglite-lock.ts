/**
 * PGlite is single-process: two processes on one directory silently lose writes. An exclusive lock
 * file beside the data directory (PID inside) keeps a second process out; a dead holder's lock is
 * cleared. A holder that serves the database also writes where (a second line of JSON), so the
 * process turned away is told how to read it.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
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

/** How the holder serves the database: the command and the port on 127.0.0.1. */
interface Serving {
  command: string;
  port: number;
}

interface Holder {
  pid: number;
  serving?: Serving;
}

function parseServing(line: string | undefined): Serving | undefined {
  try {
    const value = JSON.parse(line ?? '') as Partial<Serving>;
    return typeof value.command === 'string' && Number.isInteger(value.port) ? { command: value.command, port: Number(value.port) } : undefined;
  } catch {
    return undefined;
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    const [first = '', second] = readFileSync(file, 'utf8').split('\n');
    const pid = Number.parseInt(first.trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? { pid, serving: parseServing(second) } : undefined;
  } catch {
    return undefined;
  }
}

/** The exit-75 message: who holds the directory and, when it serves it, how to read it there. */
function heldMessage(dataDir: string, holder: Holder): string {
  if (!holder.serving) {
    return (
      `the embedded database ${dataDir} is in use by process ${holder.pid}; ` +
      'set DATABASE_URL to use a PostgreSQL server, or read it through `stackradar db serve` / the running scheduler'
    );
  }
  const { command, port } = holder.serving;
  return (
    `the embedded database ${dataDir} is in use by process ${holder.pid} (${command}, serving it read-only on 127.0.0.1:${port}: ` +
    `read it with psql -h 127.0.0.1 -p ${port} -U postgres or stackradar sql --database-url postgres://postgres@127.0.0.1:${port}/postgres)`
  );
}

/**
 * Adds to this process's lock file that it serves the database. Written beside and renamed over it,
 * so the lock file never goes missing or half-written.
 */
export function recordServing(dataDir: string, serving: Serving): void {
  const file = lockFileFor(dataDir);
  if (!heldHere.has(file)) return;
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${process.pid}\n${JSON.stringify(serving)}\n`);
  renameSync(temporary, file);
}

/** The port on 127.0.0.1 where another live process serves `dataDir` while it holds it, if it does. */
export function servingPort(dataDir: string): number | undefined {
  const holder = readHolder(lockFileFor(dataDir));
  return holder && holder.pid !== process.pid && isAlive(holder.pid) ? holder.serving?.port : undefined;
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
          if (readHolder(file)?.pid === process.pid) unlinkSync(file);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder !== undefined && holder.pid !== process.pid && isAlive(holder.pid)) throw new LockedError(heldMessage(dataDir, holder));
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
