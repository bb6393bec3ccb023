/**
 * The backfill in drizzle/0006_latest_version_views.sql reads stable versions with a SQL pattern; here it
 * must agree with src/enrich/version.ts on every tag of the real histories and on the spellings of
 * test/version.test.ts, so stored history and new snapshots name the same latest version.
 */
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readVersion } from '../src/enrich/version.js';
import { readRealHistories } from './support/fake-github/real-histories.js';
import { realDataPresent } from './support/real-data.js';

const MIGRATION = readFileSync(new URL('../drizzle/0006_latest_version_views.sql', import.meta.url), 'utf8');
const STABLE_PATTERN = /regexp_match\(\s*r\."tag",\s*'([^']+)',\s*'i'\s*\)/.exec(MIGRATION)?.[1];
const EXCLUDED_PATTERN = /r\."tag" !~\* '([^']+)'/.exec(MIGRATION)?.[1];

const SPELLINGS = [
  'v4.1.0', '8.0.5.1', '5.2', 'v1.5.0.RELEASE', '3.2.0.Final', 'v4.2.0-GA', 'v2.0.0-stable', '1.0.post1', 'v1.0.0+build.5',
  'release-1.2.0', 'django_2.0', '6.0rc1', '5.0a1', '4.2b2', '3.1.1.dev0', 'v1.8.0-rc.4', 'v4.0.0-next.3', '3.0.0.M1',
  'v3.5.0-RC1', '1.0-SNAPSHOT', '3.8.0.CR1', 'v7.1.0.beta1', 'v3.0.0_RC', 'v2.3.9.pre', 'nightly-20240115', '2.3.x',
  '5.x-dev', 'latest', 'nightly', 'tags/5.3', 'vPR10',
];

describe('the migration\'s stable-version pattern', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
  });
  afterAll(async () => {
    await db.close();
  });

  it('is found in the migration', () => {
    expect(STABLE_PATTERN).toBeDefined();
    expect(EXCLUDED_PATTERN).toBeDefined();
  });

  it.skipIf(!realDataPresent)('agrees with version.ts on every real tag and on the test spellings', async () => {
    const tags = [...new Set([...readRealHistories().flatMap((h) => h.tags.map((t) => t.name)), ...SPELLINGS])];
    const { rows } = await db.query<{ tag: string; stable: boolean }>(
      `select t as tag, (regexp_match(t, $1, 'i') is not null and t !~* $2) as stable from unnest($3::text[]) t`,
      [STABLE_PATTERN, EXCLUDED_PATTERN, tags],
    );
    const disagreements = rows.filter((r) => r.stable !== (readVersion(r.tag)?.prerelease === false)).map((r) => r.tag);
    expect(rows).toHaveLength(tags.length);
    expect(disagreements).toEqual([]);
    // Not vacuous: the histories hold some 2,800 distinct stable tag names (3,435 stable tags in all).
    expect(rows.filter((r) => r.stable).length).toBeGreaterThan(2800);
  });
});
