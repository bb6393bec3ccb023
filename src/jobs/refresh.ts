/** The stages of a run, shared by `ingest`, `enrich`, `refresh` and the scheduler. */
import type { Config } from '../config.js';
import { loadCatalog, type Catalog } from '../catalog/catalog.js';
import { createGitHubClient, GitHubAuthError } from '../enrich/github.js';
import { StackradarError, ExitCode } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/database.js';
import { databaseCache } from '../store/http-validators.js';
import { enrichFrameworks, type EnrichOutcome } from './enrich.js';
import { ingestSources, type IngestInput, type IngestOutcome } from './ingest.js';
import type { ProgressFn } from './progress.js';
import { withRun, type RunResult } from './run.js';

export interface StageContext {
  store: Store;
  config: Config;
  logger: Logger;
  catalog: Catalog;
  runId: number;
  now: Date;
  progress?: ProgressFn;
}

export function stageContext(store: Store, config: Config, logger: Logger, runId: number, progress?: ProgressFn): StageContext {
  return { store, config, logger, catalog: loadCatalog(config.catalogFile), runId, now: config.now ?? new Date(), progress };
}

export async function ingestStage(context: StageContext, sources: IngestInput['sources']): Promise<IngestOutcome[]> {
  return ingestSources({
    db: context.store.db,
    catalog: context.catalog,
    logger: context.logger,
    sources,
    seenAt: context.now,
    runId: context.runId,
    fetchOptions: { timeoutSecs: context.config.fetchTimeoutSecs, retries: context.config.fetchRetries },
    onProgress: context.progress,
  });
}

export async function enrichStage(context: StageContext, only?: string[]): Promise<EnrichOutcome> {
  const { config, store, logger } = context;
  const github = createGitHubClient({
    token: config.githubToken,
    apiUrl: config.githubApiUrl,
    graphqlUrl: config.githubGraphqlUrl,
    logger,
    cache: databaseCache(store.db),
  });
  try {
    return await enrichFrameworks({
      store,
      catalog: context.catalog,
      github,
      logger,
      runId: context.runId,
      now: context.now,
      allowPrivateNetwork: config.allowPrivateNetwork,
      only,
      onProgress: context.progress,
    });
  } catch (error) {
    if (error instanceof GitHubAuthError) throw new StackradarError(error.message, ExitCode.failed);
    throw error;
  }
}

export function ingestResult(outcomes: IngestOutcome[]): RunResult {
  const good = outcomes.filter((o) => o.status === 'new-version' || o.status === 'unchanged').length;
  const status = good === outcomes.length ? 'succeeded' : outcomes.some((o) => o.status === 'broken') || good > 0 ? 'partial' : 'failed';
  const problems = outcomes.filter((o) => o.problem).map((o) => `${o.sourceUrl}: ${o.problem}`);
  return {
    status,
    stats: { sources: outcomes.map((o) => ({ url: o.sourceUrl, status: o.status, entries: o.article?.entries.length ?? 0 })) },
    error: problems.join('; ') || null,
  };
}

export function enrichResult(outcome: EnrichOutcome): RunResult {
  const status = outcome.failed.length === 0 ? 'succeeded' : outcome.stored.length > 0 ? 'partial' : 'failed';
  return {
    status,
    stats: { stored: outcome.stored.length, failed: outcome.failed, github: outcome.github },
    error: outcome.failed.map((f) => `${f.slug}: ${f.reason}`).join('; ') || null,
  };
}

/** A refresh: ingest every source, then enrich the frameworks of the current entries. */
export async function refreshStages(context: StageContext): Promise<RunResult & { ingest: IngestOutcome[]; enrich: EnrichOutcome }> {
  const started = Date.now();
  const ingest = await ingestStage(context, { urls: context.config.sourceUrls });
  const ingested = ingestResult(ingest);
  const ingestMs = Date.now() - started;
  const enrich = await enrichStage(context);
  const enriched = enrichResult(enrich);
  const nothingStored = enrich.stored.length === 0;
  const status = nothingStored ? 'failed' : ingested.status === 'succeeded' && enriched.status === 'succeeded' ? 'succeeded' : 'partial';
  return {
    status,
    stats: { ...ingested.stats, ...enriched.stats, timings: { ingestMs, enrichMs: Date.now() - started - ingestMs } },
    error: [ingested.error, enriched.error].filter(Boolean).join('; ') || (nothingStored ? 'no framework to enrich: no current article entries' : null),
    ingest,
    enrich,
  };
}

export type RefreshResult = Awaited<ReturnType<typeof refreshStages>> & { runId: number };

/** One refresh run under the run lock: what `refresh` does, and what every scheduled slot does. */
export function refreshRun(
  store: Store,
  config: Config,
  logger: Logger,
  run: { trigger: string; progress?: ProgressFn; onStart?: (runId: number) => void },
): Promise<RefreshResult> {
  return withRun(store, logger, { trigger: run.trigger, command: 'refresh', now: config.now ?? new Date() }, (runId) => {
    run.onStart?.(runId);
    return refreshStages(stageContext(store, config, logger, runId, run.progress));
  });
}
