CREATE TYPE "public"."download_source" AS ENUM('registry', 'derived');--> statement-breakpoint
CREATE TYPE "public"."package_error" AS ENUM('not-found', 'unavailable', 'rate-limited', 'invalid-response');--> statement-breakpoint
CREATE TYPE "public"."package_registry" AS ENUM('packagist', 'pypi', 'rubygems', 'hex', 'npm', 'maven', 'nuget', 'go', 'crates');--> statement-breakpoint
CREATE TABLE "package_downloads" (
	"framework_id" integer NOT NULL,
	"registry" "package_registry" NOT NULL,
	"package" text NOT NULL,
	"day" date NOT NULL,
	"downloads" integer NOT NULL,
	"source" "download_source" NOT NULL,
	CONSTRAINT "package_downloads_registry_package_day_pk" PRIMARY KEY("registry","package","day")
);
--> statement-breakpoint
CREATE TABLE "package_snapshots" (
	"run_id" integer NOT NULL,
	"framework_id" integer NOT NULL,
	"package_id" integer NOT NULL,
	"version_id" integer,
	"downloads_last_day" integer,
	"downloads_last_week" integer,
	"downloads_last_month" bigint,
	"downloads_total" bigint,
	"error" "package_error",
	CONSTRAINT "package_snapshots_framework_id_run_id_pk" PRIMARY KEY("framework_id","run_id")
);
--> statement-breakpoint
CREATE TABLE "package_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"package_id" integer NOT NULL,
	"version" text NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "packages" (
	"id" serial PRIMARY KEY NOT NULL,
	"registry" "package_registry" NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "package_downloads" ADD CONSTRAINT "package_downloads_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_snapshots" ADD CONSTRAINT "package_snapshots_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_snapshots" ADD CONSTRAINT "package_snapshots_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_snapshots" ADD CONSTRAINT "package_snapshots_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_snapshots" ADD CONSTRAINT "package_snapshots_version_id_package_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."package_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_versions" ADD CONSTRAINT "package_versions_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "package_versions_package_version_idx" ON "package_versions" USING btree ("package_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "packages_registry_name_idx" ON "packages" USING btree ("registry","name");