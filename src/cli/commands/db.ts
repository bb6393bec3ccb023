/** `stackradar db migrate` and `stackradar db serve`. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { serveWireProtocol } from '../../store/serve.js';
import { createContext } from '../context.js';

export async function runMigrate(command: Command): Promise<void> {
  const context = createContext(command);
  // Opening the database applies pending migrations under the migration lock.
  await context.withStore(async (store) => {
    context.logger.info({ database: store.location }, 'migrations applied');
  });
}

export function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const done = (signal: NodeJS.Signals) => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

export async function runServe(command: Command, options: { port: string }): Promise<void> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`db serve: invalid --port ${options.port}`);
  const context = createContext(command);
  if (context.config.databaseUrl) {
    throw new UsageError('db serve serves the embedded database; with DATABASE_URL set, connect to that server directly');
  }
  await context.withStore(async (store) => {
    const server = await serveWireProtocol(store.pglite!, port);
    context.logger.info(
      { port: server.port },
      `serving ${store.location} on 127.0.0.1:${server.port}; connect with: psql -h 127.0.0.1 -p ${server.port} -U postgres`,
    );
    const signal = await waitForSignal();
    context.logger.info({ signal }, 'stopping');
    await server.stop();
  });
}
