/**
 * What an article version records of its parse (structure, confidence, reasons, entry aliases) without
 * letting a scoring change alone make a new version; and the pins of sources: set, read, cleared, listed.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../src/domain/article.js';
import type { Store } from '../src/store/database.js';
import { saveArticleVersion } from '../src/store/articles.js';
import { setSourcePin, sourceListing, sourcePins, sourceState, trackedOrDefault, trackSources, untrackSources } from '../src/store/sources.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const SOURCE = 'https://example.test/java-frameworks';
const structure = { kind: 'headings' as const, selector: 'article > h2', level: 2, count: 1 };

const article: ParsedArticle = {
  url: SOURCE,
  title: 'Top 1 Java Framework',
  author: null,
  publishedAt: null,
  updatedAt: null,
  promisedCount: 1,
  entries: [
    {
      position: 1,
      name: 'Google Web Toolkit',
      slug: 'google-web-toolkit',
      language: 'Java',
      description: 'Java to JavaScript.',
      pros: [],
      cons: [],
      notableUsers: [],
      links: [],
      aliases: ['GWT'],
    },
  ],
  sections: [],
  decision: {
    chosen: { structure, names: ['Google Web Toolkit'], score: 4.2, features: { promise: 1 } },
    runnersUp: [],
    confidence: 0.75,
    reasons: ['the title promises 1, found 1'],
    doubt: null,
  },
};

describe.each(DRIVERS)('parse confidence in the store on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let database: TestDatabase;
  let store: Store;
  const version = async (id: number) => {
    const [row] = await store.rows(sql`select structure, confidence, confidence_reasons from article_versions where id = ${id}`);
    return row;
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

  it.skipIf(skip)('stores the structure, confidence and reasons with the version, and the aliases with the entry', async () => {
    const saved = await saveArticleVersion(store.db, SOURCE, article, new Date('2026-06-01T00:00:00Z'), null);
    expect(saved.created).toBe(true);
    expect(await version(saved.versionId)).toEqual({ structure, confidence: 0.75, confidence_reasons: ['the title promises 1, found 1'] });
    const entries = await store.rows(sql`select framework, aliases from current_entries where source_url = ${SOURCE}`);
    expect(entries).toEqual([{ framework: 'Google Web Toolkit', aliases: ['GWT'] }]);
  });

  it.skipIf(skip)('a scoring change alone adds no version, and the version keeps what it was stored with', async () => {
    const rescored: ParsedArticle = {
      ...article,
      decision: { ...article.decision, chosen: { ...article.decision.chosen!, score: 9, structure: { ...structure, kind: 'list', selector: 'ul > li' } }, confidence: 0.2, reasons: ['other'] },
    };
    const saved = await saveArticleVersion(store.db, SOURCE, rescored, new Date('2026-06-02T00:00:00Z'), null);
    expect(saved.created).toBe(false);
    expect(await version(saved.versionId)).toMatchObject({ structure, confidence: 0.75 });
  });

  it.skipIf(skip)('a changed alias is a change; an accepted doubt is kept as the last reason', async () => {
    const renamed: ParsedArticle = { ...article, entries: [{ ...article.entries[0]!, aliases: ['GWT', 'Google WT'] }] };
    const saved = await saveArticleVersion(store.db, SOURCE, renamed, new Date('2026-06-03T00:00:00Z'), null, 'found 1 entries but the title promises 7');
    expect(saved.created).toBe(true);
    expect((await version(saved.versionId))?.confidence_reasons).toEqual(['the title promises 1, found 1', 'accepted despite: found 1 entries but the title promises 7']);
  });

  it.skipIf(skip)('a version without a chosen structure stores null', async () => {
    const unsure: ParsedArticle = { ...article, decision: { chosen: null, runnersUp: [], confidence: 0, reasons: [], doubt: 'x' } };
    const saved = await saveArticleVersion(store.db, `${SOURCE}/unsure`, unsure, new Date('2026-06-03T00:00:00Z'), null);
    expect(await version(saved.versionId)).toEqual({ structure: null, confidence: 0, confidence_reasons: [] });
  });

  it.skipIf(skip)('pins a source, reads and lists the pin, and clears it', async () => {
    const now = new Date('2026-06-04T00:00:00Z');
    await trackSources(store.db, [SOURCE], now);
    expect(await setSourcePin(store.db, SOURCE, { entries: 'h3.framework', exclude: '.sponsored' })).toBeNull();
    expect(await sourcePins(store.db, [SOURCE, 'https://example.test/other'])).toEqual(new Map([[SOURCE, { entries: 'h3.framework', exclude: '.sponsored' }]]));
    const [listed] = await sourceListing(store.db);
    expect(listed).toMatchObject({ url: SOURCE, pin: 'h3.framework (exclude .sponsored)', entries_selector: 'h3.framework', exclude_selector: '.sponsored' });

    expect(await setSourcePin(store.db, SOURCE, { entries: 'h2', exclude: null })).toEqual({ entries: 'h3.framework', exclude: '.sponsored' });
    expect((await sourceListing(store.db))[0]?.pin).toBe('h2');
    expect(await setSourcePin(store.db, SOURCE, null)).toEqual({ entries: 'h2', exclude: null });
    expect(await sourcePins(store.db, [SOURCE])).toEqual(new Map());
    expect((await sourceListing(store.db))[0]?.pin).toBeNull();
  });

  it.skipIf(skip)('knows tracked, removed and unknown sources, and which would be ingested, without writing', async () => {
    const other = 'https://example.test/removed';
    await trackSources(store.db, [other], new Date('2026-06-05T00:00:00Z'));
    await untrackSources(store.db, [other], new Date('2026-06-06T00:00:00Z'), []);
    expect([await sourceState(store.db, SOURCE), await sourceState(store.db, other), await sourceState(store.db, 'https://example.test/new')]).toEqual(['tracked', 'removed', 'unknown']);
    expect(await trackedOrDefault(store.db, [other, 'https://example.test/default'])).toEqual([SOURCE, 'https://example.test/default']);
    expect(await sourceState(store.db, 'https://example.test/default')).toBe('unknown');
  });
});
