/**
 * The package registries: one call fetches every requested package's version and download figures,
 * each registry through its own module and all through one polite HTTP client. A registry's fault
 * becomes that package's error; only an abort ends the call.
 */
import type { Logger } from '../../logger.js';
import type { Registry } from '../../catalog/catalog.js';
import type { ValidatorCache } from '../../store/http-validators.js';
import { DEFAULT_REGISTRY_URLS, type RegistryEndpoint } from './endpoints.js';
import { PYPISTATS_PER_RUN, withinBudget } from './budget.js';
import { createFetcher, type Fetcher } from './fetcher.js';
import { createHttpClient, DEFAULT_TIMING, RegistryFault, type HttpTiming } from './http.js';
import { fetchCrates } from './crates.js';
import { fetchGo } from './go.js';
import { fetchHex } from './hex.js';
import { fetchMaven } from './maven.js';
import { fetchNpm } from './npm.js';
import { fetchNuget } from './nuget.js';
import { fetchPackagist } from './packagist.js';
import { fetchPypi } from './pypi.js';
import { fetchRubygems } from './rubygems.js';
import type { PackageFigures, PackageRequest, PackageResult, RegistryStats } from './types.js';

export { DEFAULT_REGISTRY_URLS, parseRegistryUrls, REGISTRY_ENDPOINTS, type RegistryEndpoint } from './endpoints.js';

export interface RegistriesOptions {
  urls?: Partial<Record<RegistryEndpoint, string>>;
  userAgent: string;
  cache: ValidatorCache;
  signal?: AbortSignal;
  logger: Logger;
  /** Timeouts, retries and pace; tests shorten them. */
  timing?: Partial<HttpTiming>;
  /** PyPI packages whose downloads a run asks pypistats for (default PYPISTATS_PER_RUN). */
  pypistatsPerRun?: number;
}

export interface Registries {
  /** Results keyed `${registry}:${name}`; never rejects but for an abort. `onSettled`: how many packages have an answer so far. */
  fetchPackages(requests: PackageRequest[], now: Date, onSettled?: (settled: number) => void): Promise<Map<string, PackageResult>>;
  stats(): RegistryStats;
}

type OneFetch = (f: Fetcher, request: PackageRequest, now: Date) => Promise<PackageFigures>;

const ONE_BY_ONE: Record<Exclude<Registry, 'npm'>, OneFetch> = {
  pypi: fetchPypi,
  rubygems: fetchRubygems,
  packagist: fetchPackagist,
  hex: fetchHex,
  maven: fetchMaven,
  crates: fetchCrates,
  nuget: fetchNuget,
  go: fetchGo,
};

const packageKey = (request: { registry: Registry; name: string }): string => `${request.registry}:${request.name}`;

export function createRegistries(options: RegistriesOptions): Registries {
  const urls = { ...DEFAULT_REGISTRY_URLS, ...options.urls };
  const http = createHttpClient({ userAgent: options.userAgent, signal: options.signal, timing: { ...DEFAULT_TIMING, ...options.timing } });
  const budget = options.pypistatsPerRun ?? PYPISTATS_PER_RUN;
  let deferred = 0;

  async function settle(request: PackageRequest, pending: Promise<PackageResult>): Promise<PackageResult> {
    try {
      return await pending;
    } catch (err) {
      options.signal?.throwIfAborted();
      const fault = err instanceof RegistryFault ? err : new RegistryFault('unavailable', (err as Error).message);
      options.logger.warn({ registry: request.registry, package: request.name, error: fault.kind, detail: fault.message }, 'package registry fault');
      return { error: fault.kind, detail: fault.message };
    }
  }

  return {
    async fetchPackages(requests, now, onSettled) {
      const f = createFetcher(http, urls, options.cache);
      const unique = withinBudget([...new Map(requests.map((r) => [packageKey(r), r])).values()], budget);
      const later = unique.filter((r) => r.downloads === false).length;
      if (later > 0) options.logger.info({ registry: 'pypi', deferred: later, budget }, 'pypistats: downloads of the packages past the per-run budget left for a later run');
      deferred += later;
      const npm = fetchNpm(f, unique.filter((r) => r.registry === 'npm'), now);
      let settledCount = 0;
      const pending = unique.map((r) => {
        const result = r.registry === 'npm' ? (npm.get(r.name) ?? Promise.reject(new Error('not requested'))) : ONE_BY_ONE[r.registry](f, r, now);
        return settle(r, result).then((settled) => {
          onSettled?.(++settledCount);
          return [packageKey(r), settled] as const;
        });
      });
      return new Map(await Promise.all(pending));
    },
    stats: () => ({ ...http.stats(), deferred }),
  };
}
