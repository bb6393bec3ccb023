/** The `runs` rows: one per data-changing command, moving from running to a final status. */
import { hostname } from 'node:os';
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db } from './database.js';
import type { RunStats } from './run-stats.js';
import { articleVersions, runs } from './schema.js';

export type FinalStatus = 'succeeded' | 'partial' | 'failed';

export async function startRun(db: Db, trigger: string, command: string, runAt: Date): Promise<number> {
  const [row] = await db
    .insert(runs)
    .values({ trigger, command, runAt, pid: process.pid, host: hostname() })
    .returning({ id: runs.id });
  return row!.id;
}

export async function finishRun(
  db: Db,
  id: number,
  status: FinalStatus,
  stats: RunStats,
  error: string | null,
): Promise<void> {
  await db.update(runs).set({ status, stats, error, finishedAt: new Date() }).where(eq(runs.id, id));
}

/**
 * Called while holding the run lock: any other run still marked running lost its process (the lock
 * would be held otherwise), so it is marked abandoned. Returns the ids marked.
 */
export async function markAbandoned(db: Db, exceptRunId: number): Promise<number[]> {
  const rows = await db
    .update(runs)
    .set({ status: 'abandoned', finishedAt: new Date(), error: 'the process running it ended before it finished' })
    .where(and(eq(runs.status, 'running'), ne(runs.id, exceptRunId)))
    .returning({ id: runs.id });
  return rows.map((row) => row.id);
}

/** The newest run still marked running, for the message of a refused second run. */
export async function runningRun(db: Db) {
  const [row] = await db
    .select({ id: runs.id, command: runs.command, pid: runs.pid, host: runs.host, startedAt: runs.startedAt })
    .from(runs)
    .where(eq(runs.status, 'running'))
    .orderBy(desc(runs.id))
    .limit(1);
  return row;
}

/** The newest runs first, for `stackradar runs`. */
export async function recentRuns(db: Db, limit: number) {
  return db.select().from(runs).orderBy(desc(runs.startedAt), desc(runs.id)).limit(limit);
}

/**
 * Marks a run that this process gives up on (the scheduler's shutdown grace ran out). Only a run still
 * marked running is touched: one that finished meanwhile keeps its real status.
 */
export async function interruptRun(db: Db, id: number, reason: string): Promise<boolean> {
  const rows = await db
    .update(runs)
    .set({ status: 'failed', finishedAt: new Date(), error: reason })
    .where(and(eq(runs.id, id), eq(runs.status, 'running')))
    .returning({ id: runs.id });
  return rows.length > 0;
}

/** Removes the article versions a run created: an interrupted run leaves nothing of itself behind. */
export async function discardRunArticles(db: Db, runId: number): Promise<void> {
  await db.delete(articleVersions).where(eq(articleVersions.runId, runId));
}
