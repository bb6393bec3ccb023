/**
 * An unchanged article seen again moves its version's seen interval outwards only, even when backfilling;
 * an article of more entries than one statement can carry is stored whole.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../src/domain/article.js';
import type { Store } from '../src/store/database.js';
import { saveArticleVersion } from '../src/store/articles.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const SOURCE = 'https://example.test/best-backend-frameworks';

const article: ParsedArticle = {
  url: SOURCE,
  title: 'Top 1 Backend Framework',
  author: null,
  publishedAt: null,
  updatedAt: null,
  promisedCount: 1,
  entries: [
    { position: 1, name: 'Flask', slug: 'flask', language: 'Python', description: 'A micro framework.', pros: ['Small'], cons: [], notableUsers: [], links: [], aliases: [] },
  ],
  sections: [],
  decision: { chosen: null, runnersUp: [], confidence: 1, reasons: [], doubt: null },
};

describe.each(DRIVERS)('article version seen interval on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let database: TestDatabase;
  let store: Store;
  const seen = async (versionId: number) => {
    const [row] = await store.rows<{ first: Date; last: Date }>(
      sql`select first_seen_at as first, last_seen_at as last from article_versions where id = ${versionId}`,
    );
    return { first: row?.first.toISOString(), last: row?.last.toISOString() };
  };

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase(driver);
    store = await database.open();
  });
  afterAll(async () => {
    if (skip) return;
    await store.close();
    await database.drop();
  });

  it.skipIf(skip)('a backfill moves first_seen_at earlier and never last_seen_at', async () => {
    const stored = await saveArticleVersion(store.db, SOURCE, article, new Date('2026-06-01T00:00:00Z'), null);
    expect(stored.created).toBe(true);

    const backfill = await saveArticleVersion(store.db, SOURCE, article, new Date('2026-03-01T00:00:00Z'), null);
    expect(backfill).toEqual({ versionId: stored.versionId, created: false });
    expect(await seen(stored.versionId)).toEqual({ first: '2026-03-01T00:00:00.000Z', last: '2026-06-01T00:00:00.000Z' });

    // A moment inside the interval changes nothing; a later one moves only its end.
    await saveArticleVersion(store.db, SOURCE, article, new Date('2026-04-01T00:00:00Z'), null);
    expect(await seen(stored.versionId)).toEqual({ first: '2026-03-01T00:00:00.000Z', last: '2026-06-01T00:00:00.000Z' });
    await saveArticleVersion(store.db, SOURCE, article, new Date('2026-07-01T12:30:00Z'), null);
    expect(await seen(stored.versionId)).toEqual({ first: '2026-03-01T00:00:00.000Z', last: '2026-07-01T12:30:00.000Z' });
  });

  it.skipIf(skip)('stores an article of 7,000 entries (more than one statement takes)', async () => {
    const entries = Array.from({ length: 7_000 }, (_, i) => ({ ...article.entries[0]!, position: i + 1, name: `Framework ${i + 1}`, slug: `framework-${i + 1}` }));
    const saved = await saveArticleVersion(store.db, `${SOURCE}/large`, { ...article, entries }, new Date('2026-06-01T00:00:00Z'), null);
    expect(saved.created).toBe(true);
    const [row] = await store.rows<{ n: number }>(sql`select count(*)::int as n from article_entries where article_version_id = ${saved.versionId}`);
    expect(row?.n).toBe(7_000);
  });
});
