/** What every command needs: the validated configuration, the logger, and the database on demand. */
import type { Command } from 'commander';
import { loadConfig, type Config, type ConfigFlags } from '../config.js';
import { loadCatalog } from '../catalog/catalog.js';
import { createLogger, type Logger } from '../logger.js';
import { openDatabase, type Store } from '../store/database.js';

export interface Context {
  config: Config;
  logger: Logger;
  withStore<T>(use: (store: Store) => Promise<T>): Promise<T>;
}

/** Global flags live on the root program; a command's own flags are merged over them. */
export function createContext(command: Command, extra: ConfigFlags = {}): Context {
  const globals = command.optsWithGlobals<{ databaseUrl?: string; dataDir?: string; catalog?: string }>();
  const config = loadConfig({
    databaseUrl: globals.databaseUrl,
    dataDir: globals.dataDir,
    catalog: globals.catalog,
    ...extra,
  });
  // A bad user catalog is a usage error before anything starts, not a failed run.
  if (config.catalogFile) loadCatalog(config.catalogFile);
  const logger = createLogger(config.logLevel);
  return {
    config,
    logger,
    async withStore(use) {
      const store = await openDatabase(config);
      try {
        return await use(store);
      } finally {
        await store.close();
      }
    },
  };
}
