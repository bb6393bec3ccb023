ALTER TABLE "article_entries" ADD COLUMN "aliases" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "article_versions" ADD COLUMN "structure" jsonb;--> statement-breakpoint
ALTER TABLE "article_versions" ADD COLUMN "confidence" real;--> statement-breakpoint
ALTER TABLE "article_versions" ADD COLUMN "confidence_reasons" jsonb;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "entries_selector" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "exclude_selector" text;