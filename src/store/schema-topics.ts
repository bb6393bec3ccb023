/** The daily GitHub topic searches of review's `contender` finding, beside the core schema of schema.ts. */
import { date, integer, jsonb, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { runs } from './schema.js';
import { timestamptz } from './schema-columns.js';

/** One repository a topic search answered with (GitHub's figures at `searched_at`). */
export interface TopicRepo {
  /** `owner/name`. */
  repo: string;
  name: string;
  stars: number;
  description: string | null;
}

/**
 * A cache: one row per language and day (STACKRADAR_TZ), so a language is searched at most once a day
 * whatever the number of runs and articles; a run that finds today's row reuses it.
 */
export const topicSearches = pgTable(
  'topic_searches',
  {
    id: serial('id').primaryKey(),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id),
    /** GitHub's name of the language (`Go`, `C#`). */
    language: text('language').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    /** The query as sent: `topic:web-framework language:Go stars:>N archived:false`. */
    query: text('query').notNull(),
    /** The N of `stars:>N`: the least-starred entry of the articles covering the language. */
    minStars: integer('min_stars').notNull(),
    searchedAt: timestamptz('searched_at').notNull(),
    /** How many repositories matched; `repos` holds the most starred of them (at most 100). */
    totalCount: integer('total_count').notNull(),
    repos: jsonb('repos').$type<TopicRepo[]>().notNull(),
  },
  (t) => [uniqueIndex('topic_searches_language_day_idx').on(t.language, t.day)],
);
