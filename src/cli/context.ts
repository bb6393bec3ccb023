/**
 * What every command needs: the validated configuration, the logger, the catalog (loaded and checked
 * once, before anything starts) and the database on demand; and for commands that run stages, one
 * run context with progress and Ctrl-C handling.
 */
import type { Command } from 'commander';
import { loadCatalog, type Catalog } from '../catalog/catalog.js';
import { loadConfig, type Config, type ConfigFlags } from '../config.js';
import type { Format } from '../format/rows.js';
import { createRunContext, type RunContext } from '../jobs/context.js';
import { progressFor } from '../jobs/progress.js';
import { createLogger, type Logger } from '../logger.js';
import { openDatabase, openForReading, type Store } from '../store/database.js';
import { serveWireProtocol } from '../store/serve.js';
import { interruptOnSignals } from './signals.js';

export interface Context {
  config: Config;
  logger: Logger;
  catalog: Catalog;
  withStore<T>(use: (store: Store) => Promise<T>): Promise<T>;
  /** As withStore, for commands that only read: an embedded database a run holds is read through the run's server. */
  withReader<T>(use: (store: Store) => Promise<T>): Promise<T>;
  /**
   * Opens the store and runs `run` with a run context (progress on stderr, Ctrl-C interrupting it), then
   * `report` with its result once the progress line is cleared, so the summary never lands on it.
   */
  withRunContext<T>(format: Format, run: (context: RunContext) => Promise<T>, report?: (context: RunContext, result: T) => Promise<void> | void): Promise<T>;
}

/** Global flags live on the root program; a command's own flags are merged over them. */
export function createContext(command: Command, extra: ConfigFlags = {}): Context {
  const globals = command.optsWithGlobals<{ databaseUrl?: string; dataDir?: string; catalog?: string }>();
  const config = loadConfig({ databaseUrl: globals.databaseUrl, dataDir: globals.dataDir, catalog: globals.catalog, ...extra });
  // A bad user catalog is a usage error before anything starts, not a failed run.
  const catalog = loadCatalog(config.catalogFile);
  const logger = createLogger(config.logLevel);
  const opened = (open: typeof openDatabase) =>
    async function <T>(use: (store: Store) => Promise<T>): Promise<T> {
      const store = await open(config);
      try {
        return await use(store);
      } finally {
        await store.close();
      }
    };
  const withStore = opened(openDatabase);
  return {
    config,
    logger,
    catalog,
    withStore,
    withReader: opened(openForReading),
    withRunContext(format, run, report) {
      return withStore(async (store) => {
        // The embedded database is this process's alone while it runs: serve it read-only meanwhile, as the
        // scheduler does, so readers turned away by its lock are told where to read it.
        const server = store.pglite ? await serveWireProtocol(store.pglite, 0, { dataDir: store.location, command: `stackradar ${command.name()}` }) : undefined;
        const progress = progressFor(logger, format);
        const interrupt = interruptOnSignals((signal) => {
          progress.end();
          logger.warn({ signal }, `${signal}: stopping the run (again to quit at once)`);
        });
        try {
          const context = createRunContext({ config, logger, store }, { catalog, progress: progress.report, signal: interrupt.signal });
          const result = await run(context);
          progress.end();
          await report?.(context, result);
          return result;
        } finally {
          progress.end();
          interrupt.dispose();
          await server?.stop();
        }
      });
    },
  };
}
