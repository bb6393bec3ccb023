/**
 * The public SQL views, declared for drizzle so that every read of them is typed. They are created by
 * the hand-written migrations in drizzle/ (`.existing()`: drizzle-kit leaves them alone); a column
 * added to a view there is added here too. Keys are the SQL column names, so rows print as users
 * query them.
 */
import { bigint, boolean, doublePrecision, integer, jsonb, pgView, real, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { Registry } from '../catalog/catalog.js';

const timestamptz = () => timestamp({ withTimezone: true, mode: 'date' });

export const currentEntries = pgView('current_entries', {
  source_url: text().notNull(),
  article_version_id: integer().notNull(),
  position: smallint().notNull(),
  framework: text().notNull(),
  slug: text().notNull(),
  language: text(),
  description: text().notNull(),
  pros: jsonb().$type<string[]>().notNull(),
  cons: jsonb().$type<string[]>().notNull(),
  notable_users: jsonb().$type<string[]>().notNull(),
  links: jsonb().$type<{ text: string; url: string }[]>().notNull(),
  aliases: jsonb().$type<string[]>().notNull(),
}).existing();

/** The metric columns framework_latest and framework_history share. */
const frameworkFigures = () => ({
  framework: text().notNull(),
  slug: text().notNull(),
  language: text(),
  repo: text(),
  captured_at: timestamptz().notNull(),
  stars: integer(),
  forks: integer(),
  open_issues: integer(),
  watchers: integer(),
  license: text(),
  archived: boolean(),
  pushed_at: timestamptz(),
  latest_release: text(),
  latest_release_at: timestamptz(),
  latest_version: text(),
  latest_version_at: timestamptz(),
  releases_last_365d: smallint(),
  median_release_interval_days: real(),
  cadence_source: text().$type<'releases' | 'tags'>(),
  docs_url: text(),
  docs_status: smallint(),
  docs_error: text(),
  docs_checked_at: timestamptz(),
  package_registry: text().$type<Registry>(),
  package_name: text(),
  package_version: text(),
  package_version_at: timestamptz(),
  downloads_last_day: integer(),
  downloads_last_week: integer(),
  downloads_last_month: bigint({ mode: 'number' }),
  downloads_total: bigint({ mode: 'number' }),
  package_error: text().$type<'not-found' | 'unavailable' | 'rate-limited' | 'invalid-response'>(),
});

export const frameworkLatest = pgView('framework_latest', frameworkFigures()).existing();

export const frameworkHistory = pgView('framework_history', { run_id: integer().notNull(), ...frameworkFigures() }).existing();

export const starTrends = pgView('star_trends', {
  framework: text().notNull(),
  slug: text().notNull(),
  stars: integer(),
  delta_1d: integer(),
  delta_7d: integer(),
  delta_30d: integer(),
  delta_90d: integer(),
  delta_365d: integer(),
}).existing();

export const snapshotAnomalies = pgView('snapshot_anomalies', {
  framework: text().notNull(),
  slug: text().notNull(),
  run_id: integer().notNull(),
  captured_at: timestamptz().notNull(),
  kind: text().$type<'stars_drop' | 'repo_changed'>().notNull(),
  before: text(),
  after: text(),
  detail: text().notNull(),
}).existing();

export const downloadTrends = pgView('download_trends', {
  framework: text().notNull(),
  slug: text().notNull(),
  registry: text().$type<Registry>().notNull(),
  package: text().notNull(),
  downloads_last_7d: bigint({ mode: 'number' }),
  downloads_prev_7d: bigint({ mode: 'number' }),
  downloads_last_30d: bigint({ mode: 'number' }),
  downloads_prev_30d: bigint({ mode: 'number' }),
  change_7d_pct: doublePrecision(),
  change_30d_pct: doublePrecision(),
}).existing();
