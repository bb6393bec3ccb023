/** `stackradar db serve`: the embedded database over the PostgreSQL wire protocol on 127.0.0.1, read-only. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { serveWireProtocol } from '../../store/serve.js';
import { createContext } from '../context.js';
import { waitForSignal } from '../signals.js';

export async function runServe(command: Command, options: { port: string }): Promise<void> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`db serve: invalid --port ${options.port}`);
  const context = createContext(command);
  if (context.config.databaseUrl) {
    throw new UsageError('db serve serves the embedded database; with DATABASE_URL set, connect to that server directly');
  }
  await context.withStore(async (store) => {
    if (!store.pglite) return;
    const server = await serveWireProtocol(store.pglite, port, { dataDir: store.location, command: 'stackradar db serve' });
    context.logger.info(
      { port: server.port },
      `serving ${store.location} read-only on 127.0.0.1:${server.port}; connect with: psql -h 127.0.0.1 -p ${server.port} -U postgres`,
    );
    const signal = await waitForSignal();
    context.logger.info({ signal }, 'stopping');
    await server.stop();
  });
}
