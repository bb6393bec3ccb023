/** The docs check keeps its first answer (redirect not followed) and where it pointed, then follows as before. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDocsLink } from '../src/enrich/docs-check.js';

let server: http.Server;
let base = '';
const ANSWERS: Record<string, [number, string?]> = {
  '/ok': [200],
  '/gone': [410],
  '/permanent': [301, '/ok'],
  '/permanent-308': [308, '/ok'],
  '/temporary': [302, '/ok'],
  '/chain': [301, '/temporary'],
  '/busy': [429],
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const [status, location] = ANSWERS[req.url ?? ''] ?? [404];
    res.writeHead(status, location ? { location } : {}).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const check = (path: string) => checkDocsLink(`${base}${path}`, { allowPrivateNetwork: true, userAgent: 'stackradar-test', timeoutMs: 3000 });

describe('the first answer of a docs check', () => {
  it.each([
    ['/ok', 200, null, 200],
    ['/gone', 410, null, 410],
    ['/busy', 429, null, 429],
    ['/permanent', 301, '/ok', 200],
    ['/permanent-308', 308, '/ok', 200],
    ['/temporary', 302, '/ok', 200],
    ['/chain', 301, '/temporary', 200],
  ])('%s: first %i, moved to %s, final %i', async (path, firstStatus, movedTo, status) => {
    const result = await check(path);
    expect(result).toMatchObject({ firstStatus, movedTo: movedTo && `${base}${movedTo}`, status, error: null });
  });

  it('has no first answer when nothing answered', async () => {
    const result = await checkDocsLink('http://127.0.0.1:1/closed', { allowPrivateNetwork: true, userAgent: 'stackradar-test', timeoutMs: 3000 });
    expect(result).toMatchObject({ firstStatus: null, movedTo: null, status: null, error: 'connection' });
  });
});
