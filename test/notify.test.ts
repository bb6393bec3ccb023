/**
 * The pure parts of events, feeds and webhooks: deriving events from stored rows, the signer (GitHub's
 * published vector), URLs without their secrets, the digest and Slack bodies, the feed documents read
 * back by an independent parser (feedsmith), and a delivery's retries against a receiver on 127.0.0.1.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver, deliveryBoundMs } from '../src/notify/deliver.js';
import { webhookBody, type RunSummary } from '../src/notify/digest.js';
import { eventTag, renderFeed } from '../src/notify/feed.js';
import { signBody } from '../src/notify/sign.js';
import { articleChangedEvents } from '../src/notify/sources/article-changed.js';
import { findingEvents } from '../src/notify/sources/findings.js';
import { releaseEvents } from '../src/notify/sources/release.js';
import { runFailedEvents } from '../src/notify/sources/run-failed.js';
import { starsMilestoneEvents } from '../src/notify/sources/stars-milestone.js';
import { publicUrl, requestTarget } from '../src/notify/webhook-url.js';
import type { SnapshotPair } from '../src/store/event-facts.js';
import type { EventRow } from '../src/store/events.js';

const at = new Date('2026-03-01T06:00:00Z');

function pair(stars: [number | null, number | null], versions: [string | null, string | null], first = false): SnapshotPair {
  return {
    current: { framework: 'Express', slug: 'express', repo: 'expressjs/express', capturedAt: at, stars: stars[1], latestVersion: versions[1], latestVersionAt: at },
    previous: first ? undefined : { stars: stars[0], latestVersion: versions[0] },
  };
}

const entry = (slug: string, description = 'x') => ({ position: 1, name: slug, slug, language: null, description, pros: [], cons: [], notableUsers: [], links: [] });

describe('deriving events', () => {
  it('a release is a new latest version; the first snapshot is the baseline', () => {
    const [event] = releaseEvents([pair([1, 1], ['v4.21.0', 'v5.0.0'])]);
    expect(event).toMatchObject({ key: 'release:express:v5.0.0', kind: 'release', slug: 'express', url: 'https://github.com/expressjs/express/releases/tag/v5.0.0' });
    expect(releaseEvents([pair([1, 1], ['v5.0.0', 'v5.0.0']), pair([1, 1], [null, 'v1'], true), pair([1, 1], ['v5', null])])).toEqual([]);
  });

  it('a stars milestone is the highest threshold crossed since the previous snapshot', () => {
    expect(starsMilestoneEvents([pair([990, 1_000], [null, null])])[0]).toMatchObject({ key: 'stars-milestone:express:1000', title: 'Express passed 1k stars' });
    expect(starsMilestoneEvents([pair([900, 12_000], [null, null])]).map((e) => e.key)).toEqual(['stars-milestone:express:10000']);
    expect(starsMilestoneEvents([pair([1_000, 1_200], [null, null]), pair([null, 5_000], [null, null]), pair([4_000, 6_000], [null, null], true)])).toEqual([]);
  });

  it('an article change lists entries added, removed and changed; a text-only version is none', () => {
    const change = { sourceUrl: 'https://a.example/list', title: 'Best', versionId: 7, previousId: 3 };
    const [event] = articleChangedEvents([{ ...change, before: [entry('a'), entry('b')], after: [entry('a', 'new'), entry('c')] }]);
    expect(event).toMatchObject({ key: 'article-changed:https://a.example/list:7', url: 'https://a.example/list', summary: 'added c; removed b; changed a' });
    expect(articleChangedEvents([{ ...change, before: [entry('a')], after: [entry('a')] }])).toEqual([]);
  });

  it('a finding the run opened is finding-new, one it no longer found is finding-resolved, each keyed by its row', () => {
    const row = { id: 12, sourceUrl: 'https://a.example/list', framework: 'Laravel', slug: 'laravel', finding: 'archived', severity: 'high', detail: 'laravel/framework is archived' };
    expect(findingEvents([{ ...row, opened: true }, { ...row, id: 9, finding: 'dormant', opened: false }])).toMatchObject([
      { key: 'finding-new:12', kind: 'finding-new', slug: 'laravel', title: 'Laravel: archived (high)', summary: 'laravel/framework is archived' },
      { key: 'finding-resolved:9', kind: 'finding-resolved', title: 'Laravel: dormant resolved' },
    ]);
    expect(findingEvents([{ ...row, finding: 'docs-unverified', opened: true }])).toEqual([]);
    expect(findingEvents([{ ...row, framework: null, slug: '', finding: 'stale-title', opened: true }])).toMatchObject([{ slug: null, title: 'https://a.example/list: stale-title (high)' }]);
  });

  it('a failed run is one run-failed event keyed by the run', () => {
    expect(runFailedEvents(null, { id: 4, status: 'failed', error: 'GitHub unreachable' })).toMatchObject([{ key: 'run-failed:4', summary: 'GitHub unreachable' }]);
    expect(runFailedEvents(null, { id: 4, status: 'partial', error: null })).toEqual([]);
  });
});

describe('webhook signing and URLs', () => {
  it("signs as GitHub does (GitHub's published test vector)", () => {
    expect(signBody("It's a Secret to Everybody", 'Hello, World!')).toBe('sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17');
  });

  it('stores and logs a URL without its user, password, query values or token-like path segments', () => {
    expect(publicUrl('https://user:pa55@hooks.example.com/in?token=abc&x=1#f')).toBe('https://hooks.example.com/in?token=***&x=***');
    expect(publicUrl('https://hooks.slack.com/services/T0001/B0001/XXXXXXXXXXXXXXXXXXXXXXXX')).toBe('https://hooks.slack.com/services/T0001/B0001/***');
    expect(requestTarget('http://me:s%40cret@127.0.0.1:9/hook')).toEqual({ url: 'http://127.0.0.1:9/hook', authorization: `Basic ${Buffer.from('me:s@cret').toString('base64')}` });
  });
});

const event = (id: number, kind: string, extra: Partial<EventRow> = {}): EventRow => ({
  id,
  runId: 2,
  at: new Date(at.getTime() + id * 1000),
  kind,
  sourceUrl: null,
  slug: 'express',
  title: `Express <${kind}> & co`,
  summary: `summary ${id}`,
  url: 'https://github.com/expressjs/express',
  data: { n: id },
  key: `${kind}:express:${id}`,
  ...extra,
});
const EVENTS = [event(3, 'release'), event(2, 'stars-milestone'), event(1, 'run-failed', { url: null, slug: null })];
const RUN: RunSummary = { id: 2, trigger: 'cli', command: 'refresh', status: 'succeeded', run_at: at, started_at: at, finished_at: at, error: null };

describe('webhook bodies', () => {
  it('the digest carries the run and its events', () => {
    const body = JSON.parse(webhookBody('json', RUN, EVENTS));
    expect(body.run).toMatchObject({ id: 2, status: 'succeeded', run_at: at.toISOString() });
    expect(body.events.map((e: { kind: string }) => e.kind)).toEqual(['release', 'stars-milestone', 'run-failed']);
    expect(body.events[0]).toMatchObject({ id: 3, slug: 'express', data: { n: 3 } });
  });

  it('Slack gets {text, blocks} with mrkdwn escaped and at most 50 blocks', () => {
    const body = JSON.parse(webhookBody('slack', RUN, EVENTS));
    expect(body.text).toBe('stackradar run 2 succeeded: 3 changes');
    expect(body.blocks[1].text.text).toBe('*<https://github.com/expressjs/express|Express &lt;release&gt; &amp; co>*\nsummary 3');
    const many = Array.from({ length: 60 }, (_, i) => event(i + 1, 'release'));
    const big = JSON.parse(webhookBody('slack', RUN, many));
    expect(big.blocks.length).toBeLessThanOrEqual(50);
    expect(big.blocks.at(-1).elements[0].text).toMatch(/and 15 more/);
  });
});

describe('feeds, read back by feedsmith', () => {
  const context = { home: 'https://articles.example/list', kinds: [], now: at };

  it('Atom 1.0: feed and entries have id, title and updated (RFC 4287 4.1.1, 4.1.2), ids are tag URIs', () => {
    const parsed = parseFeed(renderFeed(EVENTS, 'atom', context));
    expect(parsed.format).toBe('atom');
    const feed = parsed.feed as { id: string; title: { value: string }; updated: string; authors?: unknown[]; entries: { id: string; title: { value: string }; updated: string; links: { href: string }[] }[] };
    expect(feed.id).toMatch(/^tag:stackradar,2026:feed:all$/);
    expect(feed.title.value).toBeTruthy();
    expect(new Date(feed.updated).toISOString()).toBe(EVENTS[0]!.at.toISOString());
    expect(feed.authors?.length).toBeGreaterThan(0);
    expect(feed.entries.map((e) => e.id)).toEqual(EVENTS.map(eventTag));
    for (const e of feed.entries) {
      expect(e.id).toMatch(/^tag:stackradar,2026:event:/);
      expect(e.title.value).toBeTruthy();
      expect(Number.isNaN(Date.parse(e.updated))).toBe(false);
    }
    expect(feed.entries[2]!.links[0]!.href).toBe(context.home);
    // type="html": the title is escaped as HTML, so a reader shows the event's title as it is.
    expect(renderFeed(EVENTS, 'atom', context)).toContain('<title type="html"><![CDATA[Express &lt;release&gt; &amp; co]]></title>');
  });

  it('RSS 2.0: items with a guid that is no permalink and a date', () => {
    const text = renderFeed(EVENTS, 'rss', context);
    const parsed = parseFeed(text);
    expect(parsed.format).toBe('rss');
    const feed = parsed.feed as { title: string; link: string; items: { guid: { value: string; isPermaLink?: boolean }; title: string; pubDate: string; link: string }[] };
    expect(feed.link).toBe(context.home);
    expect(feed.items.map((i) => i.guid.value)).toEqual(EVENTS.map(eventTag));
    expect(feed.items[0]!.guid.isPermaLink).toBe(false);
    expect(new Date(feed.items[0]!.pubDate).toISOString()).toBe(EVENTS[0]!.at.toISOString());
  });

  it('JSON Feed 1.1: version, items with ids, text, dates and the event as an extension', () => {
    const text = renderFeed(EVENTS, 'json', context);
    expect(JSON.parse(text).version).toBe('https://jsonfeed.org/version/1.1');
    const parsed = parseFeed(text);
    expect(parsed.format).toBe('json');
    const feed = parsed.feed as { title: string; items: { id: string; content_text: string; date_published: string; url: string }[] };
    expect(feed.items.map((i) => i.id)).toEqual(EVENTS.map(eventTag));
    expect(feed.items[0]).toMatchObject({ content_text: 'summary 3', date_published: EVENTS[0]!.at.toISOString() });
    expect(JSON.parse(text).items[0]._stackradar).toEqual({ kind: 'release', slug: 'express', source_url: null, data: { n: 3 } });
  });

  it('an empty feed is still valid and updated now', () => {
    const feed = parseFeed(renderFeed([], 'atom', context)).feed as { updated: string; entries?: unknown[] };
    expect(feed.updated).toBe(at.toISOString());
    expect(feed.entries ?? []).toEqual([]);
  });
});

describe('delivering', () => {
  let server: Server;
  let url: string;
  let answers: (number | 'hang')[] = [];
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        const answer = answers.shift() ?? 200;
        if (answer === 'hang') return;
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const request = (body = '{"a":1}') => ({ url, body, deliveryId: 'd-1', secret: 's3cret', userAgent: 'stackradar/test', timeoutMs: 500 });

  it('retries 500s and signs every attempt the same way', async () => {
    received.length = 0;
    answers = [500, 500, 200];
    expect(await deliver(request())).toEqual({ status: 'delivered', attempts: 3, error: null });
    expect(received).toHaveLength(3);
    for (const { headers, body } of received) {
      const expected = Buffer.from(`sha256=${createHmac('sha256', 's3cret').update(body).digest('hex')}`);
      expect(timingSafeEqual(Buffer.from(String(headers['x-stackradar-signature-256'])), expected)).toBe(true);
      expect(headers).toMatchObject({ 'x-stackradar-event': 'digest', 'x-stackradar-delivery': 'd-1', 'user-agent': 'stackradar/test' });
    }
  });

  it('does not retry a 4xx; gives up on a receiver that never answers within the bound', async () => {
    received.length = 0;
    answers = [410];
    expect(await deliver(request())).toEqual({ status: 'failed', attempts: 1, error: 'HTTP 410' });
    answers = ['hang', 'hang', 'hang'];
    const started = Date.now();
    expect(await deliver(request())).toEqual({ status: 'failed', attempts: 3, error: 'no answer within 0.5s' });
    expect(Date.now() - started).toBeLessThan(deliveryBoundMs(500) + 1_000);
  });

  it('a refused connection is a network error, tried three times', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await deliver({ ...request(), url: `http://127.0.0.1:${port}/` })).toEqual({ status: 'failed', attempts: 3, error: 'network error (ECONNREFUSED)' });
  });
});
