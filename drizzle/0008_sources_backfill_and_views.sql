-- Every source ingested so far is tracked (the README's "Sources"): added when first seen, last fetched
-- when last seen.
INSERT INTO "sources" ("url", "added_at", "last_fetched_at", "last_outcome")
SELECT "source_url", min("first_seen_at"), max("last_seen_at"), NULL
FROM "article_versions"
GROUP BY "source_url"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- current_entries gains `cons`.
DROP VIEW "current_entries";
--> statement-breakpoint
CREATE VIEW "current_entries" AS
SELECT v."source_url",
       e."article_version_id",
       e."position",
       e."framework",
       e."slug",
       e."language",
       e."description",
       e."pros",
       e."cons",
       e."notable_users",
       e."links"
FROM "article_entries" e
JOIN "article_versions" v ON v."id" = e."article_version_id"
WHERE v."id" = (SELECT max(n."id") FROM "article_versions" n WHERE n."source_url" = v."source_url");
--> statement-breakpoint
-- docs_checked_at is stored when a docs link is checked, and carried with its result while the link is
-- not due again (STACKRADAR_DOCS_MAX_AGE); snapshots stored before then keep their capture time.
-- One row per framework per snapshot of a finished run (succeeded or partial): a run that is still
-- running, or died, is never visible.
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
       coalesce(s."docs_checked_at", CASE WHEN s."docs_status" IS NOT NULL OR s."docs_error" IS NOT NULL THEN s."captured_at" END) AS "docs_checked_at"
FROM "snapshots" s
JOIN "runs" ru ON ru."id" = s."run_id" AND ru."status" IN ('succeeded', 'partial')
JOIN "frameworks" f ON f."id" = s."framework_id"
LEFT JOIN "repositories" r ON r."id" = s."repo_id"
LEFT JOIN "licenses" l ON l."id" = s."license_id"
LEFT JOIN "releases" rel ON rel."id" = s."latest_release_id"
LEFT JOIN "releases" ver ON ver."id" = s."latest_version_id";
--> statement-breakpoint
-- One row per framework from its newest visible snapshot (a lateral index scan per framework, so the
-- cost follows the number of frameworks, not of snapshots).
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
       coalesce(s."docs_checked_at", CASE WHEN s."docs_status" IS NOT NULL OR s."docs_error" IS NOT NULL THEN s."captured_at" END) AS "docs_checked_at"
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
LEFT JOIN "releases" ver ON ver."id" = s."latest_version_id";
