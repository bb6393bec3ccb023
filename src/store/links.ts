/**
 * What the links stage and review read and write of article links: the newest check of each link (is it
 * due?), the run's new checks, and every link's checks of the last 90 days, from the runs that finished
 * plus the run in progress.
 */
import { and, desc, eq, gte, inArray, or } from 'drizzle-orm';
import type { Db } from './database.js';
import { runs } from './schema.js';
import { linkChecks } from './schema-links.js';

const CHUNK = 1000;
/** As for docs checks: enough for the last two checks of any sensible STACKRADAR_DOCS_MAX_AGE. */
const HISTORY_DAYS = 90;

const visible = (runId: number) => and(eq(runs.id, linkChecks.runId), or(inArray(runs.status, ['succeeded', 'partial']), eq(runs.id, runId)));

/** When each of `urls` that was ever checked was last checked. */
export async function lastLinkChecks(db: Db, urls: string[]): Promise<Map<string, Date>> {
  const last = new Map<string, Date>();
  for (let i = 0; i < urls.length; i += CHUNK) {
    const rows = await db
      .selectDistinctOn([linkChecks.url], { url: linkChecks.url, checkedAt: linkChecks.checkedAt })
      .from(linkChecks)
      .where(inArray(linkChecks.url, urls.slice(i, i + CHUNK)))
      .orderBy(linkChecks.url, desc(linkChecks.checkedAt));
    for (const row of rows) last.set(row.url, row.checkedAt);
  }
  return last;
}

export type LinkCheckRow = Omit<typeof linkChecks.$inferInsert, 'id' | 'runId'>;

export async function recordLinkChecks(db: Db, runId: number, rows: LinkCheckRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.insert(linkChecks).values(rows.slice(i, i + CHUNK).map((row) => ({ ...row, runId })));
  }
}

/** Every link's checks of the last 90 days, newest first per link. */
export function linkCheckHistory(db: Db, runId: number, now: Date) {
  return db
    .select({ url: linkChecks.url, checkedAt: linkChecks.checkedAt, status: linkChecks.status, error: linkChecks.error, firstStatus: linkChecks.firstStatus, movedTo: linkChecks.movedTo })
    .from(linkChecks)
    .innerJoin(runs, visible(runId))
    .where(gte(linkChecks.checkedAt, new Date(now.getTime() - HISTORY_DAYS * 86_400_000)))
    .orderBy(linkChecks.url, desc(linkChecks.checkedAt));
}
