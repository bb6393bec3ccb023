/**
 * Tracked sources: a source is tracked from its first successful ingest (a failed attempt tracks
 * nothing, the listing writes nothing) and ingested by every later refresh until `sources remove` stops
 * it; enrich covers only the tracked sources' frameworks; the listing and its errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/article-server.js';
import { runCli } from './support/cli.js';
import { startStandins, type Standins } from './support/jobs.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const LONG = 120_000;

interface SourceRow {
  url: string;
  tracked: boolean;
  current_version: number | null;
  entries: number | null;
  last_outcome: string | null;
}

describe.each(DRIVERS)('stackradar sources on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let standins: Standins;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;
  let main: string;
  let extra: string;
  const hits = (url: string) => standins.articles.hits.get(new URL(url).pathname) ?? 0;
  const listing = async () => JSON.parse((await runCli(['sources', '--format', 'json'], { env })).stdout) as SourceRow[];

  beforeAll(async () => {
    if (skip) return;
    standins = await startStandins();
    standins.articles.pages.set('/numbered.html', { body: fixture('numbered-h2.html') });
    database = await createTestDatabase(driver);
    env = standins.env(database);
    main = `${standins.articles.url}/article.html`;
    extra = `${standins.articles.url}/numbered.html`;
  });
  afterAll(async () => {
    if (skip) return;
    await standins.close();
    await database.drop();
  });

  it.skipIf(skip)('tracks a source only after its first successful ingest, says so with the undo, and the listing never writes', async () => {
    const listed = await runCli(['sources', '--format', 'json'], { env });
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([]);
    expect(listed.stderr).toContain(`sources: ${main} (configured) is not tracked yet`);

    // An offline first run of a configured source tracks nothing (and the listing above wrote nothing).
    const offline = await runCli(['refresh'], { env: { ...env, STACKRADAR_SOURCE_URL: 'http://127.0.0.1:9/article.html' }, timeoutMs: LONG });
    expect(offline.code).toBe(1);
    expect(offline.stderr).not.toContain('now tracking');
    expect(await listing()).toEqual([]);

    const first = await runCli(['ingest', '--source', extra], { env, timeoutMs: LONG });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`sources: now tracking ${extra}; every refresh ingests it (undo: stackradar sources remove ${extra})\n`);
    expect((await listing()).map((row) => [row.url, row.tracked, row.last_outcome])).toEqual([[extra, true, 'new-version']]);
  }, 4 * LONG);

  it.skipIf(skip)('a source ingested with --source is refreshed until it is removed; enrich covers tracked sources only', async () => {
    expect((await runCli(['ingest', '--source', extra], { env, timeoutMs: LONG })).code).toBe(0);
    expect((await listing()).filter((row) => row.tracked).map((row) => row.url)).toEqual([extra]);

    const before = hits(extra);
    const refreshed = await runCli(['refresh'], { env, timeoutMs: LONG });
    expect(refreshed.code, refreshed.stderr).toBe(0);
    expect(refreshed.stderr).toContain(`sources: now tracking ${main};`);
    expect(refreshed.stderr).not.toContain(`now tracking ${extra}`);
    expect(hits(extra)).toBe(before + 1);
    const rows = await listing();
    expect(rows.find((row) => row.url === extra)).toMatchObject({ tracked: true, entries: 8, last_outcome: 'unchanged' });
    expect(rows.find((row) => row.url === main)).toMatchObject({ tracked: true, entries: 8, last_outcome: 'new-version' });

    const removed = await runCli(['sources', 'remove', extra], { env });
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stderr).toContain(`stopped tracking ${extra}`);
    await runCli(['refresh'], { env, timeoutMs: LONG });
    expect(hits(extra)).toBe(before + 1);

    // With no tracked source left, enrich has nothing to cover, although the versions are still stored.
    expect((await runCli(['sources', 'remove', main], { env })).code).toBe(0);
    const enrich = await runCli(['enrich'], { env, timeoutMs: LONG });
    expect(enrich.code).toBe(1);
    expect(enrich.stderr).toContain('no current article entries');
    expect((await listing()).every((row) => !row.tracked && row.current_version !== null)).toBe(true);

    // A configured default that was removed stays removed; adding it again tracks it again.
    await runCli(['refresh'], { env, timeoutMs: LONG });
    expect((await listing()).find((row) => row.url === main)?.tracked).toBe(false);
    expect((await runCli(['sources', 'add', main], { env })).code).toBe(0);
    expect((await listing()).find((row) => row.url === main)?.tracked).toBe(true);
  }, 6 * LONG);

  it.skipIf(skip)('refuses bad input with exit 2 and one line', async () => {
    const unknown = await runCli(['sources', 'remove', 'https://example.org/never-added'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('stackradar: sources remove: not a tracked source: https://example.org/never-added (list them: stackradar sources)\n');
    const bad = await runCli(['sources', 'add', 'not-a-url'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('stackradar: sources add: "not-a-url" is not an http(s) URL\n');
    const action = await runCli(['sources', 'drop', main], { env });
    expect(action.code).toBe(2);

    // A configured default removed before its first ingest stays removed.
    const never = 'https://example.org/never-ingested';
    const removed = await runCli(['sources', 'remove', never], { env: { ...env, STACKRADAR_SOURCE_URL: never } });
    expect(removed.code, removed.stderr).toBe(0);
    expect((await listing()).find((row) => row.url === never)?.tracked).toBe(false);
  }, LONG);

  it.skipIf(skip)('a tracked file source is read from disk on each run, and a file that is gone fails that source alone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stackradar-file-source-'));
    const saved = path.join(dir, 'saved.html');
    writeFileSync(saved, fixture('numbered-h2.html'));
    expect((await runCli(['ingest', '--file', saved], { env, timeoutMs: LONG })).code).toBe(0);
    const again = await runCli(['ingest'], { env, timeoutMs: LONG });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toMatch(/robots\.txt|Invalid URL/);
    const fileRow = (await listing()).find((row) => row.url.startsWith('file:'));
    expect(fileRow).toMatchObject({ tracked: true, entries: 8, last_outcome: 'unchanged' });

    rmSync(dir, { recursive: true, force: true });
    const gone = await runCli(['ingest'], { env, timeoutMs: LONG });
    expect(gone.code, gone.stderr).toBe(3);
    expect(gone.stderr).toContain('file not found');
    expect((await listing()).find((row) => row.url === main)?.last_outcome).toMatch(/new-version|unchanged/);
    expect((await runCli(['sources', 'remove', fileRow?.url ?? ''], { env })).code).toBe(0);
  }, 4 * LONG);
});
