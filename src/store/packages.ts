/**
 * Reads and writes of the registries stage: the frameworks a run stored, the newest stored day of each
 * package, the previous totals that derived daily rows start from, and one transaction that stores a
 * run's package figures and daily downloads (a day already stored is kept, never stored twice).
 */
import { and, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Registry } from '../catalog/catalog.js';
import type { Db } from './database.js';
import { frameworks, packageDownloads, packages, packageSnapshots, packageVersions, runs, snapshots } from './schema.js';

/** Rows per statement: far below PostgreSQL's 65,535 bind parameters. */
const CHUNK = 1000;

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK));
  return result;
}

export const packageKey = (registry: string, name: string) => `${registry}:${name}`;

/** The frameworks that have a snapshot in `runId`, by slug. */
export function frameworksOfRun(db: Db, runId: number) {
  return db
    .select({ id: frameworks.id, slug: frameworks.slug })
    .from(snapshots)
    .innerJoin(frameworks, eq(frameworks.id, snapshots.frameworkId))
    .where(eq(snapshots.runId, runId))
    .orderBy(frameworks.slug);
}

/** The newest stored day (YYYY-MM-DD) of each package that has one, by packageKey. */
export async function newestDays(db: Db, wanted: { registry: Registry; name: string }[]): Promise<Map<string, string>> {
  const days = new Map<string, string>();
  for (const part of chunks(wanted)) {
    const rows = await db
      .select({ registry: packageDownloads.registry, name: packageDownloads.package, day: sql<string>`max(${packageDownloads.day})::text` })
      .from(packageDownloads)
      .where(sql`(${packageDownloads.registry}, ${packageDownloads.package}) in (${sql.join(part.map((p) => sql`(${p.registry}::package_registry, ${p.name})`), sql`, `)})`)
      .groupBy(packageDownloads.registry, packageDownloads.package);
    for (const row of rows) days.set(packageKey(row.registry, row.name), row.day);
  }
  return days;
}

export interface PreviousTotal {
  frameworkId: number;
  registry: Registry;
  name: string;
  total: number;
  capturedAt: Date;
}

/**
 * Each framework's newest total from a finished run captured before `before` (the start of this run's
 * day), for derived daily rows: the downloads between two totals are the difference.
 */
export async function previousTotals(db: Db, frameworkIds: number[], runId: number, before: Date): Promise<PreviousTotal[]> {
  const found: PreviousTotal[] = [];
  for (const part of chunks(frameworkIds)) {
    const rows = await db
      .selectDistinctOn([packageSnapshots.frameworkId], {
        frameworkId: packageSnapshots.frameworkId,
        registry: packages.registry,
        name: packages.name,
        total: packageSnapshots.downloadsTotal,
        capturedAt: snapshots.capturedAt,
      })
      .from(packageSnapshots)
      .innerJoin(snapshots, and(eq(snapshots.runId, packageSnapshots.runId), eq(snapshots.frameworkId, packageSnapshots.frameworkId)))
      .innerJoin(runs, and(eq(runs.id, packageSnapshots.runId), inArray(runs.status, ['succeeded', 'partial'])))
      .innerJoin(packages, eq(packages.id, packageSnapshots.packageId))
      .where(
        and(
          inArray(packageSnapshots.frameworkId, part),
          ne(packageSnapshots.runId, runId),
          lt(snapshots.capturedAt, before),
          sql`${packageSnapshots.downloadsTotal} is not null`,
        ),
      )
      .orderBy(packageSnapshots.frameworkId, desc(snapshots.capturedAt), desc(snapshots.runId));
    for (const row of rows) if (row.total !== null) found.push({ ...row, total: row.total });
  }
  return found;
}

export interface PackageFiguresRow {
  frameworkId: number;
  registry: Registry;
  name: string;
  version: { version: string; publishedAt: Date | null } | null;
  downloadsLastDay: number | null;
  downloadsLastWeek: number | null;
  downloadsLastMonth: number | null;
  downloadsTotal: number | null;
  error: 'not-found' | 'unavailable' | 'rate-limited' | 'invalid-response' | null;
  /** The registry's deprecation mark (null: none read), kept on the run's snapshot for review. */
  deprecated: boolean | null;
  replacement: string | null;
}

export type DailyRow = typeof packageDownloads.$inferInsert;

async function packageIds(db: Db, wanted: { registry: Registry; name: string }[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const unique = [...new Map(wanted.map((p) => [packageKey(p.registry, p.name), p])).values()];
  for (const part of chunks(unique)) {
    await db.insert(packages).values(part).onConflictDoNothing();
    const rows = await db
      .select({ id: packages.id, registry: packages.registry, name: packages.name })
      .from(packages)
      .where(sql`(${packages.registry}, ${packages.name}) in (${sql.join(part.map((p) => sql`(${p.registry}::package_registry, ${p.name})`), sql`, `)})`);
    for (const row of rows) ids.set(packageKey(row.registry, row.name), row.id);
  }
  return ids;
}

async function versionIds(db: Db, rows: { packageId: number; version: string; publishedAt: Date | null }[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunks(rows)) {
    const saved = await db
      .insert(packageVersions)
      .values(part)
      .onConflictDoUpdate({
        target: [packageVersions.packageId, packageVersions.version],
        set: { publishedAt: sql`coalesce(excluded.published_at, ${packageVersions.publishedAt})` },
      })
      .returning({ id: packageVersions.id, packageId: packageVersions.packageId, version: packageVersions.version });
    for (const row of saved) ids.set(`${row.packageId} ${row.version}`, row.id);
  }
  return ids;
}

/** Stores one run's package figures and daily rows in one transaction; returns how many daily rows were new. */
/** Each framework's deprecation mark onto its snapshot of the run, one statement per chunk. */
async function markDeprecation(db: Db, runId: number, figures: PackageFiguresRow[]): Promise<void> {
  for (const part of chunks(figures.filter((f) => f.deprecated !== null))) {
    const values = sql.join(part.map((f) => sql`(${f.frameworkId}::integer, ${f.deprecated}::boolean, ${f.replacement}::text)`), sql`, `);
    await db.execute(sql`
      update ${snapshots} set package_deprecated = v.deprecated, package_replacement = v.replacement
      from (values ${values}) as v(framework_id, deprecated, replacement)
      where ${snapshots.runId} = ${runId} and ${snapshots.frameworkId} = v.framework_id`);
  }
}

export async function storePackageFigures(db: Db, runId: number, figures: PackageFiguresRow[], daily: DailyRow[]): Promise<number> {
  return db.transaction(async (tx) => {
    const ids = await packageIds(tx, figures);
    const withIds = figures.flatMap((f) => {
      const packageId = ids.get(packageKey(f.registry, f.name));
      return packageId === undefined ? [] : [{ ...f, packageId }];
    });
    const versions = await versionIds(tx, withIds.flatMap((f) => (f.version ? [{ packageId: f.packageId, ...f.version }] : [])));
    for (const part of chunks(withIds)) {
      await tx.insert(packageSnapshots).values(
        part.map((f) => ({
          runId,
          frameworkId: f.frameworkId,
          packageId: f.packageId,
          versionId: f.version ? versions.get(`${f.packageId} ${f.version.version}`) : null,
          downloadsLastDay: f.downloadsLastDay,
          downloadsLastWeek: f.downloadsLastWeek,
          downloadsLastMonth: f.downloadsLastMonth,
          downloadsTotal: f.downloadsTotal,
          error: f.error,
        })),
      );
    }
    await markDeprecation(tx, runId, figures);
    let added = 0;
    for (const part of chunks(daily)) {
      const saved = await tx.insert(packageDownloads).values(part).onConflictDoNothing().returning({ day: packageDownloads.day });
      added += saved.length;
    }
    return added;
  });
}
