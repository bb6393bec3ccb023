/**
 * Ctrl-C and SIGTERM during a one-off run: the run stops within seconds, is recorded as failed with the
 * reason, leaves nothing visible (no snapshot, no article version of its own), and the command exits
 * 130 (SIGINT) or 143 (SIGTERM).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/article-server.js';
import { runCli } from './support/cli.js';
import { spawnCli, sqlRows, stage, startStandins, type Standins } from './support/jobs.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const LONG = 120_000;

describe.each(DRIVERS)('interrupting a run on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let standins: Standins;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    if (skip) return;
    standins = await startStandins();
    // An article that takes far longer than the test waits: the interrupt must not wait for it.
    standins.articles.pages.set('/slow-article.html', { body: fixture('keycdn-original.html'), delayMs: 60_000 });
    database = await createTestDatabase(driver);
    env = standins.env(database);
  });
  afterAll(async () => {
    if (skip) return;
    await standins.close();
    await database.drop();
  });

  const lastRun = async () =>
    (await sqlRows<{ id: number; status: string; error: string | null }>('select id, status, error from runs order by id desc limit 1', env))[0];

  it.skipIf(skip)('SIGINT while the article downloads: exit 130 within seconds, the run failed, nothing stored', async () => {
    const child = spawnCli(['refresh'], { ...env, STACKRADAR_SOURCE_URL: `${standins.articles.url}/slow-article.html` });
    await child.waitFor(stage('fetching'));
    const sent = Date.now();
    child.child.kill('SIGINT');
    const exit = await child.exited;
    expect(exit.code, child.stderr()).toBe(130);
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect(child.stderr()).toContain('stackradar: interrupted by SIGINT');
    const run = await lastRun();
    expect(run).toMatchObject({ status: 'failed', error: 'interrupted by SIGINT' });
    expect(await sqlRows(`select count(*) as n from snapshots where run_id = ${run?.id}`, env)).toEqual([{ n: 0 }]);
    // An interrupted first ingest does not track the source.
    const sources = JSON.parse((await runCli(['sources', '--format', 'json'], { env })).stdout) as { url: string }[];
    expect(sources.map((source) => source.url)).not.toContain(`${standins.articles.url}/slow-article.html`);
  }, LONG);

  it.skipIf(skip)('SIGTERM while enriching: exit 143, the run failed, the article version it stored is removed', async () => {
    standins.github.setFaults({ latencyMs: 5_000 });
    const child = spawnCli(['refresh'], env);
    await child.waitFor(stage('enriching'));
    child.child.kill('SIGTERM');
    const exit = await child.exited;
    standins.github.setFaults({});
    expect(exit.code, child.stderr()).toBe(143);
    const run = await lastRun();
    expect(run).toMatchObject({ status: 'failed', error: 'interrupted by SIGTERM' });
    expect(await sqlRows(`select count(*) as n from article_versions where run_id = ${run?.id}`, env)).toEqual([{ n: 0 }]);
    expect(await sqlRows(`select count(*) as n from framework_history where run_id = ${run?.id}`, env)).toEqual([{ n: 0 }]);
    const next = await runCli(['refresh'], { env, timeoutMs: LONG });
    expect(next.code, next.stderr).toBe(0);
  }, LONG);

  it.skipIf(skip)('SIGINT while GitHub is slow: requests in flight are dropped, exit 130 within seconds', async () => {
    standins.github.setFaults({ latencyMs: 20_000 });
    const child = spawnCli(['enrich'], env);
    await child.waitFor(stage('enriching'));
    const sent = Date.now();
    child.child.kill('SIGINT');
    const exit = await child.exited;
    standins.github.setFaults({});
    expect(exit.code, child.stderr()).toBe(130);
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect(await lastRun()).toMatchObject({ status: 'failed', error: 'interrupted by SIGINT' });
  }, LONG);
  it.skipIf(skip)('SIGINT late in a run, while storing and asking the registries: exit 130, the run failed, nothing visible', async () => {
    standins.registries.setFaults({ latencyMs: 20_000 });
    const child = spawnCli(['refresh'], env);
    await child.waitFor(stage('storing'));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    child.child.kill('SIGINT');
    const exit = await child.exited;
    standins.registries.setFaults({});
    expect(exit.code, child.stderr()).toBe(130);
    expect(child.stderr()).toContain('stackradar: interrupted by SIGINT\n');
    const run = await lastRun();
    expect(run).toMatchObject({ status: 'failed', error: 'interrupted by SIGINT' });
    expect(await sqlRows(`select count(*) as n from framework_history where run_id = ${run?.id}`, env)).toEqual([{ n: 0 }]);
  }, LONG);
});
