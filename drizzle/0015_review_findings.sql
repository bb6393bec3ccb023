CREATE TYPE "public"."finding_severity" AS ENUM('high', 'medium', 'info');--> statement-breakpoint
CREATE TYPE "public"."repo_state" AS ENUM('active', 'disabled', 'missing');--> statement-breakpoint
CREATE TABLE "findings" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_url" text NOT NULL,
	"position" smallint,
	"framework" text,
	"slug" text NOT NULL,
	"finding" text NOT NULL,
	"severity" "finding_severity" NOT NULL,
	"detail" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"first_seen_run_id" integer NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_run_id" integer NOT NULL,
	"resolved_run_id" integer,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "last_commit_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "repo_database_id" bigint;--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "repo_seen_as" text;--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "repo_state" "repo_state";--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "docs_first_status" smallint;--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "docs_moved_to" text;--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "package_deprecated" boolean;--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "package_replacement" text;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_first_seen_run_id_runs_id_fk" FOREIGN KEY ("first_seen_run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_last_seen_run_id_runs_id_fk" FOREIGN KEY ("last_seen_run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_resolved_run_id_runs_id_fk" FOREIGN KEY ("resolved_run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "findings_open_idx" ON "findings" USING btree ("source_url","slug","finding") WHERE "findings"."resolved_run_id" is null;--> statement-breakpoint
CREATE VIEW "public"."review_findings" AS (select "findings"."source_url" as "source_url", "findings"."position" as "position", "findings"."framework" as "framework", nullif("findings"."slug", '') as "slug", "findings"."finding" as "finding", "findings"."severity" as "severity", "findings"."detail" as "detail", "findings"."evidence" as "evidence", "findings"."first_seen_at" as "first_seen_at" from "findings" inner join "runs" on ("runs"."id" = "findings"."last_seen_run_id" and "runs"."status" in ('succeeded', 'partial')) where "findings"."resolved_run_id" is null);