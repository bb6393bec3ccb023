/** `stackradar runs`: the recent runs, newest first. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { recentRuns } from '../../store/runs.js';
import { createContext } from '../context.js';
import { printRows, type Format, type OutputRow } from '../../format/rows.js';

const COLUMNS = ['id', 'trigger', 'command', 'status', 'started', 'duration', 'sources', 'stored', 'failed', 'error'];

type RunRow = Awaited<ReturnType<typeof recentRuns>>[number];

const count = (value: unknown): number | null => (typeof value === 'number' ? value : Array.isArray(value) ? value.length : null);

/**
 * Counts come from `stats`: snapshots stored, frameworks failed, and sources ingested (refresh and
 * ingest runs). Duration only for runs that ended by themselves: an abandoned run's end is when the
 * next run noticed it.
 */
export function runRow(run: RunRow): OutputRow {
  const ended = run.finishedAt && run.status !== 'abandoned' ? run.finishedAt : null;
  return {
    id: run.id,
    trigger: run.trigger,
    command: run.command,
    status: run.status,
    started: run.startedAt,
    duration: ended ? Math.round((ended.getTime() - run.startedAt.getTime()) / 100) / 10 : null,
    sources: count(run.stats.sources),
    stored: count(run.stats.stored),
    failed: count(run.stats.failed),
    error: run.error,
  };
}

export async function runRuns(command: Command, options: { limit: string; format: Format }): Promise<void> {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`runs: --limit must be a positive whole number, not ${options.limit}`);
  const context = createContext(command);
  const rows = await context.withStore((store) => recentRuns(store.db, limit));
  printRows(rows.map(runRow), options.format, COLUMNS);
}
