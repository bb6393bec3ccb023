/** A registries client wired to the fakes with an in-memory validator cache, for tests. */
import { pino } from 'pino';
import { createRegistries, type RegistriesOptions } from '../../../src/enrich/registries/index.js';
import type { PackageRequest } from '../../../src/enrich/registries/types.js';
import type { ValidatorCache } from '../../../src/store/http-validators.js';
import type { FakeRegistries } from './index.js';

export function memoryCache(): ValidatorCache & { size(): number } {
  const entries = new Map<string, { etag: string; body: unknown }>();
  return {
    get: (url) => Promise.resolve(entries.get(url)),
    set: (url, etag, body) => {
      entries.set(url, { etag, body: structuredClone(body) });
      return Promise.resolve();
    },
    size: () => entries.size,
  };
}

export function fakeClient(fake: FakeRegistries, options: Partial<RegistriesOptions> = {}) {
  return createRegistries({ urls: fake.urls, userAgent: 'stackradar/0.1.0 (+ops@example.com)', cache: memoryCache(), logger: pino({ level: 'silent' }), timing: { retryBaseMs: 10, paceScale: 0.01 }, ...options });
}

/** `registry:name` keys as requests, with no daily figures stored yet. */
export function requestsFor(keys: string[], dailySince: string | null = null): PackageRequest[] {
  return keys.map((key) => {
    const at = key.indexOf(':');
    return { registry: key.slice(0, at) as PackageRequest['registry'], name: key.slice(at + 1), dailySince };
  });
}
