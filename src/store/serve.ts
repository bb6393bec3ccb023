/** Serves an open PGlite database over the PostgreSQL wire protocol on 127.0.0.1 (psql, BI tools). */
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { PGlite } from '@electric-sql/pglite';
import { StackradarError, ExitCode } from '../errors.js';
import { recordServing } from './pglite-lock.js';

export interface WireServer {
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * `owner` (the data directory and the serving command) goes into the directory's lock file, so a
 * process turned away by the lock is told where to read instead.
 */
export async function serveWireProtocol(pglite: PGlite, port: number, owner: { dataDir: string; command: string }): Promise<WireServer> {
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port, maxConnections: 16 });
  try {
    await server.start();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'the port is in use' : String(error);
    throw new StackradarError(`cannot serve the embedded database on 127.0.0.1:${port}: ${reason}`, ExitCode.failed);
  }
  // The bound port: differs from `port` when 0 asked for any free one.
  const bound = Number(server.getServerConn().split(':').pop());
  recordServing(owner.dataDir, { command: owner.command, port: bound });
  return { port: bound, stop: () => server.stop() };
}
