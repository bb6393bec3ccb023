/** Article versions: a new version only when the normalised parse changes; otherwise its seen interval widens. */
import { createHash } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { DiffEntry } from '../domain/diff.js';
import type { ParsedArticle } from '../domain/article.js';
import type { Db } from './database.js';
import { articleEntries, articleVersions } from './schema.js';

const ENTRY_ROWS_PER_INSERT = 1000;

/**
 * A hash of what the parse says (not of the HTML), so markup changes alone add no version. How the
 * parser found the entries (structure, confidence, reasons) is not part of it: a scoring change alone
 * adds no version either.
 */
export function contentHash(article: ParsedArticle): string {
  const normalised = {
    title: article.title,
    author: article.author,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    // cons and aliases joined the hash later: only when there are any, so an unchanged article keeps its hash.
    entries: article.entries.map((e) => [
      e.name,
      e.slug,
      e.language,
      e.description,
      e.pros,
      e.notableUsers,
      e.links,
      ...(e.cons.length || e.aliases.length ? [e.cons] : []),
      ...(e.aliases.length ? [e.aliases] : []),
    ]),
    sections: article.sections,
  };
  return createHash('sha256').update(JSON.stringify(normalised)).digest('hex');
}

function toDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export interface VersionSummary {
  id: number;
  entryCount: number;
  contentHash: string;
}

export async function latestVersion(db: Db, sourceUrl: string): Promise<VersionSummary | undefined> {
  const [row] = await db
    .select({ id: articleVersions.id, entryCount: articleVersions.entryCount, contentHash: articleVersions.contentHash })
    .from(articleVersions)
    .where(eq(articleVersions.sourceUrl, sourceUrl))
    .orderBy(desc(articleVersions.id))
    .limit(1);
  return row;
}

export interface SaveResult {
  versionId: number;
  created: boolean;
}

/**
 * Stores the parse as the source's newest version unless its content equals the current one (then only
 * the seen interval moves; the version keeps the structure and confidence it was stored with).
 * `acceptedDoubt`: the doubt `ingest --accept` overrode, kept as the last of `confidence_reasons`.
 */
export async function saveArticleVersion(
  db: Db,
  sourceUrl: string,
  article: ParsedArticle,
  seenAt: Date,
  runId: number | null,
  acceptedDoubt: string | null = null,
): Promise<SaveResult> {
  const hash = contentHash(article);
  return db.transaction(async (tx) => {
    const current = await latestVersion(tx, sourceUrl);
    if (current?.contentHash === hash) {
      // A backfill (an earlier "now") may only widen the seen interval, never move its end backwards.
      const at = sql`${seenAt.toISOString()}::timestamptz`;
      await tx
        .update(articleVersions)
        .set({ firstSeenAt: sql`least(${articleVersions.firstSeenAt}, ${at})`, lastSeenAt: sql`greatest(${articleVersions.lastSeenAt}, ${at})` })
        .where(eq(articleVersions.id, current.id));
      return { versionId: current.id, created: false };
    }
    const [version] = await tx
      .insert(articleVersions)
      .values({
        sourceUrl,
        contentHash: hash,
        title: article.title,
        author: article.author,
        publishedAt: toDate(article.publishedAt),
        updatedAt: toDate(article.updatedAt),
        firstSeenAt: seenAt,
        lastSeenAt: seenAt,
        entryCount: article.entries.length,
        sections: article.sections,
        runId,
        structure: article.decision.chosen?.structure ?? null,
        confidence: article.decision.confidence,
        confidenceReasons: acceptedDoubt ? [...article.decision.reasons, `accepted despite: ${acceptedDoubt}`] : article.decision.reasons,
      })
      .returning({ id: articleVersions.id });
    const rows = article.entries.map((entry) => ({
      articleVersionId: version!.id,
      position: entry.position,
      framework: entry.name,
      slug: entry.slug,
      language: entry.language,
      description: entry.description,
      pros: entry.pros,
      cons: entry.cons,
      notableUsers: entry.notableUsers,
      links: entry.links,
      aliases: entry.aliases,
    }));
    // PostgreSQL takes at most 65,535 parameters a statement (12 a row): an article of thousands of entries goes in parts.
    for (let start = 0; start < rows.length; start += ENTRY_ROWS_PER_INSERT) {
      await tx.insert(articleEntries).values(rows.slice(start, start + ENTRY_ROWS_PER_INSERT));
    }
    return { versionId: version!.id, created: true };
  });
}

/** How users number a source's versions: 1, 2, … in the order stored, whatever other sources were stored between. */
// Qualified by hand: drizzle leaves a single table's columns unqualified, which the subquery would read as its own.
const numberInSource = sql<number>`(select count(*)::int from article_versions as earlier where earlier.source_url = article_versions.source_url and earlier.id <= article_versions.id)`;

/** The number of version `id` of its source (see numberInSource). */
export async function versionNumber(db: Db, id: number): Promise<number> {
  const [row] = await db.select({ number: numberInSource }).from(articleVersions).where(eq(articleVersions.id, id));
  return row?.number ?? 0;
}

export interface StoredVersion {
  id: number;
  /** The version's number within its source. */
  number: number;
  sourceUrl: string;
  firstSeenAt: Date;
  entries: DiffEntry[];
}

/** The newest `count` versions of a source, newest first, with their entries. */
export async function recentVersions(db: Db, sourceUrl: string, count: number): Promise<StoredVersion[]> {
  const versions = await db
    .select({ id: articleVersions.id, number: numberInSource, sourceUrl: articleVersions.sourceUrl, firstSeenAt: articleVersions.firstSeenAt })
    .from(articleVersions)
    .where(eq(articleVersions.sourceUrl, sourceUrl))
    .orderBy(desc(articleVersions.id))
    .limit(count);
  const result: StoredVersion[] = [];
  for (const version of versions) result.push({ ...version, entries: await versionEntries(db, version.id) });
  return result;
}

/** One stored version's entries, in article order, as the entry diff compares them. */
export async function versionEntries(db: Db, versionId: number): Promise<DiffEntry[]> {
  const entries = await db.select().from(articleEntries).where(eq(articleEntries.articleVersionId, versionId)).orderBy(articleEntries.position);
  return entries.map((e) => ({
    position: e.position,
    name: e.framework,
    slug: e.slug,
    language: e.language,
    description: e.description,
    pros: e.pros,
    cons: e.cons,
    notableUsers: e.notableUsers,
    links: e.links,
  }));
}

/** Every source that has at least one stored version. */
export async function knownSources(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ sourceUrl: articleVersions.sourceUrl }).from(articleVersions).orderBy(articleVersions.sourceUrl);
  return rows.map((row) => row.sourceUrl);
}
