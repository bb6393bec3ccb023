-- current_entries gains `aliases` (migration 0011): the other names the article gives an entry.
-- CREATE OR REPLACE keeps the view's existing columns and appends the new one.
CREATE OR REPLACE VIEW "current_entries" AS
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
       e."links",
       e."aliases"
FROM "article_entries" e
JOIN "article_versions" v ON v."id" = e."article_version_id"
WHERE v."id" = (SELECT max(n."id") FROM "article_versions" n WHERE n."source_url" = v."source_url");
