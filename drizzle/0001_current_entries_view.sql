-- The entries of the newest stored version of every source.
CREATE VIEW "current_entries" AS
SELECT v."source_url",
       e."article_version_id",
       e."position",
       e."framework",
       e."slug",
       e."language",
       e."description",
       e."pros",
       e."notable_users",
       e."links"
FROM "article_entries" e
JOIN "article_versions" v ON v."id" = e."article_version_id"
WHERE v."id" = (SELECT max(n."id") FROM "article_versions" n WHERE n."source_url" = v."source_url");
