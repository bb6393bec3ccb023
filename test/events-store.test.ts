/**
 * The events store on both drivers: a change whose key is stored is never written again, the feed's
 * read filters by window and kind, newest first, and deliveries are read back per run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/store/database.js';
import { deliveriesOfRuns, eventsSince, recordDelivery, writeEvents, type EventDraft } from '../src/store/events.js';
import { startRun } from '../src/store/runs.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const draft = (key: string, kind = 'release'): EventDraft => ({ key, kind, sourceUrl: null, slug: 'express', title: key, summary: key, url: null, data: { key } });

describe.each(DRIVERS)('events store on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let database: TestDatabase;
  let store: Store;

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

  it.skipIf(skip)('writes a change once, whichever run sees it again', async () => {
    const first = await startRun(store.db, 'test', 'refresh', new Date('2026-03-01T06:00:00Z'));
    const second = await startRun(store.db, 'test', 'refresh', new Date('2026-03-02T06:00:00Z'));
    const written = await writeEvents(store.db, first, new Date('2026-03-01T06:00:00Z'), [draft('release:express:v5'), draft('stars-milestone:express:1000', 'stars-milestone')]);
    expect(written.map((e) => [e.key, e.runId])).toEqual([['release:express:v5', first], ['stars-milestone:express:1000', first]]);
    const again = await writeEvents(store.db, second, new Date('2026-03-02T06:00:00Z'), [draft('release:express:v5'), draft('release:express:v6')]);
    expect(again.map((e) => e.key)).toEqual(['release:express:v6']);
    expect(await writeEvents(store.db, second, new Date(), [])).toEqual([]);

    const all = await eventsSince(store.db, new Date('2026-02-01T00:00:00Z'), []);
    expect(all.map((e) => e.key)).toEqual(['release:express:v6', 'stars-milestone:express:1000', 'release:express:v5']);
    expect((await eventsSince(store.db, new Date('2026-03-02T00:00:00Z'), ['release'])).map((e) => e.key)).toEqual(['release:express:v6']);
    expect(await eventsSince(store.db, new Date('2026-02-01T00:00:00Z'), ['anomaly'])).toEqual([]);

    const delivery = { deliveryId: '6f1c1f7e-8a4b-4c65-9f10-2b1f9f7a0c11', runId: second, url: 'https://hooks.example/h', status: 'failed' as const, attempts: 1, error: 'HTTP 410', at: new Date() };
    await recordDelivery(store.db, delivery);
    expect(await deliveriesOfRuns(store.db, [first, second])).toEqual([delivery]);
    expect(await deliveriesOfRuns(store.db, [])).toEqual([]);
  });
});
