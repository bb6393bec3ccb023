/**
 * What a finished run stored, read for deriving its events (src/notify): the article versions it
 * created beside the versions before them, its snapshots beside each framework's previous visible
 * snapshot, the anomaly flags of its snapshots (the report's snapshot_anomalies view), and the review
 * findings it opened or resolved.
 */
import { and, desc, eq, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { DiffEntry } from '../domain/diff.js';
import { versionEntries } from './articles.js';
import type { Db } from './database.js';
import { articleVersions, findings, runs } from './schema.js';
import { frameworkHistory, snapshotAnomalies } from './views.js';

export interface VersionChange {
  sourceUrl: string;
  title: string | null;
  versionId: number;
  previousId: number;
  before: DiffEntry[];
  after: DiffEntry[];
}

/** The article versions `runId` created that have a version before them (a first version is the baseline). */
export async function articleChangesOfRun(db: Db, runId: number): Promise<VersionChange[]> {
  const created = await db
    .select({ id: articleVersions.id, sourceUrl: articleVersions.sourceUrl, title: articleVersions.title })
    .from(articleVersions)
    .where(eq(articleVersions.runId, runId))
    .orderBy(articleVersions.id);
  const changes: VersionChange[] = [];
  for (const version of created) {
    const [previous] = await db
      .select({ id: articleVersions.id })
      .from(articleVersions)
      .where(and(eq(articleVersions.sourceUrl, version.sourceUrl), lt(articleVersions.id, version.id)))
      .orderBy(desc(articleVersions.id))
      .limit(1);
    if (!previous) continue;
    const [before, after] = [await versionEntries(db, previous.id), await versionEntries(db, version.id)];
    changes.push({ sourceUrl: version.sourceUrl, title: version.title, versionId: version.id, previousId: previous.id, before, after });
  }
  return changes;
}

const SNAPSHOT_FIELDS = {
  framework: frameworkHistory.framework,
  slug: frameworkHistory.slug,
  repo: frameworkHistory.repo,
  capturedAt: frameworkHistory.captured_at,
  stars: frameworkHistory.stars,
  latestVersion: frameworkHistory.latest_version,
  latestVersionAt: frameworkHistory.latest_version_at,
};

export interface SnapshotPair {
  current: { framework: string; slug: string; repo: string | null; capturedAt: Date; stars: number | null; latestVersion: string | null; latestVersionAt: Date | null };
  /** The framework's visible snapshot just before this one; undefined for its first. */
  previous: { stars: number | null; latestVersion: string | null } | undefined;
}

/** The run's visible snapshots, each beside the framework's snapshot before it (by time, then run). */
export async function snapshotPairsOfRun(db: Db, runId: number): Promise<SnapshotPair[]> {
  const h = frameworkHistory;
  const current = await db.select(SNAPSHOT_FIELDS).from(h).where(eq(h.run_id, runId)).orderBy(h.framework);
  if (current.length === 0) return [];
  // A run stamps all its snapshots with the run's clock, so one moment bounds "before" for all of them.
  const at = current[0]!.capturedAt;
  const previous = await db
    .selectDistinctOn([h.slug], { slug: h.slug, stars: h.stars, latestVersion: h.latest_version })
    .from(h)
    .where(and(inArray(h.slug, current.map((row) => row.slug)), ne(h.run_id, runId), sql`(${h.captured_at}, ${h.run_id}) < (${at.toISOString()}::timestamptz, ${runId})`))
    .orderBy(h.slug, desc(h.captured_at), desc(h.run_id));
  const bySlug = new Map(previous.map(({ slug, ...row }) => [slug, row]));
  return current.map((row) => ({ current: row, previous: bySlug.get(row.slug) }));
}

/** The report's anomaly flags raised by the run's own snapshots, with the framework's repository then. */
export function anomaliesOfRun(db: Db, runId: number) {
  const a = snapshotAnomalies;
  const h = frameworkHistory;
  return db
    .select({ framework: a.framework, slug: a.slug, kind: a.kind, before: a.before, after: a.after, detail: a.detail, repo: h.repo })
    .from(a)
    .leftJoin(h, and(eq(h.run_id, a.run_id), eq(h.slug, a.slug)))
    .where(eq(a.run_id, runId))
    .orderBy(a.framework, a.kind);
}

export interface FindingChange {
  id: number;
  sourceUrl: string;
  framework: string | null;
  slug: string;
  finding: string;
  severity: string;
  detail: string;
  /** Whether `runId` found it first (else: `runId` no longer found it). */
  opened: boolean;
}

/**
 * The review findings `runId` opened or resolved. None from the run that first reviewed an article (its
 * baseline, like a source's first version), and none from a backfill (a run dated before a finished one).
 */
export async function findingChangesOfRun(db: Db, runId: number): Promise<FindingChange[]> {
  const [backfill] = await db
    .select({ id: runs.id })
    .from(runs)
    .where(and(inArray(runs.status, ['succeeded', 'partial']), sql`${runs.runAt} > (select run_at from runs where id = ${runId})`))
    .limit(1);
  if (backfill) return [];
  const rows = await db
    .select({
      id: findings.id,
      sourceUrl: findings.sourceUrl,
      framework: findings.framework,
      slug: findings.slug,
      finding: findings.finding,
      severity: findings.severity,
      detail: findings.detail,
      firstSeenRunId: findings.firstSeenRunId,
    })
    .from(findings)
    .where(
      and(
        or(eq(findings.firstSeenRunId, runId), eq(findings.resolvedRunId, runId)),
        sql`exists (select 1 from ${articleVersions} where ${articleVersions.sourceUrl} = ${findings.sourceUrl} and ${articleVersions.runId} < ${runId})`,
      ),
    )
    .orderBy(findings.id);
  return rows.map(({ firstSeenRunId, ...row }) => ({ ...row, opened: firstSeenRunId === runId }));
}
