/**
 * PGlite has one session. When it is served over the wire protocol while this process also writes (the
 * scheduler), pglite-socket runs each client message as it comes, so without care a client's
 * `BEGIN READ ONLY … COMMIT` interleaves with our statements: our INSERTs fail inside the reader's
 * read-only transaction, or the reader's COMMIT commits our transaction halfway.
 *
 * shareSession() hands out two views of the instance that take turns on the session:
 * - `local` (for drizzle): each query or transaction runs alone;
 * - `remote` (for the socket server): a client's turn lasts from its first message to the message after
 *   which the session is idle again (a Query or a Sync outside a transaction), so neither a transaction
 *   nor an extended-protocol exchange is cut into. A client idle in its turn longer than
 *   `idleTransactionMs` while local work waits is rolled back, so an open psql session cannot stall
 *   scheduled runs.
 *
 * The remote side is read-only: each turn starts with `default_transaction_read_only` on and ends with
 * RESET ALL (so a client's settings never reach this process's own work), and every Query and Parse
 * message is checked first (sql-guard.ts): one that writes, calls a system function, or could turn the
 * read-only mode off is refused with a read-only error instead of being run.
 */
import type { PGlite } from '@electric-sql/pglite';
import { servedStatementProblem } from './sql-guard.js';
import { failingStandIn, readClientMessage, readOnlyError, replaceErrors } from './wire-messages.js';

type Release = () => void;
type Lock = { acquire(): Promise<Release> };

/** A FIFO lock: acquire() resolves with the function that releases it. */
function createLock(): Lock {
  let tail: Promise<void> = Promise.resolve();
  return {
    acquire(): Promise<Release> {
      let release!: Release;
      const held = new Promise<void>((resolve) => (release = resolve));
      const previous = tail;
      tail = previous.then(() => held);
      return previous.then(() => release);
    },
  };
}

export interface SharedSession {
  readonly local: PGlite;
  readonly remote: PGlite;
}

interface SessionOptions {
  idleTransactionMs?: number;
  onRollback?: (idleMs: number) => void;
}

type Method = (...args: unknown[]) => Promise<unknown>;

/** A proxy whose `overrides` replace methods; every other method stays bound to the real instance. */
function view(pglite: PGlite, overrides: Record<string, Method>): PGlite {
  return new Proxy(pglite, {
    get(target, property, receiver) {
      if (typeof property === 'string' && property in overrides) return overrides[property];
      const value: unknown = Reflect.get(target, property, receiver);
      // PGlite keeps its state in private fields: methods must run with the real instance as `this`.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Messages after which the session is free again: those after which PostgreSQL reports it ready (Query,
 * Sync, FunctionCall, the start-up packet), and Terminate, after which the client is gone.
 */
const READY_AFTER = new Set([undefined, 'Q', 'S', 'F', 'X']);

/** The remote side's turns on the session: who holds it, since when it idles, and its read-only mode. */
function remoteTurns(pglite: PGlite, lock: Lock, options: SessionOptions) {
  const idleTransactionMs = options.idleTransactionMs ?? 60_000;
  let release: Release | null = null;
  /** When the remote side last finished a message; null while one runs. */
  let idleSince: number | null = 0;
  let readyForQuery = true;

  const end = async () => {
    if (!release) return;
    const done = release;
    release = null;
    try {
      await pglite.exec('RESET ALL');
    } finally {
      done();
    }
  };

  return {
    async begin() {
      if (!release) {
        release = await lock.acquire();
        await pglite.exec('SET default_transaction_read_only = on');
      }
      idleSince = null;
    },
    noteMessage(type: string | undefined) {
      readyForQuery = READY_AFTER.has(type);
    },
    async finish() {
      idleSince = Date.now();
      if (readyForQuery && !pglite.isInTransaction()) await end();
    },
    /** After a disconnected client's transaction was rolled back. */
    async endAfterRollback() {
      if (!pglite.isInTransaction()) await end();
    },
    async rollBackIfIdle() {
      if (!release || idleSince === null) return;
      const idleMs = Date.now() - idleSince;
      if (idleMs < idleTransactionMs) return;
      idleSince = null;
      const inTransaction = pglite.isInTransaction();
      // The raw instance: the local view would wait for the lock this turn holds.
      await pglite.exec('ROLLBACK').catch(() => {});
      if (inTransaction) options.onRollback?.(idleMs);
      await end();
    },
  };
}

/** Runs a client message, or a stand-in that fails the same way when the guard refuses it. */
async function guardedMessage(pglite: PGlite, message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }) {
  const { type, sql } = readClientMessage(message);
  // A FunctionCall names its function by OID, out of the guard's sight.
  const problem = type === 'F' ? 'function calls are not allowed' : sql === undefined ? undefined : servedStatementProblem(sql);
  if (!problem) return pglite.execProtocolRawStream(message, options);
  const output: Uint8Array[] = [];
  await pglite.execProtocolRawStream(failingStandIn(message, type), { ...options, onRawData: (data) => output.push(data.slice()) });
  options.onRawData(replaceErrors(Buffer.concat(output), readOnlyError(`the served database is read-only: ${problem}`)));
}

export function shareSession(pglite: PGlite, options: SessionOptions = {}): SharedSession {
  const lock = createLock();
  const turns = remoteTurns(pglite, lock, options);

  const exclusive =
    (name: 'query' | 'exec' | 'transaction'): Method =>
    async (...args) => {
      // While waiting for the session, check for a remote turn left idle.
      const watchdog = setInterval(() => void turns.rollBackIfIdle(), 1_000);
      let release: Release;
      try {
        release = await lock.acquire();
      } finally {
        clearInterval(watchdog);
      }
      try {
        return await (pglite[name] as Method).apply(pglite, args);
      } finally {
        release();
      }
    };

  const local = view(pglite, { query: exclusive('query'), exec: exclusive('exec'), transaction: exclusive('transaction') });

  // pglite-socket runs every client message through runExclusive → execProtocolRawStream, one message at
  // a time, and rolls back a disconnected client's transaction with exec('ROLLBACK').
  const remote = view(pglite, {
    async runExclusive(...args) {
      try {
        await turns.begin();
        return await (pglite.runExclusive as Method).apply(pglite, args);
      } finally {
        await turns.finish();
      }
    },
    async execProtocolRawStream(message, streamOptions) {
      turns.noteMessage(readClientMessage(message as Uint8Array).type);
      return guardedMessage(pglite, message as Uint8Array, streamOptions as { onRawData: (data: Uint8Array) => void });
    },
    async exec(...args) {
      try {
        return await (pglite.exec as Method).apply(pglite, args);
      } finally {
        await turns.endAfterRollback();
      }
    },
  });
  return { local, remote };
}
