/**
 * Store at scale on a PostgreSQL server: a dedicated database migrated by the application itself, a year
 * of daily snapshots bulk-loaded, then the public views timed warm and the snapshot bytes counted.
 */
import postgres from 'postgres';
import { openDatabase } from '../src/store/database.js';
import { loadYear } from './store-load.js';
import { median, progress, round, timed } from './util.js';

export interface StoreResult {
  frameworks: number;
  days: number;
  rows: number;
  loadSeconds: number;
  bytesPerRow: { total: number; heap: number; indexes: number; perIndex: Record<string, number>; perIndexAfterReindex: Record<string, number> };
  /** Query → client wall ms (median) and the server's execution ms (EXPLAIN ANALYZE without per-node timing, median), after VACUUM. */
  queries: Record<string, QueryTiming>;
  /** The same right after the load, with no page marked all-visible yet. */
  queriesBeforeVacuum: Record<string, QueryTiming>;
  /** Views that did not exist in the migrated schema. */
  missing: string[];
}

export interface QueryTiming {
  ms: number;
  serverMs: number;
  rows: number;
}

/** Label, the view it needs, SQL ($1: one framework's slug). */
const QUERIES: [string, string, string][] = [
  ['framework_latest', 'framework_latest', 'select * from framework_latest'],
  ['star_trends', 'star_trends', 'select * from star_trends'],
  ['framework_history (one)', 'framework_history', 'select * from framework_history where slug = $1'],
];

export const BENCH_DATABASE = 'stackradar_bench';
const RUNS = 7;

/** `postgres://…/postgres` → the same server, another database. */
export const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

async function timeQuery(sql: postgres.Sql, text: string, params: string[]): Promise<QueryTiming> {
  for (let i = 0; i < 2; i++) await sql.unsafe(text, params); // warm-up: cache and plan
  const client: number[] = [];
  const server: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const { ms, value } = await timed(() => sql.unsafe(text, params));
    client.push(ms);
    rows = value.length;
    const [plan] = await sql.unsafe(`explain (analyze, timing off, format json) ${text}`, params);
    server.push((plan!['QUERY PLAN'] as [{ 'Execution Time': number }])[0]['Execution Time']);
  }
  return { ms: round(median(client)), serverMs: round(median(server)), rows };
}

async function timeQueries(sql: postgres.Sql, queries: [string, string, string][], slug: string, state: string) {
  const timings: Record<string, QueryTiming> = {};
  for (const [label, , text] of queries) {
    progress(`store: timing ${label} (${state})`);
    timings[label] = await timeQuery(sql, text, text.includes('$1') ? [slug] : []);
  }
  return timings;
}

export async function benchStore(adminUrl: string, shape: { frameworks: number; days: number }): Promise<StoreResult> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const url = withDatabase(adminUrl, BENCH_DATABASE);
  try {
    await admin.unsafe(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await admin.unsafe(`create database ${BENCH_DATABASE}`);
    // The application's own migrations, exactly as `stackradar db migrate` applies them.
    await (await openDatabase({ databaseUrl: url, dataDir: '' })).close();

    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      progress(`store: loading ${shape.frameworks} frameworks × ${shape.days} days`);
      const lastDay = new Date(Date.UTC(2025, 5, 1, 6));
      const load = await timed(async () => {
        await loadYear(sql, { ...shape, lastDay });
        await sql`analyze`;
      });
      progress(`store: loaded in ${round(load.ms / 1000)} s`);

      const views = new Set((await sql`select table_name from information_schema.views where table_schema = 'public'`).map((v) => v.table_name as string));
      const [mid] = await sql`select slug from frameworks order by id offset ${Math.floor(shape.frameworks / 2)} limit 1`;
      const missing = QUERIES.filter(([, view]) => !views.has(view)).map(([, view]) => view);
      const present = QUERIES.filter(([, view]) => views.has(view));
      // Fresh inserts are not yet all-visible, so index-only scans still visit the heap. Autovacuum fixes
      // that only after 20% growth by default (73 days of a year's table): measure both states.
      const fresh = await timeQueries(sql, present, mid!.slug as string, 'before vacuum');
      await sql`vacuum (analyze) snapshots`;
      const queries = await timeQueries(sql, present, mid!.slug as string, 'after vacuum');

      const [size] = await sql`
        select count(*)::float8 as rows,
               pg_table_size('snapshots')::float8 as heap,
               pg_indexes_size('snapshots')::float8 as indexes,
               pg_total_relation_size('snapshots')::float8 as total
        from snapshots`;
      const rows = size!.rows as number;
      const perIndex = async () =>
        Object.fromEntries(
          (await sql`select indexrelid::regclass::text as name, pg_relation_size(indexrelid)::float8 as bytes from pg_index where indrelid = 'snapshots'::regclass`)
            .map((i) => [i.name as string, round((i.bytes as number) / rows)]),
        );
      const indexes = await perIndex();
      // Daily inserts split the primary key's leaves half-full; a rebuild shows what that costs.
      await sql`reindex table snapshots`;
      const reindexed = await perIndex();
      return {
        ...shape,
        rows,
        loadSeconds: round(load.ms / 1000),
        bytesPerRow: {
          total: round((size!.total as number) / rows),
          heap: round((size!.heap as number) / rows),
          indexes: round((size!.indexes as number) / rows),
          perIndex: indexes,
          perIndexAfterReindex: reindexed,
        },
        queries,
        queriesBeforeVacuum: fresh,
        missing,
      };
    } finally {
      await sql.end({ timeout: 5 });
    }
  } finally {
    if (process.env.BENCH_KEEP_DATABASE !== 'true') await admin.unsafe(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await admin.end({ timeout: 5 });
  }
}
