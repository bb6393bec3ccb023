CREATE TABLE "sources" (
	"url" text PRIMARY KEY NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	"last_fetched_at" timestamp with time zone,
	"last_outcome" text
);
--> statement-breakpoint
ALTER TABLE "article_entries" ADD COLUMN "cons" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "docs_checked_at" timestamp with time zone;