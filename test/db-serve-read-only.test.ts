/**
 * The served embedded database is read-only for its clients, whatever they send, while this process
 * keeps writing through it (the scheduler's case): a real client (postgres.js) on 127.0.0.1.
 */
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/store/database.js';
import { serveWireProtocol, type WireServer } from '../src/store/serve.js';
import { createTestDatabase, type TestDatabase } from './support/stores.js';

const INSERT_RUN = "insert into runs (trigger, command, run_at, pid, host) values ('test', 'served', now(), 1, 'h')";

describe('db serve is read-only', () => {
  let database: TestDatabase;
  let store: Store;
  let server: WireServer;
  let client: postgres.Sql;
  const runCount = async () => (await client`select count(*)::int as n from runs`)[0]?.n as number;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    store = await database.open();
    if (!store.pglite) throw new Error('expected the embedded database');
    server = await serveWireProtocol(store.pglite, 0, { dataDir: database.dataDir, command: 'test' });
    client = postgres(`postgres://postgres@127.0.0.1:${server.port}/postgres`, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await client?.end({ timeout: 1 });
    await server?.stop();
    await store?.close();
    await database?.drop();
  });

  it('answers queries', async () => {
    expect(await client`select count(*)::int as n from information_schema.tables where table_name = 'runs'`).toEqual([{ n: 1 }]);
    expect(await client.unsafe('show default_transaction_read_only')).toEqual([{ default_transaction_read_only: 'on' }]);
    // A transaction of reads, and a read with parameters over the extended protocol.
    const [row] = await client.begin(async (tx) => tx`select ${41}::int + 1 as answer`);
    expect(row).toEqual({ answer: 42 });
  });

  it.each([
    ['INSERT', INSERT_RUN],
    ['UPDATE', "update runs set host = 'x'"],
    ['DELETE', 'delete from runs'],
    ['CREATE', 'create table intruder (id int)'],
    ['a write in a read-looking statement', "select nextval('runs_id_seq')"],
  ])('refuses %s with a read-only error', async (_, statement) => {
    const error = await client.unsafe(statement).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '25006' });
    expect((error as Error).message).toMatch(/read-only/);
  });

  it('refuses a write with parameters (extended protocol), and the connection stays usable', async () => {
    const error = await client`insert into runs (trigger, command, run_at, pid, host) values (${'t'}, ${'c'}, now(), ${1}, ${'h'})`.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '25006', message: expect.stringMatching(/read-only: INSERT is not allowed/) });
    // Inside a transaction the refusal fails the transaction, as any error would.
    const inTransaction = await client.begin(async (tx) => tx`delete from runs where id = ${1}`).catch((e: unknown) => e);
    expect(inTransaction).toMatchObject({ code: '25006' });
    expect(await client`select 1 as one`).toEqual([{ one: 1 }]);
  });

  it.each([
    'set default_transaction_read_only = off',
    'SET SESSION default_transaction_read_only TO false',
    'set "default_transaction_read_only" = off',
    'set U&"default\\005ftransaction_read_only" = off',
    'reset default_transaction_read_only',
    'reset all',
    'discard all',
    'set session characteristics as transaction read write',
    'begin read write',
    'start transaction isolation level serializable, read write',
    'set transaction_read_only = off',
    'set role postgres',
    'set session authorization postgres',
    "select set_config('default_transaction_read_only', 'off', false)",
    "select pg_catalog.set_config('transaction_read_only', 'off', true)",
    "update pg_settings set setting = 'off' where name = 'default_transaction_read_only'",
    "do $$ begin execute 'set default_transaction_read_only = off'; end $$",
    "select query_to_xml('select 1', true, true, '')",
    "select pg_read_file('/etc/passwd')",
    "copy (select 1) to program 'true'",
  ])('refuses `%s`, and a write afterwards still fails', async (statement) => {
    const before = await runCount();
    const error = await client.unsafe(`${statement}; ${INSERT_RUN}`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '25006' });
    await expect(client.unsafe(INSERT_RUN)).rejects.toMatchObject({ code: '25006' });
    expect(await client.unsafe('show default_transaction_read_only')).toEqual([{ default_transaction_read_only: 'on' }]);
    expect(await runCount()).toBe(before);
  });

  it("keeps the process's own writes working, and clients see them", async () => {
    await client.unsafe('set statement_timeout = 1');
    const [inserted] = await store.rows<{ id: number }>(sql.raw(`${INSERT_RUN} returning id`));
    expect(inserted?.id).toBeGreaterThan(0);
    expect(await client`select host from runs where id = ${inserted?.id ?? 0}`).toEqual([{ host: 'h' }]);
    await expect(client.unsafe(INSERT_RUN)).rejects.toMatchObject({ code: '25006' });
    // Our own session is not read-only, nor bound by the client's settings.
    expect(await store.rows(sql`select current_setting('default_transaction_read_only') as ro, current_setting('statement_timeout') as timeout`)).toEqual([
      { ro: 'off', timeout: '0' },
    ]);
  });
});
