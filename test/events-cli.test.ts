/**
 * Events, feeds and webhooks through the built CLI on both drivers, against the stand-ins and a local
 * receiver: each event kind is recorded once by the run that caused it and never again (a re-run, a
 * backfill with STACKRADAR_NOW, a scheduled run); the feed reads back through feedsmith; the receiver verifies the
 * signature; 500, 500, 200 is three attempts and one delivery; a 410 is not retried; a receiver that
 * never answers is given up within the bound and the run still succeeds; no secret is logged or stored.
 * Also: a database from before the events tables migrates without loss.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/article-server.js';
import { runCli, type CliResult } from './support/cli.js';
import { runFinished, spawnCli, sqlRows, startStandins, type Standins } from './support/jobs.js';
import { seedAtMigration } from './support/previous-migrations.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const LONG = 120_000;
const SECRET = 'wh-secret-0123456789-DO-NOT-LOG';
const PASSWORD = 'hookPassw0rd-DO-NOT-LOG';
const HOUR = 3_600_000;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver answering each path from its script (then 200); 'hang' never answers. */
async function startReceiver() {
  const scripts = new Map<string, (number | 'hang')[]>();
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body });
      const answer = scripts.get(path)?.shift() ?? 200;
      if (answer !== 'hang') res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    scripts,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const verified = (secret: string, { headers, body }: Received) => {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(String(headers['x-stackradar-signature-256']));
  return given.length === expected.length && timingSafeEqual(given, expected);
};

describe.each(DRIVERS)('events, feeds and webhooks on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let standins: Standins;
  let database: TestDatabase;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let env: (extra?: Record<string, string | undefined>) => Record<string, string | undefined>;
  const outputs: string[] = [];
  const cli = async (args: string[], extra: Record<string, string | undefined> = {}): Promise<CliResult> => {
    const result = await runCli(args, { env: env(extra), timeoutMs: LONG });
    outputs.push(result.stdout, result.stderr);
    return result;
  };
  // Review's finding-new / finding-resolved events have their own test (review-cli): these are the other kinds.
  const eventRows = () =>
    sqlRows<{ kind: string; run_id: number; slug: string | null; key: string }>("select kind, run_id, slug, key from events where kind not like 'finding-%' order by id", env());
  const repo = (name: string) => standins.github.repos.find((r) => r.name === name)!;
  const hooks = (...paths: string[]) => paths.map((p) => `http://hook:${PASSWORD}@${receiver.base}${p}`).join(',');
  const start = Date.now();

  beforeAll(async () => {
    if (skip) return;
    standins = await startStandins({ packages: false });
    database = await createTestDatabase(driver);
    receiver = await startReceiver();
    env = (extra = {}) => standins.env(database, { STACKRADAR_WEBHOOK_SECRET: SECRET, STACKRADAR_WEBHOOK_TIMEOUT: '1', ...extra });
    repo('flask').stars = 4_990;
    repo('framework').stars = 20_000;
  }, LONG);
  afterAll(async () => {
    if (skip) return;
    await Promise.all([standins.close(), receiver.close()]);
    await database.drop();
  });

  it.skipIf(skip)('the first run is the baseline: no events, nothing posted', async () => {
    const result = await cli(['refresh'], { STACKRADAR_NOW: new Date(start - 2 * HOUR).toISOString(), STACKRADAR_WEBHOOK_URL: hooks('/a') });
    expect(result.code, result.stderr).toBe(0);
    expect(await eventRows()).toEqual([]);
    expect(receiver.received).toEqual([]);
  }, LONG);

  it.skipIf(skip)('a run with changes records each kind once and posts one signed digest per URL, retrying 5xx', async () => {
    standins.articles.pages.set('/article.html', { body: fixture('keycdn-original.html').replace('Flask is another Python-based', 'Flask is a tiny Python-based') });
    repo('express').releases.unshift({ tag: 'v9.0.0', name: 'v9.0.0', isDraft: false, isPrerelease: false, publishedAt: new Date(start - 3 * HOUR).toISOString(), createdAt: new Date(start - 3 * HOUR).toISOString() });
    repo('flask').stars = 5_010;
    repo('framework').stars = 18_000;
    receiver.scripts.set('/a', [500, 500, 200]);
    receiver.scripts.set('/hang', ['hang', 'hang', 'hang']);
    const started = Date.now();
    const result = await cli(['refresh'], { STACKRADAR_WEBHOOK_URL: hooks('/a', '/hang') });
    expect(result.code, result.stderr).toBe(0);
    // Generous for a busy machine: the dead receiver alone is bounded by 3 × 1 s + 2 s of backoff.
    expect(Date.now() - started).toBeLessThan(60_000);
    const [run] = await sqlRows<{ id: number; status: string }>('select id, status from runs order by id desc limit 1', env());
    expect(run!.status).toBe('succeeded');

    const events = await eventRows();
    expect(events.map((e) => [e.kind, e.slug])).toEqual([['article-changed', null], ['release', 'express'], ['stars-milestone', 'flask'], ['anomaly', 'laravel']]);
    expect(events.every((e) => e.run_id === run!.id)).toBe(true);

    const posts = receiver.received.filter((r) => r.path === '/a');
    expect(posts).toHaveLength(3);
    for (const post of posts) {
      expect(verified(SECRET, post)).toBe(true);
      expect(post.headers).toMatchObject({ 'x-stackradar-event': 'digest', authorization: `Basic ${Buffer.from(`hook:${PASSWORD}`).toString('base64')}` });
      expect(post.headers['x-stackradar-delivery']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(post.headers['user-agent']).toMatch(/^stackradar\//);
    }
    const digest = JSON.parse(posts[2]!.body) as { run: { id: number; status: string }; events: { kind: string }[] };
    expect(digest.run).toMatchObject({ id: run!.id, status: 'succeeded' });
    expect(digest.events.map((e) => e.kind).filter((k) => !k.startsWith('finding-'))).toEqual(['article-changed', 'release', 'stars-milestone', 'anomaly']);
    expect(receiver.received.filter((r) => r.path === '/hang')).toHaveLength(3);

    const deliveries = await sqlRows<{ url: string; status: string; attempts: number; error: string | null }>('select url, status, attempts, error from webhook_deliveries order by url', env());
    expect(deliveries).toEqual([
      { url: `http://${receiver.base}/a`, status: 'delivered', attempts: 3, error: null },
      { url: `http://${receiver.base}/hang`, status: 'failed', attempts: 3, error: 'no answer within 1s' },
    ]);
    expect(result.stderr).toContain(`webhook http://${receiver.base}/a: delivered after 3 attempt(s)`);
  }, LONG);

  it.skipIf(skip)('a backfill between the runs adds no event and posts nothing', async () => {
    const before = receiver.received.length;
    expect((await cli(['refresh'], { STACKRADAR_NOW: new Date(start - HOUR).toISOString(), STACKRADAR_WEBHOOK_URL: hooks('/a') })).code).toBe(0);
    expect(await eventRows()).toHaveLength(4);
    expect(receiver.received.length).toBe(before);
  }, LONG);

  it.skipIf(skip)('a failed run is one run-failed event; a 410 is not retried and the run keeps its status', async () => {
    standins.github.setFaults({ unauthorized: { count: 1_000 } });
    receiver.scripts.set('/gone', [410, 200]);
    const result = await cli(['refresh'], { STACKRADAR_WEBHOOK_URL: hooks('/gone') });
    standins.github.setFaults({});
    expect(result.code).toBe(1);
    const events = await eventRows();
    expect(events.filter((e) => e.kind === 'run-failed')).toHaveLength(1);
    expect(receiver.received.filter((r) => r.path === '/gone')).toHaveLength(1);
    const runs = JSON.parse((await cli(['runs', '--format', 'json', '--limit', '1'])).stdout) as { status: string; webhooks: { url: string; status: string; attempts: number; error: string }[] }[];
    expect(runs[0]!.status).toBe('failed');
    expect(runs[0]!.webhooks).toMatchObject([{ url: `http://${receiver.base}/gone`, status: 'failed', attempts: 1, error: 'HTTP 410' }]);
  }, LONG);

  it.skipIf(skip)('the feed in each format reads back through an independent parser; bad usage exits 2', async () => {
    const atom = await cli(['feed', '--format', 'atom']);
    expect(atom.code, atom.stderr).toBe(0);
    const parsed = parseFeed(atom.stdout);
    expect(parsed.format).toBe('atom');
    const entries = (parsed.feed as { entries: { id: string; updated: string; links: { href: string }[] }[] }).entries;
    const [stored] = await sqlRows<{ n: number }>('select count(*)::int as n from events', env());
    expect(entries).toHaveLength(stored!.n);
    expect(entries.length).toBeGreaterThanOrEqual(5);
    expect(entries.every((e) => e.id.startsWith('tag:stackradar,2026:event:') && e.updated)).toBe(true);
    expect(entries.map((e) => e.links[0]!.href)).toContain('https://github.com/expressjs/express/releases/tag/v9.0.0');

    const rss = parseFeed((await cli(['feed', '--format', 'rss', '--kind', 'release', 'stars-milestone'])).stdout);
    expect((rss.feed as { items: unknown[] }).items).toHaveLength(2);
    const json = await cli(['feed', '--format', 'json', '--kind', 'run-failed']);
    expect(JSON.parse(json.stdout).version).toBe('https://jsonfeed.org/version/1.1');
    expect((parseFeed(json.stdout).feed as { items: unknown[] }).items).toHaveLength(1);

    const bad = await cli(['feed', '--kind', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/unknown --kind nope/);
  }, LONG);

  // Also the re-run: only the new milestone is news, none of the earlier changes is posted again.
  it.skipIf(skip)('the scheduler posts after its run and logs one line per delivery', async () => {
    repo('flask').stars = 10_010;
    const scheduler = spawnCli(['schedule', '--cron', '0 0 1 1 *', '--run-now', '--no-serve'], env({ STACKRADAR_WEBHOOK_URL: hooks('/sched') }));
    try {
      const line = await scheduler.waitFor((l) => typeof l.msg === 'string' && l.msg.startsWith('webhook '), LONG);
      expect(line).toMatchObject({ status: 'delivered', attempts: 1, url: `http://${receiver.base}/sched`, msg: `webhook http://${receiver.base}/sched: delivered after 1 attempt(s)` });
      await scheduler.waitFor(runFinished, LONG);
    } finally {
      scheduler.child.kill('SIGTERM');
      await scheduler.exited;
      outputs.push(scheduler.stdout(), scheduler.stderr());
    }
    const [post] = receiver.received.filter((r) => r.path === '/sched');
    const digest = JSON.parse(post!.body) as { run: { trigger: string }; events: { kind: string; slug: string | null }[] };
    expect(digest.run).toMatchObject({ trigger: 'schedule' });
    expect(digest.events.filter((e) => !e.kind.startsWith('finding-'))).toMatchObject([{ kind: 'stars-milestone', slug: 'flask' }]);
    expect(scheduler.lines.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('webhook '))).toHaveLength(1);
  }, LONG);

  it.skipIf(skip)('neither the secret nor the URL password is in any output or in the database', async () => {
    const dump = await sqlRows<{ t: string }>("select (select coalesce(json_agg(w)::text, '') from webhook_deliveries w) || (select json_agg(e)::text from events e) || (select json_agg(r)::text from runs r) as t", env());
    for (const text of [...outputs, dump[0]!.t]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(PASSWORD);
    }
  }, LONG);
});

describe.each(DRIVERS)('a %s database from before the events tables', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let database: TestDatabase;

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase(driver);
    await seedAtMigration(
      database,
      '0013_entry_description_nullable',
      `insert into runs (id, trigger, command, status, run_at, pid, host) values (1, 'test', 'refresh', 'succeeded', '2026-11-01T06:00:00Z', 1, 'h');
       select setval('runs_id_seq', 1);`,
    );
  });
  afterAll(async () => {
    if (!skip) await database.drop();
  });

  it.skipIf(skip)('migrates without loss and derives nothing from the past', async () => {
    const env = { DATABASE_URL: database.databaseUrl, STACKRADAR_DATA_DIR: database.dataDir };
    const runs = JSON.parse((await runCli(['runs', '--format', 'json'], { env })).stdout) as { id: number; status: string; webhooks: unknown }[];
    expect(runs).toMatchObject([{ id: 1, status: 'succeeded', webhooks: null }]);
    expect(await sqlRows('select (select count(*) from events) as events, (select count(*) from webhook_deliveries) as deliveries', env)).toEqual([{ events: 0, deliveries: 0 }]);
  });
});
