-- The primary key also carries `stars` (INCLUDE), so the trend lookups below are index-only scans.
-- An index tuple is 8-byte aligned: (framework_id, captured_at, run_id) leaves 4 spare bytes, so the
-- index does not grow.
ALTER TABLE "snapshots" DROP CONSTRAINT "snapshots_framework_id_captured_at_run_id_pk";
--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_framework_id_captured_at_run_id_pk"
  PRIMARY KEY ("framework_id", "captured_at", "run_id") INCLUDE ("stars");
--> statement-breakpoint
-- One row per framework: its newest visible stars and the change against the newest visible snapshot
-- at least 1, 7, 30, 90 and 365 days older (null where there is none). "At least N days" allows one
-- hour of grace, so that a daily schedule whose run starts a few seconds earlier than the day before,
-- or a day shortened by a DST change, still compares with the run N days before rather than N + 1.
-- Each window is one backward index probe per framework: the cost follows the number of frameworks.
CREATE VIEW "star_trends" AS
SELECT f."name" AS "framework",
       f."slug",
       n."stars",
       n."stars" - d1."stars" AS "delta_1d",
       n."stars" - d7."stars" AS "delta_7d",
       n."stars" - d30."stars" AS "delta_30d",
       n."stars" - d90."stars" AS "delta_90d",
       n."stars" - d365."stars" AS "delta_365d"
FROM "frameworks" f
CROSS JOIN LATERAL (
  SELECT sn."captured_at", sn."stars"
  FROM "snapshots" sn
  JOIN "runs" ru ON ru."id" = sn."run_id" AND ru."status" IN ('succeeded', 'partial')
  WHERE sn."framework_id" = f."id"
  ORDER BY sn."captured_at" DESC, sn."run_id" DESC
  LIMIT 1
) n
LEFT JOIN LATERAL (
  SELECT sn."stars" FROM "snapshots" sn
  JOIN "runs" ru ON ru."id" = sn."run_id" AND ru."status" IN ('succeeded', 'partial')
  WHERE sn."framework_id" = f."id" AND sn."captured_at" <= n."captured_at" - interval '1 day' + interval '1 hour'
  ORDER BY sn."captured_at" DESC, sn."run_id" DESC LIMIT 1
) d1 ON true
LEFT JOIN LATERAL (
  SELECT sn."stars" FROM "snapshots" sn
  JOIN "runs" ru ON ru."id" = sn."run_id" AND ru."status" IN ('succeeded', 'partial')
  WHERE sn."framework_id" = f."id" AND sn."captured_at" <= n."captured_at" - interval '7 days' + interval '1 hour'
  ORDER BY sn."captured_at" DESC, sn."run_id" DESC LIMIT 1
) d7 ON true
LEFT JOIN LATERAL (
  SELECT sn."stars" FROM "snapshots" sn
  JOIN "runs" ru ON ru."id" = sn."run_id" AND ru."status" IN ('succeeded', 'partial')
  WHERE sn."framework_id" = f."id" AND sn."captured_at" <= n."captured_at" - interval '30 days' + interval '1 hour'
  ORDER BY sn."captured_at" DESC, sn."run_id" DESC LIMIT 1
) d30 ON true
LEFT JOIN LATERAL (
  SELECT sn."stars" FROM "snapshots" sn
  JOIN "runs" ru ON ru."id" = sn."run_id" AND ru."status" IN ('succeeded', 'partial')
  WHERE sn."framework_id" = f."id" AND sn."captured_at" <= n."captured_at" - interval '90 days' + interval '1 hour'
  ORDER BY sn."captured_at" DESC, sn."run_id" DESC LIMIT 1
) d90 ON true
LEFT JOIN LATERAL (
  SELECT sn."stars" FROM "snapshots" sn
  JOIN "runs" ru ON ru."id" = sn."run_id" AND ru."status" IN ('succeeded', 'partial')
  WHERE sn."framework_id" = f."id" AND sn."captured_at" <= n."captured_at" - interval '365 days' + interval '1 hour'
  ORDER BY sn."captured_at" DESC, sn."run_id" DESC LIMIT 1
) d365 ON true;
--> statement-breakpoint
-- Jumps that are usually moved repositories or data errors rather than trends, between a visible
-- snapshot and the framework's previous visible one: stars falling by more than 5% (`stars_drop`), or
-- a different repository (`repo_changed`). One index probe per snapshot, so a filter on `slug` or
-- `captured_at` keeps the cost to the rows it selects.
CREATE VIEW "snapshot_anomalies" AS
SELECT f."name" AS "framework",
       f."slug",
       s."run_id",
       s."captured_at",
       a."kind",
       a."before",
       a."after",
       a."detail"
FROM "snapshots" s
JOIN "runs" ru ON ru."id" = s."run_id" AND ru."status" IN ('succeeded', 'partial')
CROSS JOIN LATERAL (
  SELECT p."stars", p."repo_id"
  FROM "snapshots" p
  JOIN "runs" pr ON pr."id" = p."run_id" AND pr."status" IN ('succeeded', 'partial')
  WHERE p."framework_id" = s."framework_id" AND (p."captured_at", p."run_id") < (s."captured_at", s."run_id")
  ORDER BY p."captured_at" DESC, p."run_id" DESC
  LIMIT 1
) p
CROSS JOIN LATERAL (
  SELECT 'stars_drop' AS "kind",
         p."stars"::text AS "before",
         s."stars"::text AS "after",
         format('stars fell %s%% (%s → %s)', round(100.0 * (p."stars" - s."stars") / p."stars", 1), p."stars", s."stars") AS "detail"
  WHERE (p."stars" - s."stars") * 20 > p."stars"
  UNION ALL
  SELECT 'repo_changed', rb."full_name", ra."full_name", format('repository changed from %s to %s', rb."full_name", ra."full_name")
  FROM "repositories" rb, "repositories" ra
  WHERE s."repo_id" <> p."repo_id" AND rb."id" = p."repo_id" AND ra."id" = s."repo_id"
) a
JOIN "frameworks" f ON f."id" = s."framework_id";
