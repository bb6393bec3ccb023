/**
 * `stackradar schedule`: the long-running scheduler. It owns the database for its whole life; with the
 * embedded database it also serves it on 127.0.0.1 so psql and `stackradar sql --database-url …` can
 * read while it runs. SIGINT/SIGTERM stop it cleanly; a second signal cuts the grace period short.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { cronProblem, startScheduler } from '../../jobs/scheduler.js';
import { openDatabase } from '../../store/database.js';
import { serveWireProtocol, type WireServer } from '../../store/serve.js';
import { createContext } from '../context.js';
import { waitForSignal } from '../signals.js';

interface ScheduleOptions {
  cron?: string;
  runNow?: boolean;
  port: string;
  serve: boolean;
  grace: string;
}

/** Closing must not hang the shutdown: whatever is left is ended by process exit. */
const bounded = (work: Promise<unknown> | undefined, ms = 5_000) => Promise.race([work?.catch(() => {}), delay(ms)]);

function parseNumber(name: string, text: string, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > max) throw new UsageError(`schedule: invalid ${name} ${text}`);
  return value;
}

export async function runSchedule(command: Command, options: ScheduleOptions): Promise<void> {
  const context = createContext(command, { cron: options.cron });
  const { config, logger } = context;
  const problem = cronProblem(config.cron);
  if (problem) throw new UsageError(`invalid ${config.nameOf('STACKRADAR_CRON')}: "${config.cron}" is not a cron expression: ${problem}`);
  const port = parseNumber('--port', options.port, 65535);
  const graceMs = parseNumber('--grace', options.grace, 86_400) * 1000;

  // Listen before the slow start-up, so an early signal also ends in a clean shutdown.
  const firstSignal = waitForSignal();
  const store = await openDatabase({ ...config, logger });
  let server: WireServer | undefined;
  try {
    if (store.pglite && options.serve) {
      server = await serveWireProtocol(store.pglite, port, { dataDir: store.location, command: 'stackradar schedule' });
      logger.info(
        { port: server.port },
        `serving ${store.location} on 127.0.0.1:${server.port} while scheduling; read it with: psql -h 127.0.0.1 -p ${server.port} -U postgres`,
      );
    }
    const scheduler = startScheduler({ store, config, logger });
    logger.info(
      { cron: config.cron, timeZone: config.timeZone, next: scheduler.nextRun(), database: store.location },
      `scheduler started: "${config.cron}" in ${config.timeZone}; next run ${scheduler.nextRun()?.toISOString() ?? 'never'}`,
    );
    if (options.runNow) void scheduler.runNow();

    const signal = await firstSignal;
    logger.info({ signal, graceSeconds: graceMs / 1000 }, `${signal}: stopping; a run in progress gets ${graceMs / 1000}s to finish`);
    const started = Date.now();
    const outcome = await scheduler.stop({
      graceMs,
      signal,
      cutShort: waitForSignal(),
    });
    logger.info({ outcome, waitedMs: Date.now() - started }, `scheduler stopped (${outcome === 'idle' ? 'no run in progress' : `run ${outcome}`})`);
  } finally {
    await bounded(server?.stop());
    await bounded(store.close());
  }
}
