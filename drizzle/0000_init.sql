CREATE TYPE "public"."cadence_source" AS ENUM('releases', 'tags');--> statement-breakpoint
CREATE TYPE "public"."docs_error" AS ENUM('blocked', 'timeout', 'dns', 'tls', 'connection', 'redirects', 'invalid-url', 'http', 'no-url');--> statement-breakpoint
CREATE TYPE "public"."repo_source" AS ENUM('catalog', 'search');--> statement-breakpoint
CREATE TYPE "public"."run_status" AS ENUM('running', 'succeeded', 'partial', 'failed', 'abandoned');--> statement-breakpoint
CREATE TABLE "article_entries" (
	"article_version_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"framework" text NOT NULL,
	"slug" text NOT NULL,
	"language" text,
	"description" text NOT NULL,
	"pros" jsonb NOT NULL,
	"notable_users" jsonb NOT NULL,
	"links" jsonb NOT NULL,
	CONSTRAINT "article_entries_article_version_id_position_pk" PRIMARY KEY("article_version_id","position")
);
--> statement-breakpoint
CREATE TABLE "article_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_url" text NOT NULL,
	"content_hash" text NOT NULL,
	"title" text,
	"author" text,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"entry_count" integer NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"run_id" integer
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"language" text,
	"repo_id" integer,
	"repo_source" "repo_source",
	"repo_confidence" real,
	"docs_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "frameworks_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "http_validators" (
	"url" text PRIMARY KEY NOT NULL,
	"etag" text NOT NULL,
	"body" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licenses" (
	"id" "smallserial" PRIMARY KEY NOT NULL,
	"spdx_id" text NOT NULL,
	CONSTRAINT "licenses_spdx_id_unique" UNIQUE("spdx_id")
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" serial PRIMARY KEY NOT NULL,
	"framework_id" integer NOT NULL,
	"tag" text NOT NULL,
	"name" text,
	"source" "cadence_source" NOT NULL,
	"is_prerelease" boolean NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "repositories" (
	"id" serial PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	CONSTRAINT "repositories_full_name_unique" UNIQUE("full_name")
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"trigger" text NOT NULL,
	"command" text NOT NULL,
	"status" "run_status" DEFAULT 'running' NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"pid" integer NOT NULL,
	"host" text NOT NULL,
	"stats" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "schedule_claims" (
	"slot_key" text PRIMARY KEY NOT NULL,
	"claimed_by" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"run_id" integer NOT NULL,
	"framework_id" integer NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"repo_id" integer,
	"stars" integer,
	"forks" integer,
	"watchers" integer,
	"open_issues" integer,
	"pushed_at" timestamp with time zone,
	"latest_release_id" integer,
	"median_release_interval_days" real,
	"releases_last_365d" smallint,
	"license_id" smallint,
	"docs_status" smallint,
	"archived" boolean,
	"cadence_source" "cadence_source",
	"docs_error" "docs_error",
	CONSTRAINT "snapshots_framework_id_captured_at_run_id_pk" PRIMARY KEY("framework_id","captured_at","run_id")
);
--> statement-breakpoint
ALTER TABLE "article_entries" ADD CONSTRAINT "article_entries_article_version_id_article_versions_id_fk" FOREIGN KEY ("article_version_id") REFERENCES "public"."article_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_versions" ADD CONSTRAINT "article_versions_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_repo_id_repositories_id_fk" FOREIGN KEY ("repo_id") REFERENCES "public"."repositories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_repo_id_repositories_id_fk" FOREIGN KEY ("repo_id") REFERENCES "public"."repositories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_latest_release_id_releases_id_fk" FOREIGN KEY ("latest_release_id") REFERENCES "public"."releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_entries_slug_idx" ON "article_entries" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "article_versions_source_idx" ON "article_versions" USING btree ("source_url","id");--> statement-breakpoint
CREATE UNIQUE INDEX "releases_framework_tag_idx" ON "releases" USING btree ("framework_id","source","tag");--> statement-breakpoint
CREATE INDEX "runs_status_idx" ON "runs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "runs_started_at_idx" ON "runs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "snapshots_run_idx" ON "snapshots" USING btree ("run_id");