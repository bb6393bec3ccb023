/** Serves an open PGlite database over the PostgreSQL wire protocol on 127.0.0.1 (psql, BI tools). */
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { PGlite } from '@electric-sql/pglite';
import { StackradarError, ExitCode } from '../errors.js';

export interface WireServer {
  readonly port: number;
  stop(): Promise<void>;
}

export async function serveWireProtocol(pglite: PGlite, port: number): Promise<WireServer> {
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port, maxConnections: 16 });
  try {
    await server.start();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'the port is in use' : String(error);
    throw new StackradarError(`cannot serve the embedded database on 127.0.0.1:${port}: ${reason}`, ExitCode.failed);
  }
  return {
    // The bound port: differs from `port` when 0 asked for any free one.
    port: Number(server.getServerConn().split(':').pop()),
    stop: () => server.stop(),
  };
}
