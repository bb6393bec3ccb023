/**
 * The registries stage at scale: a `refresh-scale` refresh of N frameworks whose catalog names packages in
 * the bundled catalog's proportions across registries (synthetic names the fake registries answer on
 * every endpoint), on a new database (PostgreSQL unless asked): the first run (backfill) and the next day's. Per run, each
 * registry's requests and the time from its first request to its last answer, the stage's time and the
 * PyPI packages left for a later run, and every published limit checked on the fakes' log: the most
 * requests in any sliding window, the most in flight to Packagist.
 */
import type { Registry } from '../src/catalog/catalog.js';
import type { RegistryEndpoint } from '../src/enrich/registries/index.js';
import { startFakeRegistries, type RequestLogEntry } from '../test/support/fake-registries/index.js';
import { busiest, mostInFlight } from '../test/support/fake-registries/log.js';
import { addSyntheticPackages } from '../test/support/fake-registries/synthetic.js';
import { benchRefreshScale, type Driver, type RefreshRun } from './refresh-scale.js';
import { packageInProportion } from './refresh-scale-fixtures.js';
import { progress, round } from './util.js';

/** The limits the registries publish, checked here on what arrived, not on the client's settings. */
const PUBLISHED: { endpoint: RegistryEndpoint; rule: string; most(entries: RequestLogEntry[]): number; limit: number }[] = [
  { endpoint: 'rubygems', rule: '10 per second', most: (e) => busiest(e, 1000), limit: 10 },
  { endpoint: 'hex', rule: '100 per minute', most: (e) => busiest(e, 60_000), limit: 100 },
  { endpoint: 'crates', rule: '1 per second', most: (e) => busiest(e, 1000), limit: 1 },
  { endpoint: 'pypistats', rule: '30 per minute', most: (e) => busiest(e, 60_000), limit: 30 },
  { endpoint: 'packagist', rule: '10 in flight', most: mostInFlight, limit: 10 },
];

interface EndpointFigures {
  requests: number;
  notModified: number;
  /** First request to last answer. */
  seconds: number;
}

interface LimitCheck {
  endpoint: RegistryEndpoint;
  rule: string;
  most: number;
  held: boolean;
}

interface RegistriesRun {
  label: string;
  exitCode: number | null;
  refreshSeconds: number;
  stageSeconds: number | null;
  loadBefore: number;
  endpoints: Partial<Record<RegistryEndpoint, EndpointFigures>>;
  deferredDownloads: number;
  limits: LimitCheck[];
}

export interface RegistriesScaleResult {
  n: number;
  driver: Driver;
  packages: Partial<Record<Registry, number>>;
  runs: RegistriesRun[];
  error?: string;
}

function endpointFigures(log: RequestLogEntry[]): Partial<Record<RegistryEndpoint, EndpointFigures>> {
  const out: Partial<Record<RegistryEndpoint, EndpointFigures>> = {};
  for (const endpoint of new Set(log.map((e) => e.endpoint))) {
    const entries = log.filter((e) => e.endpoint === endpoint);
    const first = Math.min(...entries.map((e) => e.at));
    const last = Math.max(...entries.map((e) => e.doneAt));
    out[endpoint] = { requests: entries.length, notModified: entries.filter((e) => e.status === 304).length, seconds: round((last - first) / 1000, 1) };
  }
  return out;
}

/** PyPI packages asked at PyPI but not at pypistats: those whose downloads wait for a later run. */
function deferredOf(log: RequestLogEntry[]): number {
  const asked = (endpoint: RegistryEndpoint, path: RegExp) => new Set(log.filter((e) => e.endpoint === endpoint).flatMap((e) => path.exec(e.path)?.[1] ?? []));
  const pypi = asked('pypi', /^\/simple\/([^/]+)\//);
  const stats = asked('pypistats', /^\/api\/packages\/([^/]+)\//);
  return [...pypi].filter((name) => !stats.has(name)).length;
}

export async function benchRegistriesScale(n: number, driver: Driver, now: Date, adminUrl: string): Promise<RegistriesScaleResult> {
  const fake = await startFakeRegistries();
  const packages = Array.from({ length: n }, (_, i) => packageInProportion(i)).filter((p) => p !== undefined);
  addSyntheticPackages(packages);
  const result: RegistriesScaleResult = { n, driver, packages: {}, runs: [] };
  for (const p of packages) result.packages[p.registry] = (result.packages[p.registry] ?? 0) + 1;
  progress(`registries-scale: ${packages.length} packages for ${n} frameworks: ${JSON.stringify(result.packages)}`);
  try {
    const refreshed = await benchRefreshScale(n, driver, now, adminUrl, 2, undefined, {
      env: { STACKRADAR_REGISTRY_URLS: fake.envValue },
      packageOf: packageInProportion,
      beforeRun: (day) => {
        fake.resetLog();
        fake.setToday(new Date(now.getTime() + day * 86_400_000).toISOString().slice(0, 10));
      },
      afterRun: (run: RefreshRun) => {
        const limits = PUBLISHED.map(({ endpoint, rule, most, limit }) => {
          const seen = most(fake.requests.filter((e) => e.endpoint === endpoint));
          return { endpoint, rule, most: seen, held: seen <= limit };
        });
        const stage = run.stages.find((s) => s.name === 'registries');
        const measured: RegistriesRun = {
          label: run.label,
          exitCode: run.exitCode,
          refreshSeconds: run.seconds,
          stageSeconds: stage ? round(stage.ms / 1000, 1) : null,
          loadBefore: run.loadBefore,
          endpoints: endpointFigures(fake.requests),
          deferredDownloads: deferredOf(fake.requests),
          limits,
        };
        result.runs.push(measured);
        progress(`registries-scale: ${run.label}: stage ${measured.stageSeconds} s, ${fake.requests.length} registry requests, ${measured.deferredDownloads} PyPI downloads deferred; limits ${limits.every((l) => l.held) ? 'held' : 'BROKEN'}`);
      },
    });
    if (refreshed.error) result.error = refreshed.error;
    return result;
  } finally {
    await fake.close();
  }
}
