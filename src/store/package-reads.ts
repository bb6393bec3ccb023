/**
 * The report's reads of the package figures: each framework's package and its latest stable version
 * (framework_latest), its 30-day downloads and their change (download_trends), and daily downloads
 * for the charts (package_downloads).
 */
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from './database.js';
import { frameworks, packageDownloads } from './schema.js';
import { downloadTrends, frameworkLatest } from './views.js';

/** Every framework's package, version and download trend, by slug (frameworks without a package have nulls). */
export function packageSummaries(db: Db) {
  const l = frameworkLatest;
  const t = downloadTrends;
  return db
    .select({
      slug: l.slug,
      package_registry: l.package_registry,
      package_name: l.package_name,
      package_version: l.package_version,
      package_error: l.package_error,
      downloads_last_30d: t.downloads_last_30d,
      downloads_prev_30d: t.downloads_prev_30d,
      change_30d_pct: t.change_30d_pct,
    })
    .from(l)
    .leftJoin(t, and(eq(t.slug, l.slug), eq(t.registry, sql`${l.package_registry}`), eq(t.package, sql`${l.package_name}`)));
}

/** Daily downloads of some frameworks' packages from `sinceDay` (YYYY-MM-DD) on, oldest first. */
export function dailyDownloads(db: Db, slugs: string[], sinceDay: string) {
  if (slugs.length === 0) return Promise.resolve([]);
  const d = packageDownloads;
  return db
    .select({ slug: frameworks.slug, framework: frameworks.name, registry: d.registry, day: sql<string>`${d.day}::text`, downloads: d.downloads })
    .from(d)
    .innerJoin(frameworks, eq(frameworks.id, d.frameworkId))
    .where(and(inArray(frameworks.slug, slugs), gte(d.day, sinceDay)))
    .orderBy(asc(d.day));
}
