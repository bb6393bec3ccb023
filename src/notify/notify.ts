/**
 * The end of every run: its events derived and stored (the one write: a change already recorded is
 * skipped), then, outside the run lock, its digest POSTed to each configured webhook and each delivery
 * recorded and logged. Nothing here throws into the run: a failed delivery changes neither the run's
 * status nor its data.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import { userAgent } from '../http/user-agent.js';
import type { Logger } from '../logger.js';
import type { Db } from '../store/database.js';
import { recordDelivery, runSummary, writeEvents, type EventRow } from '../store/events.js';
import { deliver } from './deliver.js';
import { webhookBody } from './digest.js';
import type { FinishedRun } from './event.js';
import { deriveRunEvents } from './sources.js';
import { publicUrl } from './webhook-url.js';

/** Derives and stores the run's events at the run's time; returns the ones not recorded before. */
export async function recordRunEvents(db: Db, run: FinishedRun, at: Date): Promise<EventRow[]> {
  return writeEvents(db, run.id, at, await deriveRunEvents(db, run));
}

export interface NotifyDeps {
  db: Db;
  config: Config;
  logger: Logger;
}

async function deliverTo(deps: NotifyDeps, runId: number, url: string, body: string): Promise<void> {
  const { config, logger } = deps;
  const deliveryId = randomUUID();
  const outcome = await deliver({
    url,
    body,
    deliveryId,
    secret: config.webhook.secret,
    userAgent: userAgent(config.contact),
    timeoutMs: config.webhook.timeoutSecs * 1000,
  });
  const shown = publicUrl(url);
  await recordDelivery(deps.db, { deliveryId, runId, url: shown, ...outcome, at: new Date() });
  const line = { runId, deliveryId, url: shown, status: outcome.status, attempts: outcome.attempts, error: outcome.error };
  const text = `webhook ${shown}: ${outcome.status} after ${outcome.attempts} attempt(s)${outcome.error ? `: ${outcome.error}` : ''}`;
  if (outcome.status === 'delivered') logger.info(line, text);
  else logger.warn(line, text);
}

/** POSTs the run's digest to every configured URL at once; logs, never throws. */
export async function sendDigest(deps: NotifyDeps, runId: number, events: EventRow[]): Promise<void> {
  const { urls, format } = deps.config.webhook;
  if (events.length === 0 || urls.length === 0) return;
  try {
    const run = await runSummary(deps.db, runId);
    if (!run) return;
    const body = webhookBody(format, run, events);
    await Promise.all(urls.map((url) => deliverTo(deps, runId, url, body)));
  } catch (error) {
    deps.logger.error({ runId }, `webhooks of run ${runId} not sent: ${error instanceof Error ? error.message : String(error)}`);
  }
}
