/** `stackradar runs`: the recent runs, newest first. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { Format, OutputRow } from '../../format/rows.js';
import { recentRuns } from '../../store/runs.js';
import { createContext } from '../context.js';
import { printRows } from '../print.js';

const COLUMNS = ['id', 'trigger', 'command', 'status', 'started', 'duration', 'sources', 'stored', 'failed', 'stages', 'error'];

type RunRow = Awaited<ReturnType<typeof recentRuns>>[number];

/**
 * Counts come from `stats`: sources ingested, snapshots stored, frameworks failed, and each stage's
 * time and requests. Duration only for runs that ended by themselves: an abandoned run's end is when the next
 * run noticed it.
 */
function runRow(run: RunRow, format: Format): OutputRow {
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
    error: run.error,
  };
}

export async function runRuns(command: Command, options: { limit: string; format: Format }): Promise<void> {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`runs: --limit must be a positive whole number, not ${options.limit}`);
  const context = createContext(command);
  const rows = await context.withStore((store) => recentRuns(store.db, limit));
  printRows(rows.map((row) => runRow(row, options.format)), options.format, COLUMNS);
}
