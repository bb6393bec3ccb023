/**
 * Builds dist/ once (tests that spawn the real CLI run the code under test) and finds out whether
 * the PostgreSQL server is there: without it the server suite is skipped, except in CI, where a
 * missing server fails the run.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { REAL_DATA_DIR, realDataPresent } from './real-data.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(url: string): Promise<string | undefined> {
  const client = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await client`select 1`;
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end({ timeout: 1 });
  }
}

/** The test files that read ../shared through test/support/real-data.ts or the corpus. */
function realDataTests(): string[] {
  const dir = new URL('../', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts') && /\/(?:real-data|corpus)\.js'/.test(readFileSync(new URL(f, dir), 'utf8')))
    .map((f) => f.replace(/\.test\.ts$/, ''));
}

function checkRealData(): void {
  // Each vitest project runs this setup: say it once.
  if (realDataPresent || process.env.STACKRADAR_REAL_DATA_WARNED) return;
  process.env.STACKRADAR_REAL_DATA_WARNED = '1';
  if (process.env.CI === 'true') throw new Error(`CI=true and the real test data is missing: ${REAL_DATA_DIR}`);
  console.warn(`\n⚠ ${REAL_DATA_DIR} not found (a clone outside the workspace): tests of real data SKIPPED (wholly or in part): ${realDataTests().join(', ')}, and the fake registries' crates.io and Hex schema checks\n`);
}

export default async function setup(project: TestProject): Promise<void> {
  checkRealData();
  // Once per vitest run, not once per project.
  if (!process.env.STACKRADAR_TEST_BUILT) {
    execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
    process.env.STACKRADAR_TEST_BUILT = '1';
  }
  const failure = await reachable(TEST_DATABASE_URL);
  if (failure && process.env.CI === 'true') {
    throw new Error(`CI=true and the PostgreSQL server at ${TEST_DATABASE_URL} is not reachable: ${failure}`);
  }
  if (failure) {
    console.warn(`\n⚠ PostgreSQL server not reachable at ${TEST_DATABASE_URL} (${failure}): the PostgreSQL suite is SKIPPED\n`);
  }
  project.provide('postgresUrl', failure ? '' : TEST_DATABASE_URL);
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
