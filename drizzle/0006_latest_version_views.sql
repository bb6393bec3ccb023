-- latest_version / latest_version_at in the public views: the highest stable version by version order,
-- next to latest_release (the newest by date). The views are recreated (not replaced) so that the new
-- columns sit next to latest_release_at, where the README lists them.
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
       CASE WHEN s."docs_status" IS NOT NULL OR s."docs_error" IS NOT NULL THEN s."captured_at" END AS "docs_checked_at"
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
LEFT JOIN "releases" rel ON rel."id" = s."latest_release_id"
LEFT JOIN "releases" ver ON ver."id" = s."latest_version_id";
--> statement-breakpoint
-- Snapshots stored before latest_version existed get it from the stored releases, with the rules of
-- src/enrich/version.ts for the spellings a stable release can have: an optional word prefix
-- (`release-`), an optional `v`, numeric parts, an optional post-release part (`.post1`, `-1`) or final
-- qualifier (`.RELEASE`, `.Final`, `-GA`) and build metadata (`+build.5`). Prereleases and names
-- without a version (`2.3.x`, `latest`) do not match. Versions compare by their numeric parts left to
-- right, trailing zero parts dropped (`5.2` = `5.2.0`); a tie goes to the newer release.
UPDATE "snapshots" s
SET "latest_version_id" = (
  SELECT r."id"
  FROM "releases" r
  CROSS JOIN LATERAL regexp_match(
    r."tag",
    '^(?:[a-z][a-z0-9]*(?:[-_][a-z][a-z0-9]*)*[-_])?v?([0-9]+(?:\.[0-9]+)*)(?:[-_.]?(?:post|rev|r)[-_.]?[0-9]*|-[0-9]+)?(?:[-.](?:release|final|ga|stable))?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$',
    'i'
  ) m
  WHERE m IS NOT NULL
    AND r."framework_id" = s."framework_id"
    AND r."source" = s."cadence_source"
    AND NOT r."is_prerelease"
    AND r."published_at" <= s."captured_at"
    AND r."tag" !~* '(^|[-_])(nightly|canary|snapshot|preview|dev|alpha|beta|rc|next|edge)[-_]'
  ORDER BY string_to_array(regexp_replace(m[1], '(\.0+)+$', ''), '.')::numeric[] DESC, r."published_at" DESC, r."id" DESC
  LIMIT 1
)
WHERE s."cadence_source" IS NOT NULL AND s."latest_version_id" IS NULL;
