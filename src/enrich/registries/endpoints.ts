/**
 * The registry endpoints stackradar talks to, their default base URLs, the `name=url` overrides of
 * STACKRADAR_REGISTRY_URLS, and each endpoint's published rate limit (kept by the HTTP client).
 */

export const REGISTRY_ENDPOINTS = ['npm', 'npm-downloads', 'pypi', 'pypistats', 'rubygems', 'packagist', 'hex', 'maven', 'crates', 'nuget', 'go'] as const;
export type RegistryEndpoint = (typeof REGISTRY_ENDPOINTS)[number];

export const DEFAULT_REGISTRY_URLS: Record<RegistryEndpoint, string> = {
  npm: 'https://registry.npmjs.org',
  'npm-downloads': 'https://api.npmjs.org',
  pypi: 'https://pypi.org',
  pypistats: 'https://pypistats.org',
  rubygems: 'https://rubygems.org',
  packagist: 'https://packagist.org',
  hex: 'https://hex.pm',
  maven: 'https://search.maven.org',
  crates: 'https://crates.io',
  nuget: 'https://api.nuget.org',
  go: 'https://proxy.golang.org',
};

export interface Pace {
  /** Requests in flight at once. */
  concurrent: number;
  /** The published limit: at most `count` requests per `perMs`. */
  limit?: { count: number; perMs: number };
}

/**
 * Published limits: RubyGems 10/s, Hex 100/min (its API Blueprint), crates.io 1/s (its crawler
 * policy), pypistats 30/min, Packagist at most 10 concurrent. The others publish none; a few requests in
 * flight keep us modest there.
 */
export const PACES: Record<RegistryEndpoint, Pace> = {
  npm: { concurrent: 4 },
  'npm-downloads': { concurrent: 2 },
  pypi: { concurrent: 4 },
  pypistats: { concurrent: 1, limit: { count: 30, perMs: 60_000 } },
  rubygems: { concurrent: 4, limit: { count: 10, perMs: 1000 } },
  packagist: { concurrent: 10 },
  hex: { concurrent: 4, limit: { count: 100, perMs: 60_000 } },
  maven: { concurrent: 2 },
  crates: { concurrent: 1, limit: { count: 1, perMs: 1000 } },
  nuget: { concurrent: 4 },
  go: { concurrent: 4 },
};

function isEndpoint(name: string): name is RegistryEndpoint {
  return (REGISTRY_ENDPOINTS as readonly string[]).includes(name);
}

/** `npm=http://127.0.0.1:4873,npm-downloads=http://127.0.0.1:4874` → overrides; throws a one-line Error on a bad pair. */
export function parseRegistryUrls(text: string): Partial<Record<RegistryEndpoint, string>> {
  const urls: Partial<Record<RegistryEndpoint, string>> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const at = pair.indexOf('=');
    const name = at < 0 ? pair : pair.slice(0, at).trim();
    const url = at < 0 ? '' : pair.slice(at + 1).trim();
    if (!isEndpoint(name)) throw new Error(`unknown registry "${name}" (known: ${REGISTRY_ENDPOINTS.join(', ')})`);
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new Error(`registry ${name}: "${url}" is not an http(s) URL`);
    urls[name] = url.replace(/\/+$/, '');
  }
  return urls;
}
