/** The `runs` rows: one per command that changes data, moving from running to a final status. */
import { hostname } from 'node:os';
import { eq } from 'drizzle-orm';
import type { Db } from './database.js';
import { runs } from './schema.js';

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
  stats: Record<string, unknown>,
  error: string | null,
): Promise<void> {
  await db.update(runs).set({ status, stats, error, finishedAt: new Date() }).where(eq(runs.id, id));
}
