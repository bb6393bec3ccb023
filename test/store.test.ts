import { writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockFileFor } from '../src/store/pglite-lock.js';
import { runs } from '../src/store/schema.js';
import type { Store } from '../src/store/database.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const PUBLIC_TABLES = ['article_entries', 'article_versions', 'frameworks', 'releases', 'runs', 'snapshots'];

describe.each(DRIVERS)('store on %s', (driver) => {
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
    await store?.close();
    await database?.drop();
  });

  it.skipIf(skip)('creates the public tables on open', async () => {
    const rows = await store.rows<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const names = rows.map((row) => row.table_name);
    for (const table of PUBLIC_TABLES) expect(names).toContain(table);
  });

  it.skipIf(skip)('normalises raw results to an array of rows with numbers for counts', async () => {
    const rows = await store.rows(sql`select 1 as one, count(*) as n, 'x' as text from runs`);
    expect(rows).toEqual([{ one: 1, n: 0, text: 'x' }]);
  });

  it.skipIf(skip)('runs a read-only query and reports its columns even without rows', async () => {
    const result = await store.readOnlyQuery('select id, status from runs');
    expect(result).toEqual({ columns: ['id', 'status'], rows: [] });
  });

  it.skipIf(skip)('refuses writes, DDL and several statements in the read-only path, changing nothing', async () => {
    await store.db.insert(runs).values({ trigger: 'test', command: 'test', runAt: new Date(), pid: 1, host: 'h' });
    await expect(store.readOnlyQuery('delete from runs')).rejects.toThrow(/read-only/);
    await expect(store.readOnlyQuery('drop table runs')).rejects.toThrow(/read-only/);
    await expect(store.readOnlyQuery('select 1; delete from runs')).rejects.toThrow(/multiple commands/);
    const rows = await store.rows(sql`select count(*) as n from runs`);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it.skipIf(skip)('is idempotent to reopen: migrations already applied are not applied again', async () => {
    await store.close();
    store = await database.open();
    const rows = await store.rows(sql`select count(*) as n from runs`);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it.skipIf(skip)('rolls back a transaction that fails, using only the transaction handle', async () => {
    await expect(
      store.db.transaction(async (tx) => {
        await tx.insert(runs).values({ trigger: 'tx', command: 'tx', runAt: new Date(), pid: 1, host: 'h' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await store.rows(sql`select count(*) as n from runs where trigger = 'tx'`);
    expect(rows).toEqual([{ n: 0 }]);
  });
});

describe('embedded database lock', () => {
  it('refuses a second open of the same directory in one process', async () => {
    const database = await createTestDatabase('pglite');
    const store = await database.open();
    try {
      await expect(database.open()).rejects.toThrow(/already open in this process/);
    } finally {
      await store.close();
    }
    const again = await database.open();
    await again.close();
    await database.drop();
  });

  it('clears a stale lock left by a dead process', async () => {
    const database = await createTestDatabase('pglite');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(database.dataDir, { recursive: true });
    writeFileSync(lockFileFor(database.dataDir), '2147483646\n');
    const store = await database.open();
    await store.close();
    await database.drop();
  });
});

describe.skipIf(skipPostgres)('migrations on PostgreSQL', () => {
  it('serialise two processes opening a fresh database at once', async () => {
    const database = await createTestDatabase('postgres');
    const [a, b] = await Promise.all([database.open(), database.open()]);
    const rows = await a.rows<{ n: number }>(sql`select count(*) as n from drizzle.__drizzle_migrations`);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(1);
    await Promise.all([a.close(), b.close()]);
    await database.drop();
  });
});
