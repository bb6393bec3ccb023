/**
 * The `events` and `webhook_deliveries` rows: the one write of a run's derived events (a change whose
 * key is already stored is skipped, so nothing is recorded twice), the feed's read, and deliveries.
 */
import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from './database.js';
import { runs } from './schema.js';
import { events, webhookDeliveries } from './schema-events.js';

export type EventRow = typeof events.$inferSelect;
export type EventDraft = Omit<EventRow, 'id' | 'runId' | 'at'>;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** Stores a run's events at the run's time; returns those that were new, in the order given. */
export async function writeEvents(db: Db, runId: number, at: Date, drafts: EventDraft[]): Promise<EventRow[]> {
  if (drafts.length === 0) return [];
  const inserted = await db
    .insert(events)
    .values(drafts.map((draft) => ({ ...draft, runId, at })))
    .onConflictDoNothing({ target: events.key })
    .returning();
  return inserted.sort((a, b) => a.id - b.id);
}

/** Events at or after `since`, of the given kinds (all when empty), newest first. */
export function eventsSince(db: Db, since: Date, kinds: string[]) {
  const window = gte(events.at, since);
  return db
    .select()
    .from(events)
    .where(kinds.length ? and(window, inArray(events.kind, kinds)) : window)
    .orderBy(desc(events.at), desc(events.id));
}

/** The run a digest describes, as the webhook body shows it. */
export async function runSummary(db: Db, runId: number) {
  const [row] = await db
    .select({
      id: runs.id,
      trigger: runs.trigger,
      command: runs.command,
      status: runs.status,
      run_at: runs.runAt,
      started_at: runs.startedAt,
      finished_at: runs.finishedAt,
      error: runs.error,
    })
    .from(runs)
    .where(eq(runs.id, runId));
  return row;
}

export async function recordDelivery(db: Db, delivery: DeliveryRow): Promise<void> {
  await db.insert(webhookDeliveries).values(delivery);
}

/** The deliveries of some runs, oldest first, for `stackradar runs`. */
export function deliveriesOfRuns(db: Db, runIds: number[]) {
  if (runIds.length === 0) return Promise.resolve([]);
  return db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.runId, runIds)).orderBy(asc(webhookDeliveries.at));
}
