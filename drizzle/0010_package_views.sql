-- framework_history and framework_latest gain the package registry's figures of the same run (null where
-- the framework has no package, or the run stored none for it).
DROP VIEW "framework_history";
--> statement-breakpoint
CREATE VIEW "framework_history" AS
SELECT s."run_id",
       f."name" AS "framework",
       f."slug",
       f."language",
       r."full_name" AS "repo",
       s."captured_at",
       s."stars",
       s."forks",
       s."open_issues",
       s."watchers",
       l."spdx_id" AS "license",
       s."archived",
       s."pushed_at",
       rel."tag" AS "latest_release",
       rel."published_at" AS "latest_release_at",
       ver."tag" AS "latest_version",
       ver."published_at" AS "latest_version_at",
       s."releases_last_365d",
       s."median_release_interval_days",
       s."cadence_source",
       f."docs_url",
       s."docs_status",
       s."docs_error",
       coalesce(s."docs_checked_at", CASE WHEN s."docs_status" IS NOT NULL OR s."docs_error" IS NOT NULL THEN s."captured_at" END) AS "docs_checked_at",
       p."registry" AS "package_registry",
       p."name" AS "package_name",
       pv."version" AS "package_version",
       pv."published_at" AS "package_version_at",
       ps."downloads_last_day",
       ps."downloads_last_week",
       ps."downloads_last_month",
       ps."downloads_total",
       ps."error" AS "package_error"
FROM "snapshots" s
JOIN "runs" ru ON ru."id" = s."run_id" AND ru."status" IN ('succeeded', 'partial')
JOIN "frameworks" f ON f."id" = s."framework_id"
LEFT JOIN "repositories" r ON r."id" = s."repo_id"
LEFT JOIN "licenses" l ON l."id" = s."license_id"
LEFT JOIN "releases" rel ON rel."id" = s."latest_release_id"
LEFT JOIN "releases" ver ON ver."id" = s."latest_version_id"
LEFT JOIN "package_snapshots" ps ON ps."framework_id" = s."framework_id" AND ps."run_id" = s."run_id"
LEFT JOIN "packages" p ON p."id" = ps."package_id"
LEFT JOIN "package_versions" pv ON pv."id" = ps."version_id";
--> statement-breakpoint
DROP VIEW "framework_latest";
--> statement-breakpoint
CREATE VIEW "framework_latest" AS
SELECT f."name" AS "framework",
       f."slug",
       f."language",
       r."full_name" AS "repo",
       s."captured_at",
       s."stars",
       s."forks",
       s."open_issues",
       s."watchers",
       l."spdx_id" AS "license",
       s."archived",
       s."pushed_at",
       rel."tag" AS "latest_release",
       rel."published_at" AS "latest_release_at",
       ver."tag" AS "latest_version",
       ver."published_at" AS "latest_version_at",
       s."releases_last_365d",
       s."median_release_interval_days",
       s."cadence_source",
       f."docs_url",
       s."docs_status",
       s."docs_error",
       coalesce(s."docs_checked_at", CASE WHEN s."docs_status" IS NOT NULL OR s."docs_error" IS NOT NULL THEN s."captured_at" END) AS "docs_checked_at",
       p."registry" AS "package_registry",
       p."name" AS "package_name",
       pv."version" AS "package_version",
       pv."published_at" AS "package_version_at",
       ps."downloads_last_day",
       ps."downloads_last_week",
       ps."downloads_last_month",
       ps."downloads_total",
       ps."error" AS "package_error"
FROM "frameworks" f
CROSS JOIN LATERAL (
  SELECT sn.*
  FROM "snapshots" sn
  JOIN "runs" ru ON ru."id" = sn."run_id" AND ru."status" IN ('succeeded', 'partial')
  WHERE sn."framework_id" = f."id"
  ORDER BY sn."captured_at" DESC, sn."run_id" DESC
  LIMIT 1
) s
LEFT JOIN "repositories" r ON r."id" = s."repo_id"
LEFT JOIN "licenses" l ON l."id" = s."license_id"
LEFT JOIN "releases" rel ON rel."id" = s."latest_release_id"
LEFT JOIN "releases" ver ON ver."id" = s."latest_version_id"
LEFT JOIN "package_snapshots" ps ON ps."framework_id" = s."framework_id" AND ps."run_id" = s."run_id"
LEFT JOIN "packages" p ON p."id" = ps."package_id"
LEFT JOIN "package_versions" pv ON pv."id" = ps."version_id";
--> statement-breakpoint
-- Downloads over whole days, counted back from the newest day stored for each package: the last 7 and
-- 30 days and the 7 and 30 before them. A window missing any day is null, and so is a change computed
-- from it (or from a window of no downloads).
CREATE VIEW "download_trends" AS
WITH "newest" AS (
  SELECT "registry", "package", max("day") AS "last_day"
  FROM "package_downloads"
  GROUP BY "registry", "package"
), "windows" AS (
  SELECT d."framework_id",
         d."registry",
         d."package",
         sum(d."downloads") FILTER (WHERE d."day" > n."last_day" - 7) AS "last_7d",
         count(*) FILTER (WHERE d."day" > n."last_day" - 7) AS "days_last_7d",
         sum(d."downloads") FILTER (WHERE d."day" <= n."last_day" - 7 AND d."day" > n."last_day" - 14) AS "prev_7d",
         count(*) FILTER (WHERE d."day" <= n."last_day" - 7 AND d."day" > n."last_day" - 14) AS "days_prev_7d",
         sum(d."downloads") FILTER (WHERE d."day" > n."last_day" - 30) AS "last_30d",
         count(*) FILTER (WHERE d."day" > n."last_day" - 30) AS "days_last_30d",
         sum(d."downloads") FILTER (WHERE d."day" <= n."last_day" - 30) AS "prev_30d",
         count(*) FILTER (WHERE d."day" <= n."last_day" - 30) AS "days_prev_30d"
  FROM "newest" n
  JOIN "package_downloads" d ON d."registry" = n."registry" AND d."package" = n."package" AND d."day" > n."last_day" - 60
  GROUP BY d."framework_id", d."registry", d."package"
), "complete" AS (
  SELECT "framework_id",
         "registry",
         "package",
         CASE WHEN "days_last_7d" = 7 THEN "last_7d" END AS "last_7d",
         CASE WHEN "days_prev_7d" = 7 THEN "prev_7d" END AS "prev_7d",
         CASE WHEN "days_last_30d" = 30 THEN "last_30d" END AS "last_30d",
         CASE WHEN "days_prev_30d" = 30 THEN "prev_30d" END AS "prev_30d"
  FROM "windows"
)
SELECT f."name" AS "framework",
       f."slug",
       c."registry",
       c."package",
       c."last_7d"::bigint AS "downloads_last_7d",
       c."prev_7d"::bigint AS "downloads_prev_7d",
       c."last_30d"::bigint AS "downloads_last_30d",
       c."prev_30d"::bigint AS "downloads_prev_30d",
       round((c."last_7d" - c."prev_7d") * 100.0 / nullif(c."prev_7d", 0), 1)::float8 AS "change_7d_pct",
       round((c."last_30d" - c."prev_30d") * 100.0 / nullif(c."prev_30d", 0), 1)::float8 AS "change_30d_pct"
FROM "complete" c
JOIN "frameworks" f ON f."id" = c."framework_id";
