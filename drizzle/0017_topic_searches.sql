CREATE TABLE "topic_searches" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"language" text NOT NULL,
	"day" date NOT NULL,
	"query" text NOT NULL,
	"min_stars" integer NOT NULL,
	"searched_at" timestamp with time zone NOT NULL,
	"total_count" integer NOT NULL,
	"repos" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "topic_searches" ADD CONSTRAINT "topic_searches_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "topic_searches_language_day_idx" ON "topic_searches" USING btree ("language","day");