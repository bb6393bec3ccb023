/**
 * Real third-party data — articles, git tag histories, recorded registry responses, published API
 * descriptions — is not ours to commit. It lives beside the project in ../shared (README "Test data"):
 * `data/` and `specs/`. STACKRADAR_SHARED_DIR points elsewhere. Tests that need it skip when it is
 * absent; the global setup names them in one line, and CI fails instead.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHARED_DIR = resolve(PROJECT_ROOT, process.env.STACKRADAR_SHARED_DIR ?? '../shared');

/** `<shared>/data`, where the real data lives. */
export const REAL_DATA_DIR = resolve(SHARED_DIR, 'data');

/** False in a clone outside this workspace: the real-data tests are skipped there. */
export const realDataPresent = existsSync(REAL_DATA_DIR);

/** A path under `<shared>/data`. */
export const realDataPath = (...parts: string[]): string => resolve(REAL_DATA_DIR, ...parts);

/** A path under `<shared>/specs` (published API descriptions the fakes are checked against). */
export const sharedSpecPath = (...parts: string[]): string => resolve(SHARED_DIR, 'specs', ...parts);
