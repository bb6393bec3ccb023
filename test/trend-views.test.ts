import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/store/database.js';
import { refreshStatistics } from '../src/store/statistics.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';
import { NEWEST, seedTrends } from './support/trend-fixture.js';

describe.each(DRIVERS)('trend views on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let database: TestDatabase;
  let store: Store;
  const rows = (query: ReturnType<typeof sql>) => store.rows(query);

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase(driver);
    store = await database.open();
    await seedTrends(store.db);
  });
  afterAll(async () => {
    if (skip) return;
    await store.close();
    await database.drop();
  });

  it.skipIf(skip)('framework_latest shows each framework from its newest finished run only', async () => {
    const latest = await rows(sql`select framework, repo, captured_at, stars, latest_release, docs_status, docs_error from framework_latest order by framework`);
    expect(latest).toEqual([
      { framework: 'Alpha', repo: 'acme/alpha', captured_at: new Date(NEWEST), stars: 1310, latest_release: 'v2.0.0', docs_status: 200, docs_error: null },
      { framework: 'Beta', repo: 'c/beta', captured_at: new Date(NEWEST), stars: 1715, latest_release: '3.1.0', docs_status: 404, docs_error: null },
      { framework: 'Gamma', repo: 'gamma/gamma', captured_at: new Date(NEWEST), stars: 500, latest_release: null, docs_status: null, docs_error: 'timeout' },
    ]);
  });

  it.skipIf(skip)('framework_history has a row per visible snapshot and none from failed, abandoned or running runs', async () => {
    const history = await rows(sql`select slug, run_id, stars from framework_history order by slug, captured_at`);
    const bySlug = (slug: string) => history.filter((r) => r.slug === slug);
    // Runs 5 (failed), 7 (abandoned), 9 (failed) and 10 (running) are invisible.
    expect(bySlug('alpha').map((r) => r.run_id)).toEqual([1, 2, 3, 4, 6, 8]);
    expect(bySlug('alpha').map((r) => r.stars)).toEqual([900, 1000, 1100, 1200, 1300, 1310]);
    expect(bySlug('beta').map((r) => r.stars)).toEqual([2100, 2000, 2000, 1900, 1786, 1715]);
    expect(bySlug('gamma').map((r) => r.stars)).toEqual([500]);
    expect(bySlug('omega')).toEqual([]);
  });

  it.skipIf(skip)('star_trends deltas match the hand-computed values, negative ones and missing windows included', async () => {
    const trends = await rows(sql`select * from star_trends order by slug`);
    expect(trends).toEqual([
      // newest 2026-01-31 06:00 (run 8): 1 d → run 6 (not the abandoned run 7 at 01-30 06:30),
      // 7 d → run 4 (01-24), 30 d → run 3 (01-01), 90 d → run 1 (2025-10-15), 365 d → none.
      { framework: 'Alpha', slug: 'alpha', stars: 1310, delta_1d: 1310 - 1300, delta_7d: 1310 - 1200, delta_30d: 1310 - 1100, delta_90d: 1310 - 900, delta_365d: null },
      { framework: 'Beta', slug: 'beta', stars: 1715, delta_1d: 1715 - 1786, delta_7d: 1715 - 1900, delta_30d: 1715 - 2000, delta_90d: 1715 - 2100, delta_365d: null },
      { framework: 'Gamma', slug: 'gamma', stars: 500, delta_1d: null, delta_7d: null, delta_30d: null, delta_90d: null, delta_365d: null },
    ]);
  });

  it.skipIf(skip)('snapshot_anomalies flags a 6% drop and repository changes, not a 5% or 4% drop or invisible runs', async () => {
    const anomalies = await rows(sql`select slug, run_id, captured_at, kind, before, after, detail from snapshot_anomalies order by captured_at, kind`);
    expect(anomalies).toEqual([
      { slug: 'alpha', run_id: 2, captured_at: new Date('2025-12-01T06:00:00Z'), kind: 'repo_changed', before: 'acme/alpha-old', after: 'acme/alpha', detail: 'repository changed from acme/alpha-old to acme/alpha' },
      // 1900 → 1786 is 6.0% (run 5's 10 stars in between belong to a failed run); 2000 → 1900 is exactly 5%.
      { slug: 'beta', run_id: 6, captured_at: new Date('2026-01-30T06:00:05Z'), kind: 'stars_drop', before: '1900', after: '1786', detail: 'stars fell 6.0% (1900 → 1786)' },
      // 1786 → 1715 is a 4.0% drop: only the repository change is flagged.
      { slug: 'beta', run_id: 8, captured_at: new Date(NEWEST), kind: 'repo_changed', before: 'b/beta', after: 'c/beta', detail: 'repository changed from b/beta to c/beta' },
    ]);
    const filtered = await rows(sql`select slug from snapshot_anomalies where captured_at >= '2026-01-01' and slug = 'beta'`);
    expect(filtered).toHaveLength(2);
  });

  it.skipIf(skip)('the embedded database gets planner statistics once, then again only after its tables grow', async () => {
    const first = await refreshStatistics(store);
    if (driver === 'postgres') return expect(first).toEqual([]); // the server's autovacuum does it
    expect(first).toEqual(expect.arrayContaining(['runs', 'snapshots', 'frameworks']));
    expect(await refreshStatistics(store)).toEqual([]);
  });

  it.skipIf(skip)('the snapshots primary key carries stars, for index-only trend probes', async () => {
    const [index] = await rows(sql`
      select pg_get_indexdef(indexrelid) as def from pg_index where indrelid = 'snapshots'::regclass and indisprimary`);
    expect(index!.def).toMatch(/\(framework_id, captured_at, run_id\) INCLUDE \(stars\)/);
  });
});
