-- One row per framework per snapshot of a finished run (succeeded or partial): a run that is still
-- running, or died, is never visible.
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
       s."releases_last_365d",
       s."median_release_interval_days",
       s."cadence_source",
       f."docs_url",
       s."docs_status",
       s."docs_error",
       CASE WHEN s."docs_status" IS NOT NULL OR s."docs_error" IS NOT NULL THEN s."captured_at" END AS "docs_checked_at"
FROM "snapshots" s
JOIN "runs" ru ON ru."id" = s."run_id" AND ru."status" IN ('succeeded', 'partial')
JOIN "frameworks" f ON f."id" = s."framework_id"
LEFT JOIN "repositories" r ON r."id" = s."repo_id"
LEFT JOIN "licenses" l ON l."id" = s."license_id"
LEFT JOIN "releases" rel ON rel."id" = s."latest_release_id";
--> statement-breakpoint
-- One row per framework from its newest visible snapshot (a lateral index scan per framework, so the
-- cost follows the number of frameworks, not of snapshots).
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
       s."releases_last_365d",
       s."median_release_interval_days",
       s."cadence_source",
       f."docs_url",
       s."docs_status",
       s."docs_error",
       CASE WHEN s."docs_status" IS NOT NULL OR s."docs_error" IS NOT NULL THEN s."captured_at" END AS "docs_checked_at"
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
LEFT JOIN "releases" rel ON rel."id" = s."latest_release_id";
