/** Test databases: a fresh PGlite directory, or a fresh database on the PostgreSQL server, per file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type Store } from '../../src/store/database.js';

export type Driver = 'pglite' | 'postgres';
export const DRIVERS: Driver[] = ['pglite', 'postgres'];

export const postgresUrl = inject('postgresUrl');

/** A database for one test file: its location (data dir or URL) and how to remove it. */
export interface TestDatabase {
  driver: Driver;
  dataDir: string;
  databaseUrl: string | undefined;
  open(): Promise<Store>;
  drop(): Promise<void>;
}

export async function createTestDatabase(driver: Driver): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'stackradar-test-'));
  const dataDir = path.join(dir, 'data');
  if (driver === 'pglite') {
    return {
      driver,
      dataDir,
      databaseUrl: undefined,
      open: () => openDatabase({ databaseUrl: undefined, dataDir }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `stackradar_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(postgresUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    driver,
    dataDir,
    databaseUrl: url.toString(),
    open: () => openDatabase({ databaseUrl: url.toString(), dataDir }),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 1 });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** True when the global setup found no PostgreSQL server: the server suite is skipped. */
export const skipPostgres = postgresUrl === '';
