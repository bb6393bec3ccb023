/**
 * PGlite has one session. When it is served over the wire protocol while this process also writes (the
 * scheduler), pglite-socket runs each client message as it comes, so without care a client's
 * `BEGIN READ ONLY … COMMIT` interleaves with our statements: our INSERTs fail inside the reader's
 * read-only transaction, or the reader's COMMIT commits our transaction halfway.
 *
 * shareSession() hands out two views of the instance that take turns on the session:
 * - `local` (for drizzle): each query or transaction runs alone;
 * - `remote` (for the socket server): a client's transaction keeps the session from its first message to
 *   the message that ends it. A client idle in a transaction longer than `idleTransactionMs` while local
 *   work waits is rolled back, so an open psql session cannot stall scheduled runs.
 */
import type { PGlite } from '@electric-sql/pglite';

type Release = () => void;

/** A FIFO lock: acquire() resolves with the function that releases it. */
function createLock() {
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

export function shareSession(
  pglite: PGlite,
  options: { idleTransactionMs?: number; onRollback?: (idleMs: number) => void } = {},
): SharedSession {
  const lock = createLock();
  const idleTransactionMs = options.idleTransactionMs ?? 60_000;
  let remoteRelease: Release | null = null;
  /** When the remote side last finished a message; null while one runs. */
  let remoteIdleSince: number | null = 0;

  const releaseRemoteIfDone = () => {
    if (remoteRelease && !pglite.isInTransaction()) {
      const release = remoteRelease;
      remoteRelease = null;
      release();
    }
  };

  const rollBackIdleRemote = async () => {
    if (!remoteRelease || remoteIdleSince === null) return;
    const idleMs = Date.now() - remoteIdleSince;
    if (idleMs < idleTransactionMs) return;
    remoteIdleSince = null;
    // The raw instance: the local view would wait for the lock this transaction holds.
    await pglite.exec('ROLLBACK').catch(() => {});
    remoteIdleSince = Date.now();
    options.onRollback?.(idleMs);
    releaseRemoteIfDone();
  };

  /** Waits for the session, checking meanwhile for a remote transaction left idle. */
  async function acquireLocal(): Promise<Release> {
    const watchdog = setInterval(() => void rollBackIdleRemote(), 1_000);
    try {
      return await lock.acquire();
    } finally {
      clearInterval(watchdog);
    }
  }

  const exclusive =
    (name: 'query' | 'exec' | 'transaction'): Method =>
    async (...args) => {
      const release = await acquireLocal();
      try {
        return await (pglite[name] as Method).apply(pglite, args);
      } finally {
        release();
      }
    };

  const local = view(pglite, { query: exclusive('query'), exec: exclusive('exec'), transaction: exclusive('transaction') });

  // pglite-socket runs every client message through runExclusive, one message at a time, and rolls back
  // a disconnected client's transaction with exec('ROLLBACK').
  const remote = view(pglite, {
    async runExclusive(...args) {
      if (!remoteRelease) remoteRelease = await lock.acquire();
      remoteIdleSince = null;
      try {
        return await (pglite.runExclusive as Method).apply(pglite, args);
      } finally {
        remoteIdleSince = Date.now();
        releaseRemoteIfDone();
      }
    },
    async exec(...args) {
      try {
        return await (pglite.exec as Method).apply(pglite, args);
      } finally {
        releaseRemoteIfDone();
      }
    },
  });
  return { local, remote };
}
