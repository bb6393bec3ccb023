/**
 * What review reads and writes. Reads: the current entries with their article's title, each
 * framework's newest snapshot, its docs check history and the GitHub ids seen under a name — from the
 * runs that finished plus the run in progress (whose snapshots the views do not show yet). Writes: the
 * run's findings into `findings`, keeping `first_seen_*` of a finding that is still there.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';
import { articleVersions, findings, frameworks, packages, packageSnapshots, packageVersions, releases, repositories, reviewFindings, runs, snapshots, sources } from './schema.js';
import { currentEntries } from './views.js';

/** How far back docs checks are read: enough for the last two checks of any sensible STACKRADAR_DOCS_MAX_AGE. */
const DOCS_HISTORY_DAYS = 90;
const CHUNK = 1000;

/** Snapshots of finished runs, and of the run in progress. */
const visible = (runId: number) => and(eq(runs.id, snapshots.runId), or(inArray(runs.status, ['succeeded', 'partial']), eq(runs.id, runId)));

/** The current entries of the tracked sources with the title of their version, in source and article order. */
export function reviewEntries(db: Db) {
  const c = currentEntries;
  return db
    .select({
      sourceUrl: c.source_url, title: articleVersions.title, position: c.position, framework: c.framework, slug: c.slug, language: c.language,
      description: c.description, pros: c.pros, cons: c.cons, aliases: c.aliases, links: c.links,
    })
    .from(c)
    .innerJoin(sources, and(eq(sources.url, c.source_url), isNull(sources.removedAt)))
    .innerJoin(articleVersions, eq(articleVersions.id, c.article_version_id))
    .orderBy(asc(c.source_url), asc(c.position));
}

/** Each framework's newest snapshot, with its releases, package (figures and deprecation mark) and docs URL. */
export function latestSnapshots(db: Db, runId: number) {
  const version = alias(releases, 'latest_version');
  return db
    .selectDistinctOn([snapshots.frameworkId], {
      slug: frameworks.slug, capturedAt: snapshots.capturedAt, repo: repositories.fullName, repoSeenAs: snapshots.repoSeenAs,
      repoState: snapshots.repoState, repoDatabaseId: snapshots.repoDatabaseId, archived: snapshots.archived,
      lastCommitAt: snapshots.lastCommitAt, pushedAt: snapshots.pushedAt, latestRelease: releases.tag, latestReleaseAt: releases.publishedAt,
      latestVersion: version.tag, packageVersion: packageVersions.version, stars: snapshots.stars,
      downloadsLastMonth: packageSnapshots.downloadsLastMonth, packageRegistry: packages.registry, packageName: packages.name,
      packageDeprecated: snapshots.packageDeprecated, packageReplacement: snapshots.packageReplacement, docsUrl: frameworks.docsUrl,
    })
    .from(snapshots)
    .innerJoin(runs, visible(runId))
    .innerJoin(frameworks, eq(frameworks.id, snapshots.frameworkId))
    .leftJoin(repositories, eq(repositories.id, snapshots.repoId))
    .leftJoin(releases, eq(releases.id, snapshots.latestReleaseId))
    .leftJoin(version, eq(version.id, snapshots.latestVersionId))
    .leftJoin(packageSnapshots, and(eq(packageSnapshots.frameworkId, snapshots.frameworkId), eq(packageSnapshots.runId, snapshots.runId)))
    .leftJoin(packageVersions, eq(packageVersions.id, packageSnapshots.versionId))
    .leftJoin(packages, eq(packages.id, packageSnapshots.packageId))
    .orderBy(snapshots.frameworkId, desc(snapshots.capturedAt), desc(snapshots.runId));
}

/** Every GitHub id each framework's repository name has answered with (lower-cased name). */
export function repositoryIdsSeen(db: Db, runId: number) {
  return db
    .selectDistinct({ slug: frameworks.slug, name: sql<string>`lower(${snapshots.repoSeenAs})`, id: snapshots.repoDatabaseId })
    .from(snapshots)
    .innerJoin(runs, visible(runId))
    .innerJoin(frameworks, eq(frameworks.id, snapshots.frameworkId))
    .where(and(isNotNull(snapshots.repoDatabaseId), isNotNull(snapshots.repoSeenAs)));
}

/** Distinct docs checks (a carried result is one check) of the last 90 days, newest first per framework. */
export function docsCheckHistory(db: Db, runId: number, now: Date) {
  const checkedAt = sql<Date>`coalesce(${snapshots.docsCheckedAt}, ${snapshots.capturedAt})`.mapWith(snapshots.capturedAt);
  return db
    .selectDistinctOn([snapshots.frameworkId, checkedAt], {
      slug: frameworks.slug, checkedAt, status: snapshots.docsStatus, error: snapshots.docsError,
      firstStatus: snapshots.docsFirstStatus, movedTo: snapshots.docsMovedTo,
    })
    .from(snapshots)
    .innerJoin(runs, visible(runId))
    .innerJoin(frameworks, eq(frameworks.id, snapshots.frameworkId))
    .where(and(
      gte(snapshots.capturedAt, new Date(now.getTime() - DOCS_HISTORY_DAYS * 86_400_000)),
      or(isNotNull(snapshots.docsStatus), and(isNotNull(snapshots.docsError), ne(snapshots.docsError, 'no-url'))),
    ))
    .orderBy(snapshots.frameworkId, desc(checkedAt), desc(snapshots.runId));
}

export type FindingRow = Pick<typeof findings.$inferInsert, 'sourceUrl' | 'position' | 'framework' | 'slug' | 'finding' | 'severity' | 'detail' | 'evidence'>;

/**
 * Stores a run's findings: one still open keeps its row (and first_seen_*), a new one opens a row, and
 * an open one this run did not find is closed as resolved by it.
 */
export async function recordFindings(db: Db, runId: number, at: Date, rows: FindingRow[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await tx
        .insert(findings)
        .values(rows.slice(i, i + CHUNK).map((row) => ({ ...row, firstSeenRunId: runId, firstSeenAt: at, lastSeenRunId: runId })))
        .onConflictDoUpdate({
          target: [findings.sourceUrl, findings.slug, findings.finding],
          targetWhere: isNull(findings.resolvedRunId),
          set: {
            position: sql`excluded.position`, framework: sql`excluded.framework`, severity: sql`excluded.severity`,
            detail: sql`excluded.detail`, evidence: sql`excluded.evidence`, lastSeenRunId: runId,
          },
        });
    }
    await tx
      .update(findings)
      .set({ resolvedRunId: runId, resolvedAt: at })
      .where(and(isNull(findings.resolvedRunId), ne(findings.lastSeenRunId, runId)));
  });
}

/** The open findings (review_findings) of some sources, or of all: by source, most severe first, then article order. */
export function openFindings(db: Db, sourceUrls: string[]) {
  const f = reviewFindings;
  return db
    .select()
    .from(f)
    .where(sourceUrls.length > 0 ? inArray(f.source_url, sourceUrls) : undefined)
    .orderBy(asc(f.source_url), asc(f.severity), sql`${f.position} nulls first`, asc(f.finding), asc(f.slug));
}
