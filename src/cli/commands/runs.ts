/** `stackradar runs`: the recent runs, newest first. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { Format, OutputRow } from '../../format/rows.js';
import { deliveriesOfRuns, type DeliveryRow } from '../../store/events.js';
import { recentRuns } from '../../store/runs.js';
import { createContext } from '../context.js';
import { printRows } from '../print.js';

const COLUMNS = ['id', 'trigger', 'command', 'status', 'started', 'duration', 'sources', 'stored', 'failed', 'stages', 'webhooks', 'error'];

type RunRow = Awaited<ReturnType<typeof recentRuns>>[number];

/**
 * Counts come from `stats`, webhook deliveries from `webhook_deliveries`: sources ingested, snapshots stored, frameworks failed, and each stage's
 * time and requests. Duration only for runs that ended by themselves: an abandoned run's end is when the next
 * run noticed it.
 */
function webhooks(deliveries: DeliveryRow[], format: Format): OutputRow[string] {
  if (deliveries.length === 0) return null;
  if (format === 'json') return deliveries.map((d) => ({ delivery_id: d.deliveryId, url: d.url, status: d.status, attempts: d.attempts, error: d.error, at: d.at }));
  return deliveries.map((d) => `${d.status} ${d.url} (${d.attempts} attempt(s)${d.error ? `: ${d.error}` : ''})`).join(', ');
}

function runRow(run: RunRow, deliveries: DeliveryRow[], format: Format): OutputRow {
  const ended = run.finishedAt && run.status !== 'abandoned' ? run.finishedAt : null;
  const { sources, stored, failed, stages } = run.stats;
  return {
    id: run.id,
    trigger: run.trigger,
    command: run.command,
    status: run.status,
    started: run.startedAt,
    duration: ended ? Math.round((ended.getTime() - run.startedAt.getTime()) / 100) / 10 : null,
    sources: sources?.length ?? null,
    stored: stored ?? null,
    failed: failed?.length ?? null,
    // json keeps each stage's requests; the text formats say where the time went.
    stages: format === 'json' ? (stages ?? null) : (stages?.map((stage) => `${stage.name} ${(stage.ms / 1000).toFixed(1)}s`).join(', ') ?? null),
    webhooks: webhooks(deliveries, format),
    error: run.error,
  };
}

export async function runRuns(command: Command, options: { limit: string; format: Format }): Promise<void> {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`runs: --limit must be a positive whole number, not ${options.limit}`);
  const context = createContext(command);
  const { rows, deliveries } = await context.withReader(async (store) => {
    const rows = await recentRuns(store.db, limit);
    return { rows, deliveries: await deliveriesOfRuns(store.db, rows.map((row) => row.id)) };
  });
  const of = (runId: number) => deliveries.filter((d) => d.runId === runId);
  printRows(rows.map((row) => runRow(row, of(row.id), options.format)), options.format, COLUMNS);
}
