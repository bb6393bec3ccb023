/** fetchArticles against a local article server: robots.txt, statuses, redirects, Markdown, cancellation. */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchArticles, type FetchOptions } from '../src/ingest/fetch.js';
import { userAgent } from '../src/http/user-agent.js';
import { createLogger } from '../src/logger.js';
import { fixture, startArticleServer, type ArticleServer } from './support/article-server.js';

const logger = createLogger('silent');
const options: FetchOptions = { logger, retries: 1, retryBaseMs: 10, timeoutSecs: 5 };
const PROJECT_UA = /^stackradar\/\d+\.\d+\.\d+$/;

describe('fetchArticles', () => {
  let server: ArticleServer;
  const at = (path: string) => `${server.url}${path}`;

  beforeAll(async () => {
    server = await startArticleServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.pages.clear();
    server.hits.clear();
    server.userAgents.clear();
  });

  describe('robots.txt', () => {
    it('obeys a group addressed to stackradar, fetching robots.txt with the project User-Agent', async () => {
      server.pages.set('/robots.txt', { type: 'text/plain', body: 'User-agent: otherbot\nAllow: /\n\nUser-agent: stackradar\nDisallow: /\n' });
      server.pages.set('/article.html', { body: fixture('numbered-h2.html') });
      const result = await fetchArticles([at('/article.html')], options);
      expect(result.pages).toEqual([]);
      expect(result.failures).toEqual([{ url: at('/article.html'), error: 'disallowed by robots.txt' }]);
      expect(server.hits.get('/article.html')).toBeUndefined();
      expect(server.userAgents.get('/robots.txt')).toMatch(PROJECT_UA);
    });

    it('ignores a group addressed to another bot and sends the given User-Agent on both requests', async () => {
      server.pages.set('/robots.txt', { type: 'text/plain', body: 'User-agent: otherbot\nDisallow: /\n' });
      server.pages.set('/article.html', { body: fixture('numbered-h2.html') });
      const agent = userAgent('ops@example.org');
      const result = await fetchArticles([at('/article.html')], { ...options, userAgent: agent });
      expect(result.failures).toEqual([]);
      expect(result.pages.map((page) => page.url)).toEqual([at('/article.html')]);
      expect(server.userAgents.get('/robots.txt')).toMatch(/^stackradar\/\d+\.\d+\.\d+ \(\+ops@example\.org\)$/);
      expect(server.userAgents.get('/article.html')).toMatch(/^stackradar\/\d+\.\d+\.\d+ \(\+ops@example\.org\)$/);
    });

    it('lets the stackradar group allow what the * group forbids', async () => {
      server.pages.set('/robots.txt', { type: 'text/plain', body: 'User-agent: *\nDisallow: /\n\nUser-agent: stackradar\nAllow: /\n' });
      server.pages.set('/article.html', { body: fixture('numbered-h2.html') });
      const result = await fetchArticles([at('/article.html')], options);
      expect(result.failures).toEqual([]);
      expect(server.hits.get('/article.html')).toBe(1);
    });
    it('retries a robots.txt that answers 503 before obeying it', async () => {
      server.pages.set('/robots.txt', { type: 'text/plain', failTimes: 1, body: 'User-agent: stackradar\nDisallow: /\n' });
      server.pages.set('/article.html', { body: fixture('numbered-h2.html') });
      const result = await fetchArticles([at('/article.html')], options);
      expect(result.failures).toEqual([{ url: at('/article.html'), error: 'disallowed by robots.txt' }]);
      expect(server.hits.get('/robots.txt')).toBe(2);
    });

    it('fetches the page when robots.txt stays unavailable', async () => {
      server.pages.set('/robots.txt', { status: 500, type: 'text/plain', body: 'down' });
      server.pages.set('/article.html', { body: fixture('numbered-h2.html') });
      const result = await fetchArticles([at('/article.html')], options);
      expect(result.failures).toEqual([]);
      expect(server.hits.get('/robots.txt')).toBe(2);
      expect(server.hits.get('/article.html')).toBe(1);
    });
  });

  describe('statuses', () => {
    it.each([
      ['text/plain', 'text/plain'],
      ['no', ''],
    ])('reports a 404 with %s Content-Type as HTTP 404, without retrying', async (_label, type) => {
      server.pages.set('/gone', { status: 404, type, body: 'gone' });
      const result = await fetchArticles([at('/gone')], options);
      expect(result.failures).toEqual([{ url: at('/gone'), error: 'HTTP 404' }]);
      expect(server.hits.get('/gone')).toBe(1);
    });

    it('retries a plain-text 500 and then reports it as HTTP 500', async () => {
      server.pages.set('/broken', { status: 500, type: 'text/plain', body: 'oops' });
      const result = await fetchArticles([at('/broken')], options);
      expect(result.failures).toEqual([{ url: at('/broken'), error: 'HTTP 500' }]);
      expect(server.hits.get('/broken')).toBe(2);
    });

    it('fails a page that is neither HTML nor Markdown at once, naming its type', async () => {
      server.pages.set('/notes.txt', { type: 'text/plain', body: 'plain notes' });
      server.pages.set('/blob', { type: '', body: 'bytes' });
      const result = await fetchArticles([at('/notes.txt'), at('/blob')], options);
      expect(result.failures).toEqual([
        { url: at('/notes.txt'), error: 'not an HTML page (Content-Type text/plain)' },
        { url: at('/blob'), error: 'not an HTML page (no Content-Type)' },
      ]);
      expect(server.hits.get('/notes.txt')).toBe(1);
    });
  });

  it('cuts off a body over 5 MB at once, without retrying', async () => {
    server.pages.set('/huge.html', { body: `<html><body>${'x'.repeat(6 * 1024 * 1024)}</body></html>` });
    const result = await fetchArticles([at('/huge.html')], options);
    expect(result.failures).toEqual([{ url: at('/huge.html'), error: 'response larger than 5 MB' }]);
    expect(server.hits.get('/huge.html')).toBe(1);
  });

  it('reports the final URL of a redirected page next to the URL asked for', async () => {
    server.pages.set('/old.html', { location: '/guides/new.html' });
    server.pages.set('/guides/new.html', { body: fixture('numbered-h2.html') });
    const result = await fetchArticles([at('/old.html')], options);
    expect(result.pages).toHaveLength(1);
    expect(result.pages[0]).toMatchObject({ url: at('/old.html'), finalUrl: at('/guides/new.html'), contentType: 'text/html' });
    expect(result.pages[0]?.body).toBe(fixture('numbered-h2.html'));
  });

  it('accepts Markdown sources and says which pages are Markdown', async () => {
    const markdown = '# Top 3 backend frameworks\n\n## 1. Django\n\nDjango is a Python framework.\n';
    server.pages.set('/guide', { type: 'text/markdown; charset=utf-8', body: markdown });
    server.pages.set('/legacy', { type: 'text/x-markdown', body: markdown });
    server.pages.set('/raw/README.md', { type: 'text/plain; charset=utf-8', body: markdown });
    server.pages.set('/page.html', { body: '<h1>Top 3</h1>' });
    const urls = ['/guide', '/legacy', '/raw/README.md', '/page.html'].map(at);
    const result = await fetchArticles(urls, options);
    expect(result.failures).toEqual([]);
    expect(result.pages.map((page) => [page.url, page.contentType, page.body])).toEqual([
      [urls[0], 'text/markdown', markdown],
      [urls[1], 'text/markdown', markdown],
      [urls[2], 'text/markdown', markdown],
      [urls[3], 'text/html', '<h1>Top 3</h1>'],
    ]);
  });

  describe('cancellation', () => {
    it('rejects within 3 s of an abort while a page never answers, leaving SIGINT to the application', async () => {
      server.pages.set('/hang.html', { hang: true });
      const sigintBefore = process.listeners('SIGINT');
      const controller = new AbortController();
      const fetching = fetchArticles([at('/hang.html')], { ...options, timeoutSecs: 60, signal: controller.signal });
      const settled = fetching.catch((error: unknown) => error);
      await vi.waitFor(() => expect(server.hits.get('/hang.html')).toBe(1), { timeout: 10_000 });
      expect(process.listeners('SIGINT')).toEqual(sigintBefore);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const abortedAt = Date.now();
      controller.abort();
      const error = await settled;
      expect(Date.now() - abortedAt).toBeLessThan(3000);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/interrupted/);
      expect(process.listeners('SIGINT')).toEqual(sigintBefore);
    });

    it('rejects within 3 s of an abort while robots.txt never answers', async () => {
      server.pages.set('/robots.txt', { hang: true });
      server.pages.set('/article.html', { body: fixture('numbered-h2.html') });
      const controller = new AbortController();
      const fetching = fetchArticles([at('/article.html')], { ...options, timeoutSecs: 60, signal: controller.signal });
      const settled = fetching.catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const abortedAt = Date.now();
      controller.abort();
      expect(((await settled) as Error).message).toMatch(/interrupted/);
      expect(Date.now() - abortedAt).toBeLessThan(3000);
      expect(server.hits.get('/article.html')).toBeUndefined();
    });
  });
});
