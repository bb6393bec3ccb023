/** The checks of the links articles give in their entries (review's `link-*` findings), beside the core schema of schema.ts. */
import { index, integer, pgTable, serial, smallint, text } from 'drizzle-orm/pg-core';
import { docsError, runs } from './schema.js';
import { timestamptz } from './schema-columns.js';

/**
 * One row per check of a link: a run checks a link when it is due (STACKRADAR_DOCS_MAX_AGE), as the
 * docs links, so the history of a link is its rows, and "two checks 24 h apart" is read from them.
 * Keyed by URL: a link several articles give is checked once.
 */
export const linkChecks = pgTable(
  'link_checks',
  {
    id: serial('id').primaryKey(),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id),
    url: text('url').notNull(),
    checkedAt: timestamptz('checked_at').notNull(),
    /** Final status after redirects; null when `error` says why there is none. */
    status: smallint('status'),
    error: docsError('error'),
    /** The first answer, its redirect not followed, and where that redirect pointed. */
    firstStatus: smallint('first_status'),
    movedTo: text('moved_to'),
  },
  (t) => [index('link_checks_url_checked_at_idx').on(t.url, t.checkedAt)],
);
