/**
 * A local stand-in for the article's site: serves fixture pages, robots.txt (a page set at /robots.txt
 * replaces the default one), redirects and switchable faults.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/articles/', import.meta.url));
export const fixture = (name: string) => readFileSync(`${FIXTURES}${name}`, 'utf8');

export interface Page {
  status?: number;
  /** The Content-Type; an empty string sends none. */
  type?: string;
  body?: string;
  /** Milliseconds before the answer starts. */
  delayMs?: number;
  /** Answer 503 this many times before serving the page. */
  failTimes?: number;
  /** Redirects here (with `status`, 302 unless given). */
  location?: string;
  /** Never answers. */
  hang?: boolean;
}

export interface ArticleServer {
  url: string;
  pages: Map<string, Page>;
  hits: Map<string, number>;
  /** The user agent of the last request per path. */
  userAgents: Map<string, string>;
  close(): Promise<void>;
}

export async function startArticleServer(): Promise<ArticleServer> {
  const pages = new Map<string, Page>();
  const hits = new Map<string, number>();
  const userAgents = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    userAgents.set(path, req.headers['user-agent'] ?? '');
    if (path === '/robots.txt' && !pages.has(path)) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
      return;
    }
    const page = pages.get(path);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
      return;
    }
    if (page.hang) return;
    setTimeout(() => {
      if (page.location) {
        res.writeHead(page.status ?? 302, { location: page.location }).end();
        return;
      }
      if (page.failTimes && page.failTimes > 0) {
        page.failTimes--;
        res.writeHead(503, { 'content-type': 'text/html' }).end('busy');
        return;
      }
      const type = page.type ?? 'text/html; charset=utf-8';
      res.writeHead(page.status ?? 200, type ? { 'content-type': type } : {}).end(page.body ?? '');
    }, page.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    pages,
    hits,
    userAgents,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
