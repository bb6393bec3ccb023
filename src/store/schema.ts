/**
 * The drizzle schema: the public tables the README documents plus the bookkeeping tables later stages need.
 * Snapshot rows are kept narrow (integer keys, enums, no repeated text): they are the table that grows.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  pgView,
  primaryKey,
  real,
  serial,
  smallint,
  smallserial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { REGISTRIES } from '../catalog/catalog.js';
import type { ArticleStructure } from '../domain/article.js';
import type { RunStats } from './run-stats.js';
import { timestamptz } from './schema-columns.js';

export const runStatus = pgEnum('run_status', ['running', 'succeeded', 'partial', 'failed', 'abandoned']);
export const cadenceSource = pgEnum('cadence_source', ['releases', 'tags']);
export const repoSource = pgEnum('repo_source', ['catalog', 'search']);
/** What GitHub said of the repository asked for: answered, disabled (DMCA, TOS), or not found at all. */
export const repoState = pgEnum('repo_state', ['active', 'disabled', 'missing']);
export const docsError = pgEnum('docs_error', [
  'blocked',
  'timeout',
  'dns',
  'tls',
  'connection',
  'redirects',
  'invalid-url',
  'http',
  'no-url',
]);

export const runs = pgTable(
  'runs',
  {
    id: serial('id').primaryKey(),
    /** What started the run: `cli`, `schedule`, … */
    trigger: text('trigger').notNull(),
    command: text('command').notNull(),
    status: runStatus('status').notNull().default('running'),
    /** The run's clock: STACKRADAR_NOW when set, else the wall clock at start. */
    runAt: timestamptz('run_at').notNull(),
    startedAt: timestamptz('started_at').notNull().defaultNow(),
    finishedAt: timestamptz('finished_at'),
    pid: integer('pid').notNull(),
    host: text('host').notNull(),
    stats: jsonb('stats').$type<RunStats>().notNull().default({}),
    error: text('error'),
  },
  (t) => [index('runs_status_idx').on(t.status), index('runs_started_at_idx').on(t.startedAt)],
);

export const articleVersions = pgTable(
  'article_versions',
  {
    id: serial('id').primaryKey(),
    sourceUrl: text('source_url').notNull(),
    contentHash: text('content_hash').notNull(),
    title: text('title'),
    author: text('author'),
    publishedAt: timestamptz('published_at'),
    updatedAt: timestamptz('updated_at'),
    firstSeenAt: timestamptz('first_seen_at').notNull(),
    lastSeenAt: timestamptz('last_seen_at').notNull(),
    entryCount: integer('entry_count').notNull(),
    /** The article's other structured sections ({name, description}), e.g. the selection criteria. */
    sections: jsonb('sections').$type<{ name: string; description: string }[]>().notNull().default([]),
    runId: integer('run_id').references(() => runs.id),
    /** How the entries were found, how sure the parser was (0–1) and why; null for versions stored before migration 0011. */
    structure: jsonb('structure').$type<ArticleStructure>(),
    confidence: real('confidence'),
    confidenceReasons: jsonb('confidence_reasons').$type<string[]>(),
  },
  (t) => [index('article_versions_source_idx').on(t.sourceUrl, t.id)],
);

export const articleEntries = pgTable(
  'article_entries',
  {
    articleVersionId: integer('article_version_id')
      .notNull()
      .references(() => articleVersions.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    framework: text('framework').notNull(),
    slug: text('slug').notNull(),
    language: text('language'),
    description: text('description'),
    pros: jsonb('pros').$type<string[]>().notNull(),
    cons: jsonb('cons').$type<string[]>().notNull().default([]),
    notableUsers: jsonb('notable_users').$type<string[]>().notNull(),
    links: jsonb('links').$type<{ text: string; url: string }[]>().notNull(),
    /** Other names the article gives the entry ("Google Web Toolkit (GWT)" → GWT). */
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.articleVersionId, t.position] }), index('article_entries_slug_idx').on(t.slug)],
);

/**
 * The tracked sources: STACKRADAR_SOURCE_URL's and every source ingested or added since, until
 * `sources remove` stops tracking one (`removed_at`; its history stays).
 */
export const sources = pgTable('sources', {
  url: text('url').primaryKey(),
  addedAt: timestamptz('added_at').notNull(),
  removedAt: timestamptz('removed_at'),
  lastFetchedAt: timestamptz('last_fetched_at'),
  /** The last ingest's outcome: new-version, unchanged, doubtful, broken or failed, with the problem if any. */
  lastOutcome: text('last_outcome'),
  /** The pin of `sources set URL --entries SELECTOR [--exclude SELECTOR]`: CSS selectors that win over discovery. */
  entriesSelector: text('entries_selector'),
  excludeSelector: text('exclude_selector'),
});

export const repositories = pgTable('repositories', {
  id: serial('id').primaryKey(),
  /** `owner/name` as GitHub reports it; a renamed repository gets a new row. */
  fullName: text('full_name').notNull().unique(),
});

export const licenses = pgTable('licenses', {
  id: smallserial('id').primaryKey(),
  spdxId: text('spdx_id').notNull().unique(),
});

export const frameworks = pgTable('frameworks', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  language: text('language'),
  repoId: integer('repo_id').references(() => repositories.id),
  repoSource: repoSource('repo_source'),
  /** 1 for catalog entries; the search score otherwise. */
  repoConfidence: real('repo_confidence'),
  docsUrl: text('docs_url'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

export const releases = pgTable(
  'releases',
  {
    id: serial('id').primaryKey(),
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => frameworks.id),
    tag: text('tag').notNull(),
    name: text('name'),
    /** `releases` for a GitHub Release, `tags` for a bare tag. */
    source: cadenceSource('source').notNull(),
    isPrerelease: boolean('is_prerelease').notNull(),
    publishedAt: timestamptz('published_at').notNull(),
  },
  (t) => [uniqueIndex('releases_framework_tag_idx').on(t.frameworkId, t.source, t.tag)],
);

export const snapshots = pgTable(
  'snapshots',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id),
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => frameworks.id),
    capturedAt: timestamptz('captured_at').notNull(),
    repoId: integer('repo_id').references(() => repositories.id),
    stars: integer('stars'),
    forks: integer('forks'),
    watchers: integer('watchers'),
    openIssues: integer('open_issues'),
    pushedAt: timestamptz('pushed_at'),
    latestReleaseId: integer('latest_release_id').references(() => releases.id),
    /** The highest stable version by version order (latest_release is the newest by date). */
    latestVersionId: integer('latest_version_id').references(() => releases.id),
    medianReleaseIntervalDays: real('median_release_interval_days'),
    releasesLast365d: smallint('releases_last_365d'),
    licenseId: smallint('license_id').references(() => licenses.id),
    docsStatus: smallint('docs_status'),
    /** When the docs link was last checked: this run's time, or an earlier run's when its result was carried. */
    docsCheckedAt: timestamptz('docs_checked_at'),
    archived: boolean('archived'),
    cadenceSource: cadenceSource('cadence_source'),
    docsError: docsError('docs_error'),
    /** The default branch's last commit; null over REST (it would cost a request per repository). */
    lastCommitAt: timestamptz('last_commit_at'),
    /**
     * GitHub's own id of the repository (`databaseId`): it survives renames, so a name later reused by
     * another repository shows as a different id. Named so because `repo_id` is the repositories key.
     */
    repoDatabaseId: bigint('repo_database_id', { mode: 'number' }),
    /** `owner/name` as GitHub answered it; differs from the name asked for after a rename or transfer. */
    repoSeenAs: text('repo_seen_as'),
    repoState: repoState('repo_state'),
    /** The docs link's first answer, redirects not followed, and where a redirect of it pointed. */
    docsFirstStatus: smallint('docs_first_status'),
    docsMovedTo: text('docs_moved_to'),
    /** Filled by the registries in a later change; nullable columns for now. */
    packageDeprecated: boolean('package_deprecated'),
    packageReplacement: text('package_replacement'),
  },
  (t) => [
    // Migration 0003 adds INCLUDE (stars) to this key: star_trends probes it index-only.
    primaryKey({ columns: [t.frameworkId, t.capturedAt, t.runId] }),
    index('snapshots_run_idx').on(t.runId),
  ],
);

/** Conditional-request validators: the ETag and body of the last 200 answer per URL. */
export const httpValidators = pgTable('http_validators', {
  url: text('url').primaryKey(),
  etag: text('etag').notNull(),
  body: jsonb('body').notNull(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/** Scheduler slots claimed by replicas: the first to insert a slot's key runs it. */
export const scheduleClaims = pgTable('schedule_claims', {
  slotKey: text('slot_key').primaryKey(),
  claimedBy: text('claimed_by').notNull(),
  claimedAt: timestamptz('claimed_at').notNull().default(sql`now()`),
});

export const packageRegistry = pgEnum('package_registry', REGISTRIES);
export const packageError = pgEnum('package_error', ['not-found', 'unavailable', 'rate-limited', 'invalid-response']);
export const downloadSource = pgEnum('download_source', ['registry', 'derived']);

/** The packages the catalog names: the per-run figures refer to them by id. */
export const packages = pgTable(
  'packages',
  {
    id: serial('id').primaryKey(),
    registry: packageRegistry('registry').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('packages_registry_name_idx').on(t.registry, t.name)],
);

/** A package's versions as its registry dates them, so the per-run rows carry an id, not text. */
export const packageVersions = pgTable(
  'package_versions',
  {
    id: serial('id').primaryKey(),
    packageId: integer('package_id')
      .notNull()
      .references(() => packages.id),
    version: text('version').notNull(),
    publishedAt: timestamptz('published_at'),
  },
  (t) => [uniqueIndex('package_versions_package_version_idx').on(t.packageId, t.version)],
);

/**
 * The registry figures of one framework in one run, written only for frameworks with a package: a
 * narrow row beside the snapshot row (same run and framework), joined back by the views.
 */
export const packageSnapshots = pgTable(
  'package_snapshots',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id),
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => frameworks.id),
    packageId: integer('package_id')
      .notNull()
      .references(() => packages.id),
    versionId: integer('version_id').references(() => packageVersions.id),
    downloadsLastDay: integer('downloads_last_day'),
    downloadsLastWeek: integer('downloads_last_week'),
    downloadsLastMonth: bigint('downloads_last_month', { mode: 'number' }),
    downloadsTotal: bigint('downloads_total', { mode: 'number' }),
    error: packageError('error'),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.runId] })],
);

/**
 * Daily downloads per package: the registry's own daily figure, or `derived` from two consecutive
 * runs' totals where a registry publishes only totals. The key keeps a day from being stored twice.
 */
export const packageDownloads = pgTable(
  'package_downloads',
  {
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => frameworks.id),
    registry: packageRegistry('registry').notNull(),
    package: text('package').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    downloads: integer('downloads').notNull(),
    source: downloadSource('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.registry, t.package, t.day] })],
);

export const findingSeverity = pgEnum('finding_severity', ['high', 'medium', 'info']);

/**
 * Review findings as each finished refresh derived them (src/review). A finding keeps its row while
 * every following review still finds it, so `first_seen_*` is the first run that found it; a review
 * that no longer finds it closes the row (`resolved_*`), and a later recurrence opens a new one.
 */
export const findings = pgTable(
  'findings',
  {
    id: serial('id').primaryKey(),
    sourceUrl: text('source_url').notNull(),
    /** Null for article-level findings (a stale title). */
    position: smallint('position'),
    framework: text('framework'),
    /** '' for article-level findings, so that the open-finding key is one plain unique index. */
    slug: text('slug').notNull(),
    finding: text('finding').notNull(),
    severity: findingSeverity('severity').notNull(),
    detail: text('detail').notNull(),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
    firstSeenRunId: integer('first_seen_run_id').notNull().references(() => runs.id),
    firstSeenAt: timestamptz('first_seen_at').notNull(),
    lastSeenRunId: integer('last_seen_run_id').notNull().references(() => runs.id),
    resolvedRunId: integer('resolved_run_id').references(() => runs.id),
    resolvedAt: timestamptz('resolved_at'),
  },
  (t) => [uniqueIndex('findings_open_idx').on(t.sourceUrl, t.slug, t.finding).where(sql`${t.resolvedRunId} is null`)],
);

/**
 * The open findings of finished runs: what `stackradar review` prints and `sql` can read. Declared with
 * its query (not `.existing()` like the views of views.ts) so that drizzle-kit writes it.
 */
export const reviewFindings = pgView('review_findings').as((qb) =>
  qb
    .select({
      source_url: sql<string>`${findings.sourceUrl}`.as('source_url'),
      position: sql<number | null>`${findings.position}`.mapWith(findings.position).as('position'),
      framework: sql<string | null>`${findings.framework}`.as('framework'),
      slug: sql<string | null>`nullif(${findings.slug}, '')`.as('slug'),
      finding: sql<string>`${findings.finding}`.as('finding'),
      severity: sql<'high' | 'medium' | 'info'>`${findings.severity}`.as('severity'),
      detail: sql<string>`${findings.detail}`.as('detail'),
      evidence: sql<Record<string, unknown>>`${findings.evidence}`.mapWith(findings.evidence).as('evidence'),
      first_seen_at: sql<Date>`${findings.firstSeenAt}`.mapWith(findings.firstSeenAt).as('first_seen_at'),
    })
    .from(findings)
    .innerJoin(runs, and(eq(runs.id, findings.lastSeenRunId), inArray(runs.status, ['succeeded', 'partial'])))
    .where(isNull(findings.resolvedRunId)),
);

export * from './views.js';
