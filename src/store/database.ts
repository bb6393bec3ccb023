/**
 * openDatabase(): one typed drizzle database over either driver — postgres.js for a server
 * (DATABASE_URL), PGlite in a local directory otherwise — migrated on open, under a lock.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { LockedError, StackradarError, ExitCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { LAST_APPLIED_QUERY, lastAppliedAt, pendingMigrations } from './migrations.js';
import { checkDataDir } from './data-dir.js';
import { readTemplate } from './pglite-template.js';
import { acquireDirectoryLock, servingPort } from './pglite-lock.js';
import { readerRole } from './reader-role.js';
import { shareSession } from './pglite-session.js';
import * as coreSchema from './schema.js';
import * as eventsSchema from './schema-events.js';
import * as linksSchema from './schema-links.js';
import * as topicsSchema from './schema-topics.js';

const schema = { ...coreSchema, ...eventsSchema, ...linksSchema, ...topicsSchema };

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Row = Record<string, unknown>;
export interface QueryResult {
  columns: string[];
  rows: Row[];
}

export interface Store {
  readonly driver: 'pglite' | 'postgres';
  readonly db: Db;
  /** Where the data is, for messages: the data directory or the server URL without its password. */
  readonly location: string;
  /** Raw SQL through drizzle with the result shape normalised between the drivers. */
  rows<T extends Row = Row>(query: SQL, db?: Db): Promise<T[]>;
  /** Runs exactly one statement inside a READ ONLY transaction (on a server, as a read-only role: reader-role.ts). */
  readOnlyQuery(text: string): Promise<QueryResult>;
  /**
   * Takes the run lock (one data-changing run per database at a time) and returns its release, or
   * null when another process holds it. PostgreSQL: a session advisory lock on a reserved connection.
   * PGlite: the process already owns the directory, so the lock is always free.
   */
  tryRunLock(): Promise<(() => Promise<void>) | null>;
  /**
   * The PGlite instance to serve over the wire protocol (a view that keeps clients' transactions and
   * this process's work apart, see pglite-session.ts); undefined on a server.
   */
  readonly pglite: PGlite | undefined;
  /** The migrations this open applied (their tags), oldest first; empty when the schema was up to date. */
  readonly migrationsApplied: string[];
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where to report a served client's transaction rolled back for idling (embedded database). */
  logger?: Logger;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
/** Advisory lock keys: (namespace, purpose). */
export const LOCK_NAMESPACE = 0x5354_4b52; // "STKR"
export const MIGRATION_LOCK = 1;
export const RUN_LOCK = 2;

/** PGlite returns int8 as a number; make postgres.js do the same so both drivers print alike. */
const int8AsNumber = {
  to: 20,
  from: [20],
  serialize: (value: number | bigint) => String(value),
  parse: (value: string) => {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value;
  },
};

/**
 * drizzle's drivers make postgres.js and PGlite return date/time columns as text (drizzle parses them
 * itself); raw results are turned back into Dates so both drivers print the same values.
 */
const DATE_TYPES: Record<number, (text: string) => Date> = {
  1184: (text) => new Date(text),
  1114: (text) => new Date(`${text.replace(' ', 'T')}Z`),
  1082: (text) => new Date(`${text}T00:00:00Z`),
};

function normaliseDates(result: postgres.RowList<postgres.Row[]>): Row[] {
  return datesOf([...result], (result.columns ?? []).map((column) => ({ name: column.name, type: column.type })));
}

function datesOf(rows: Row[], columns: { name: string; type: number }[]): Row[] {
  const converters = columns
    .filter((column) => DATE_TYPES[column.type])
    .map((column) => [column.name, DATE_TYPES[column.type]!] as const);
  if (converters.length === 0) return rows;
  return rows.map((row) => {
    const copy: Row = { ...row };
    for (const [name, parse] of converters) if (typeof copy[name] === 'string') copy[name] = parse(copy[name] as string);
    return copy;
  });
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable database URL)';
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Store> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir, options.logger);
}

/**
 * For commands that only read: an embedded database that another process holds and serves (the
 * scheduler, a one-off run) is read through that server instead of turning the reader away.
 */
export async function openForReading(options: DatabaseOptions): Promise<Store> {
  try {
    return await openDatabase(options);
  } catch (error) {
    const port = !options.databaseUrl && error instanceof LockedError ? servingPort(options.dataDir) : undefined;
    if (port === undefined) throw error;
    return openPostgres(`postgres://postgres@127.0.0.1:${port}/postgres`);
  }
}

function connectionError(url: string, error: unknown): StackradarError {
  const reason = error instanceof Error ? error.message : String(error);
  return new StackradarError(`cannot use the database at ${redactUrl(url)}: ${reason}`, ExitCode.failed);
}

async function openPostgres(url: string): Promise<Store> {
  const options = { onnotice: () => {}, types: { bigint: int8AsNumber }, connection: { application_name: 'stackradar' } };
  // Migrations run on a one-connection client so the advisory lock and the migration share a session.
  const migrator = postgres(url, { ...options, max: 1 });
  let migrationsApplied: string[] = [];
  try {
    await migrator`select pg_advisory_lock(${LOCK_NAMESPACE}, ${MIGRATION_LOCK})`;
    migrationsApplied = pendingMigrations(migrationsFolder, await lastAppliedAt(() => migrator.unsafe(LAST_APPLIED_QUERY)));
    // Nothing pending, no DDL: a read-only server (a served embedded database) opens as well.
    if (migrationsApplied.length) await migratePostgres(drizzlePostgres(migrator), { migrationsFolder });
    await migrator`select pg_advisory_unlock(${LOCK_NAMESPACE}, ${MIGRATION_LOCK})`;
  } catch (error) {
    throw connectionError(url, error);
  } finally {
    await migrator.end({ timeout: 5 });
  }
  const client = postgres(url, { ...options, max: 10 });
  const db = drizzlePostgres(client, { schema });
  return {
    driver: 'postgres',
    db,
    location: redactUrl(url),
    pglite: undefined,
    migrationsApplied,
    async rows<T extends Row>(query: SQL, on: Db = db) {
      return normaliseDates((await on.execute(query)) as unknown as postgres.RowList<postgres.Row[]>) as T[];
    },
    async tryRunLock() {
      const connection = await client.reserve();
      const [row] = await connection`select pg_try_advisory_lock(${LOCK_NAMESPACE}, ${RUN_LOCK}) as locked`;
      if (!row?.locked) {
        connection.release();
        return null;
      }
      return async () => {
        try {
          await connection`select pg_advisory_unlock(${LOCK_NAMESPACE}, ${RUN_LOCK})`;
        } finally {
          connection.release();
        }
      };
    },
    async readOnlyQuery(text) {
      const role = await readerRole(client);
      return client.begin('read only', async (tx) => {
        if (role) await tx.unsafe(`set local role ${role}`);
        // The extended protocol refuses a string holding several statements; postgres.js picks the
        // simple protocol for an unsafe query without parameters unless told (an untyped option).
        const extendedProtocol = { simple: false } as postgres.UnsafeQueryOptions;
        const result = await tx.unsafe(text, [], extendedProtocol);
        return { columns: result.columns?.map((c) => c.name) ?? [], rows: normaliseDates(result) };
      });
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

async function openPglite(dataDir: string, logger?: Logger): Promise<Store> {
  checkDataDir(dataDir);
  const lock = acquireDirectoryLock(dataDir);
  let pglite: PGlite | undefined;
  try {
    // A new database from the build's migrated template still counts as migrated by this open (db migrate says so).
    const template = existsSync(path.join(dataDir, 'PG_VERSION')) ? undefined : readTemplate(migrationsFolder);
    const instance = await PGlite.create(template ? { dataDir, loadDataDir: template } : { dataDir });
    pglite = instance;
    const session = shareSession(instance, {
      onRollback: (idleMs) => logger?.warn({ idleMs }, 'rolled back a served client\'s transaction left idle while this process waited for the database'),
    });
    const db = drizzlePglite(session.local, { schema });
    const applied = template ? null : await lastAppliedAt(async () => (await instance.query<{ last: string | null }>(LAST_APPLIED_QUERY)).rows);
    const migrationsApplied = pendingMigrations(migrationsFolder, applied);
    await migratePglite(db, { migrationsFolder });
    const client = session.local;
    return {
      driver: 'pglite',
      db,
      location: dataDir,
      pglite: session.remote,
      migrationsApplied,
      async rows<T extends Row>(query: SQL, on: Db = db) {
        // drizzle's PGlite driver also leaves date/time columns as text: turned into Dates as on a server.
        const result = (await on.execute(query)) as unknown as { rows: Row[]; fields: { name: string; dataTypeID: number }[] };
        return datesOf(result.rows, result.fields.map((field) => ({ name: field.name, type: field.dataTypeID }))) as T[];
      },
      tryRunLock: async () => async () => {},
      async readOnlyQuery(text) {
        return client.transaction(async (tx) => {
          await tx.exec('set transaction read only');
          const result = await tx.query<Row>(text);
          return { columns: result.fields.map((f) => f.name), rows: result.rows };
        });
      },
      async close() {
        try {
          await client.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    await pglite?.close().catch(() => {});
    lock.release();
    // PGlite may throw what is not an Error (its file system's error objects).
    if (error instanceof Error) throw error;
    throw new StackradarError(`cannot open the embedded database ${dataDir}: ${JSON.stringify(error)}`, ExitCode.failed);
  }
}
