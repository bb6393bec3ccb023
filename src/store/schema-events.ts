/** The change events and their webhook deliveries (src/notify), beside the core schema of schema.ts. */
import { index, integer, jsonb, pgTable, serial, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { runs } from './schema.js';
import { timestamptz } from './schema-columns.js';

/**
 * What changed, derived at the end of each finished run (src/notify). `key` names the change itself
 * (`release:express:v5.1.0`), so a re-run or a backfill that sees the same change again adds nothing.
 */
export const events = pgTable(
  'events',
  {
    id: serial('id').primaryKey(),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id),
    at: timestamptz('at').notNull(),
    kind: text('kind').notNull(),
    sourceUrl: text('source_url'),
    slug: text('slug'),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    url: text('url'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    key: text('key').notNull().unique(),
  },
  (t) => [index('events_at_idx').on(t.at), index('events_run_idx').on(t.runId)],
);

/** One row per webhook POST of a run's digest: the URL without credentials, the outcome and the tries it took. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    deliveryId: uuid('delivery_id').primaryKey(),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id),
    url: text('url').notNull(),
    status: text('status').$type<'delivered' | 'failed'>().notNull(),
    attempts: smallint('attempts').notNull(),
    error: text('error'),
    at: timestamptz('at').notNull(),
  },
  (t) => [index('webhook_deliveries_run_idx').on(t.runId)],
);
