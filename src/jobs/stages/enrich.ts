/**
 * The enrich stage: each framework of the current entries moves resolved (its repository, from the
 * catalog or a search) → fetched (GitHub figures and releases) → enriched (cadence, docs check), and
 * the enriched ones are stored as one snapshot row each, in one transaction.
 */
import { computeCadence } from '../../enrich/cadence.js';
import { checkDocsLinks } from '../../enrich/docs-check.js';
import { fetchRepositories, GitHubFatalError, searchRepository, type FetchStats, type GitHubClient, type RepoData } from '../../enrich/github.js';
import { ExitCode, StackradarError } from '../../errors.js';
import { userAgent } from '../../http/user-agent.js';
import { lastDocsChecks, lastDocsFirstHops } from '../../store/reads.js';
import { knownFrameworks } from '../../store/snapshots.js';
import { throwIfInterrupted, type RunContext } from '../context.js';
import { githubClientOf } from '../github.js';
import { statusOf, type Stage } from '../stage.js';
import { enrichTargets, type DocsOutcome, type Enriched, type Resolved, type Target } from './enrich-records.js';
import { storeSnapshots } from './enrich-store.js';

export interface FrameworkFailure {
  slug: string;
  reason: string;
}

export interface EnrichOutcome {
  stored: string[];
  failed: FrameworkFailure[];
  github: FetchStats;
  docsChecked: number;
}

/** Below this, a search result is reported instead of used: a wrong repository is a wrong figure. */
const MIN_SEARCH_CONFIDENCE = 0.5;

type Resolution = Resolved | FrameworkFailure;

async function searchFor(context: RunContext, github: GitHubClient, target: Target): Promise<Resolution> {
  if (!target.language) return { slug: target.slug, reason: 'no repository: not in the catalog and no language to search by' };
  const hit = await searchRepository(github, target.name, target.language);
  if (!hit || hit.confidence < MIN_SEARCH_CONFIDENCE) {
    const best = hit ? ` (best: ${hit.repo}, confidence ${hit.confidence})` : '';
    return { slug: target.slug, reason: `no confident repository match for "${target.name}" in ${target.language}${best}; add it to the catalog` };
  }
  context.logger.warn({ framework: target.name, repo: hit.repo, confidence: hit.confidence }, 'repository found by search');
  return { ...target, repo: hit.repo, repoSource: 'search', confidence: hit.confidence };
}

/** Catalog first; then a repository found by an earlier search; then a new search restricted to the language. */
async function resolveAll(context: RunContext, github: GitHubClient, targets: Target[]): Promise<Resolution[]> {
  const unknown = targets.filter((t) => !t.known).map((t) => t.slug);
  const remembered = new Map((await knownFrameworks(context.store.db, unknown)).map((row) => [row.slug, row]));
  const resolutions: Resolution[] = [];
  for (const target of targets) {
    const found = remembered.get(target.slug);
    if (target.known) resolutions.push({ ...target, repo: target.known.repo, repoSource: 'catalog', confidence: 1 });
    else if (found?.repo && found.repoSource === 'search') resolutions.push({ ...target, repo: found.repo, repoSource: 'search', confidence: found.repoConfidence ?? 0 });
    else resolutions.push(await searchFor(context, github, target));
  }
  return resolutions;
}

const isFailure = (r: Resolution): r is FrameworkFailure => 'reason' in r;

async function fetchAll(context: RunContext, github: GitHubClient, resolved: Resolved[], done: number, total: number) {
  const fetched = await fetchRepositories(github, resolved.map((r) => r.repo), {
    now: context.now,
    onProgress: (count) => context.progress('enriching', done + count, total),
  });
  const records: Fetched[] = [];
  const failed: FrameworkFailure[] = [];
  const missing: Resolved[] = [];
  for (const framework of resolved) {
    const result = fetched.results.get(framework.repo);
    if (!result || 'error' in result) {
      failed.push({ slug: framework.slug, reason: `GitHub ${framework.repo}: ${result?.error ?? 'no answer'}` });
      // A repository GitHub says is gone is a fact worth a snapshot (review's repo-missing), not only a failure.
      if (result?.missing) missing.push(framework);
      continue;
    }
    if (result.repo.toLowerCase() !== framework.repo.toLowerCase()) {
      context.logger.warn({ framework: framework.name, from: framework.repo, to: result.repo }, `${framework.repo} moved to ${result.repo}; storing the new name (update the catalog to save a redirect)`);
    }
    records.push({ ...framework, data: result });
  }
  return { records, failed, missing, stats: fetched.stats };
}

type Fetched = Resolved & { data: RepoData };

/**
 * Docs links are checked when due: never checked, a different URL than last time, or last checked
 * STACKRADAR_DOCS_MAX_AGE ago or more. Otherwise the last result is carried with its original time.
 */
async function checkDocs(context: RunContext, records: (Fetched & { docsUrl: string | null })[]): Promise<Map<string, DocsOutcome>> {
  const slugs = records.map((r) => r.slug);
  const previous = new Map((await lastDocsChecks(context.store.db, slugs)).map((p) => [p.slug, p]));
  const firstHops = new Map((await lastDocsFirstHops(context.store.db, slugs)).map((p) => [p.slug, p]));
  const outcomes = new Map<string, DocsOutcome>();
  const due: string[] = [];
  for (const { slug, docsUrl } of records) {
    const last = previous.get(slug);
    const fresh = last?.checkedAt && last.url === docsUrl && context.now.getTime() - last.checkedAt.getTime() < context.config.docsMaxAgeMs;
    const hop = firstHops.get(slug);
    if (last?.checkedAt && fresh) outcomes.set(slug, { status: last.status, error: last.error, firstStatus: hop?.firstStatus ?? null, movedTo: hop?.movedTo ?? null, checkedAt: last.checkedAt });
    else if (docsUrl) due.push(docsUrl);
  }
  const checks = await checkDocsLinks([...new Set(due)], { allowPrivateNetwork: context.config.allowPrivateNetwork, userAgent: userAgent(context.config.contact) });
  for (const { slug, docsUrl } of records) {
    const check = docsUrl && !outcomes.has(slug) ? checks.get(docsUrl) : undefined;
    if (check) outcomes.set(slug, { status: check.status, error: check.error, firstStatus: check.firstStatus, movedTo: check.movedTo, checkedAt: context.now });
  }
  return outcomes;
}

async function checkAll(context: RunContext, records: Fetched[]): Promise<{ enriched: Enriched[]; docsChecked: number }> {
  const withUrls = records.map((r) => ({ ...r, docsUrl: r.known?.docs ?? r.data.homepageUrl ?? r.articleLink }));
  const docs = await checkDocs(context, withUrls);
  const enriched = withUrls.map((r) => ({
    ...r,
    cadence: computeCadence({ releases: r.data.releases, tags: r.data.tags, now: context.now }),
    docs: r.docsUrl ? docs.get(r.slug) : undefined,
  }));
  return { enriched, docsChecked: enriched.filter((r) => r.docs?.checkedAt === context.now).length };
}

async function enrich(context: RunContext, runId: number, only: string[]): Promise<EnrichOutcome> {
  const targets = await enrichTargets(context.store.db, context.catalog, only);
  context.progress('enriching', 0, targets.length);
  const github = githubClientOf(context);
  try {
    const resolutions = await resolveAll(context, github, targets);
    const unresolved = resolutions.filter(isFailure);
    throwIfInterrupted(context);
    const fetched = await fetchAll(context, github, resolutions.filter((r): r is Resolved => !isFailure(r)), unresolved.length, targets.length);
    throwIfInterrupted(context);
    const { enriched, docsChecked } = await checkAll(context, fetched.records);
    throwIfInterrupted(context);
    context.progress('storing');
    await storeSnapshots(context, runId, enriched, fetched.missing);
    return { stored: enriched.map((r) => r.slug), failed: [...unresolved, ...fetched.failed], github: fetched.stats, docsChecked };
  } catch (error) {
    throwIfInterrupted(context);
    if (error instanceof GitHubFatalError) throw new StackradarError(error.message, ExitCode.failed);
    throw error;
  }
}

/** Enriches every framework of the current entries, or only those `only` names (checked before the run by enrichTargets). */
export function enrichStage(only: string[] = []): Stage<EnrichOutcome> {
  return {
    name: 'enrich',
    essential: true,
    run: (context, runId) => enrich(context, runId, only),
    summarize: (outcome) => ({
      status: statusOf(outcome.stored.length, outcome.stored.length + outcome.failed.length),
      stats: { stored: outcome.stored.length, failed: outcome.failed, github: outcome.github },
      requests: { github: outcome.github.requests, docs: outcome.docsChecked },
      problems:
        outcome.stored.length + outcome.failed.length === 0
          ? ['no framework to enrich: no tracked source has a current version']
          : outcome.failed.map((f) => `${f.slug}: ${f.reason}`),
    }),
  };
}
