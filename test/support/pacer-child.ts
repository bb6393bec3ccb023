/**
 * Child process for test/registries-pacer-cli.test.ts: one crate fetched with crates.io's 1/s window
 * stretched to 5.25 s (longer than fetch's keep-alive), from a server that keeps nothing alive, so only
 * the pacer's token timer can hold the process until the second request. Prints the result, exits 0.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createRegistries } from '../../src/enrich/registries/index.js';
import { memoryCache } from './fake-registries/client.js';

const server = createServer((_req, res) => res.end(JSON.stringify({ crate: { downloads: 7 }, versions: [], version_downloads: [], meta: { extra_downloads: [] } })));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
server.unref();
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const client = createRegistries({ urls: { crates: url }, userAgent: 'stackradar-test', cache: memoryCache(), logger: pino({ level: 'silent' }), timing: { paceScale: 5 } });
const results = await client.fetchPackages([{ registry: 'crates', name: 'axum', dailySince: null }], new Date('2026-12-01T06:00:00Z'));
process.stdout.write(`${JSON.stringify({ requests: client.stats().requests, result: results.get('crates:axum') })}\n`);
