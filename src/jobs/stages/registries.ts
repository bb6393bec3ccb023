/**
 * The registries stage: for every framework the enrich stage stored in this run that has a catalog
 * package, the registry's latest stable version, its download figures and its daily downloads since the
 * newest day already stored (everything on the first run), stored beside the run's snapshot. A registry
 * that fails leaves that framework's package figures null with the reason; its GitHub figures stand.
 */
import type { Registry } from '../../catalog/catalog.js';
import { createRegistries } from '../../enrich/registries/index.js';
import type { PackageResult, RegistryStats } from '../../enrich/registries/types.js';
import { userAgent } from '../../http/user-agent.js';
import { databaseCache } from '../../store/http-validators.js';
import {
  frameworksOfRun,
  newestDays,
  packageKey,
  previousTotals,
  storePackageFigures,
  type DailyRow,
  type PackageFiguresRow,
  type PreviousTotal,
} from '../../store/packages.js';
import { throwIfInterrupted, type RunContext } from '../context.js';
import { statusOf, type Stage } from '../stage.js';
import { derivedDays, startOfUtcDay } from './registries-derived.js';

/** Registries that publish a running total but no daily figures: their daily rows are derived. */
const TOTALS_ONLY: ReadonlySet<Registry> = new Set(['rubygems', 'hex', 'nuget']);

interface Wanted {
  frameworkId: number;
  slug: string;
  registry: Registry;
  name: string;
}

export interface RegistryFailure {
  slug: string;
  registry: Registry;
  name: string;
  reason: string;
}

export interface RegistriesOutcome {
  /** Frameworks with a package whose figures were stored. */
  stored: string[];
  failed: RegistryFailure[];
  /** Rows added to package_downloads (a day already stored is not added again). */
  newDays: number;
  stats: RegistryStats;
}

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function wantedOf(context: RunContext, stored: { id: number; slug: string }[]): Wanted[] {
  return stored.flatMap(({ id, slug }) => {
    const pkg = context.catalog.resolve(slug)?.package;
    return pkg ? [{ frameworkId: id, slug, registry: pkg.registry, name: pkg.name }] : [];
  });
}

interface Collected {
  figures: PackageFiguresRow[];
  daily: DailyRow[];
  failed: RegistryFailure[];
}

function collect(context: RunContext, wanted: Wanted[], results: Map<string, PackageResult>, previous: Map<number, PreviousTotal>): Collected {
  const out: Collected = { figures: [], daily: [], failed: [] };
  for (const w of wanted) {
    const result = results.get(packageKey(w.registry, w.name)) ?? { error: 'unavailable', detail: 'no answer' };
    const base = { frameworkId: w.frameworkId, registry: w.registry, name: w.name };
    if ('error' in result) {
      out.failed.push({ slug: w.slug, registry: w.registry, name: w.name, reason: `${result.error} (${result.detail})` });
      out.figures.push({ ...base, version: null, downloadsLastDay: null, downloadsLastWeek: null, downloadsLastMonth: null, downloadsTotal: null, error: result.error, deprecated: null, replacement: null });
      continue;
    }
    out.figures.push({
      ...base,
      version: result.version ? { version: result.version, publishedAt: result.versionAt ? new Date(result.versionAt) : null } : null,
      downloadsLastDay: result.downloadsLastDay,
      downloadsLastWeek: result.downloadsLastWeek,
      downloadsLastMonth: result.downloadsLastMonth,
      downloadsTotal: result.downloadsTotal,
      error: null,
      deprecated: result.deprecated,
      replacement: result.replacement,
    });
    const row = (source: 'registry' | 'derived') => (d: { day: string; downloads: number }) => ({ ...base, package: w.name, ...d, source });
    out.daily.push(...result.daily.map(row('registry')));
    const before = previous.get(w.frameworkId);
    const samePackage = before && before.registry === w.registry && before.name === w.name;
    if (TOTALS_ONLY.has(w.registry) && result.daily.length === 0 && result.downloadsTotal !== null && samePackage) {
      out.daily.push(...derivedDays(before, result.downloadsTotal, context.now).map(row('derived')));
    }
  }
  return out;
}

async function fetchFigures(context: RunContext, runId: number): Promise<RegistriesOutcome> {
  const db = context.store.db;
  const wanted = wantedOf(context, await frameworksOfRun(db, runId));
  const registries = createRegistries({
    urls: context.config.registryUrls,
    userAgent: userAgent(context.config.contact),
    cache: databaseCache(db),
    signal: context.signal,
    logger: context.logger,
  });
  if (wanted.length === 0) return { stored: [], failed: [], newDays: 0, stats: registries.stats() };
  const newest = await newestDays(db, wanted);
  const requests = wanted.map((w) => {
    const day = newest.get(packageKey(w.registry, w.name));
    return { registry: w.registry, name: w.name, dailySince: day ? dayAfter(day) : null };
  });
  const unique = [...new Map(requests.map((r) => [packageKey(r.registry, r.name), r])).values()];
  context.progress('registries', 0, unique.length);
  const results = await registries.fetchPackages(unique, context.now, (settled) => context.progress('registries', settled, unique.length));
  throwIfInterrupted(context);
  context.progress('storing');
  const previous = await previousTotals(db, wanted.filter((w) => TOTALS_ONLY.has(w.registry)).map((w) => w.frameworkId), runId, startOfUtcDay(context.now));
  const collected = collect(context, wanted, results, new Map(previous.map((p) => [p.frameworkId, p])));
  const newDays = await storePackageFigures(db, runId, collected.figures, collected.daily);
  const failedSlugs = new Set(collected.failed.map((f) => f.slug));
  return { stored: wanted.filter((w) => !failedSlugs.has(w.slug)).map((w) => w.slug), failed: collected.failed, newDays, stats: registries.stats() };
}

/** Package figures of the frameworks the run stored; a registry's failure makes the run partial, never failed. */
export function registriesStage(): Stage<RegistriesOutcome> {
  return {
    name: 'registries',
    essential: false,
    run: (context, runId) => fetchFigures(context, runId),
    summarize: (outcome) => {
      const total = outcome.stored.length + outcome.failed.length;
      return {
        status: total === 0 ? 'succeeded' : statusOf(outcome.stored.length, total),
        stats: outcome.stats.deferred > 0 ? { deferredDownloads: outcome.stats.deferred } : {},
        requests: outcome.stats.requests,
        problems: outcome.failed.map((f) => `${f.slug}: ${f.registry} ${f.name}: ${f.reason}`),
      };
    },
  };
}
