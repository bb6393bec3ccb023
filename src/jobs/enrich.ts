/**
 * The enrich stage: for every framework of the current entries, resolve its repository (catalog, then
 * search), fetch GitHub figures and releases, compute cadence, check the docs link, and store one
 * snapshot row per framework for the run.
 */
import { sql } from 'drizzle-orm';
import { computeCadence, isStableRelease, releaseDate, tagDate } from '../enrich/cadence.js';
import type { Catalog } from '../enrich/catalog.js';
import { checkDocsLinks } from '../enrich/docs-check.js';
import { fetchRepositories, searchRepository, type GitHubClient, type RepoData } from '../enrich/github.js';
import { readVersion } from '../enrich/version.js';
import { USER_AGENT } from '../ingest/fetch.js';
import { slugify } from '../ingest/slug.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/database.js';
import {
  insertSnapshots,
  knownFrameworks,
  licenseIds,
  releaseKey,
  repositoryIds,
  upsertFrameworks,
  upsertReleases,
  type ReleaseRow,
  type SnapshotRow,
} from '../store/snapshots.js';
import { UsageError } from '../errors.js';
import type { ProgressFn } from './progress.js';

export interface EnrichInput {
  store: Store;
  catalog: Catalog;
  github: GitHubClient;
  logger: Logger;
  runId: number;
  now: Date;
  allowPrivateNetwork: boolean;
  /** Only these frameworks (names or slugs); all current entries when empty. */
  only?: string[];
  onProgress?: ProgressFn;
}

export interface FrameworkFailure {
  slug: string;
  reason: string;
}

export interface EnrichOutcome {
  stored: string[];
  failed: FrameworkFailure[];
  github: { requests: number; notModified: number; graphqlCost: number; rateLimitRemaining: number | null };
}

interface Target {
  slug: string;
  name: string;
  language: string | null;
  articleLink: string | null;
  repo: string | null;
  repoSource: 'catalog' | 'search' | null;
  confidence: number | null;
  docs: string | null;
}

interface CurrentEntry extends Record<string, unknown> {
  slug: string;
  framework: string;
  language: string | null;
  links: { text: string; url: string }[];
}

/** One target per slug across all sources, in article order. */
async function currentTargets(input: EnrichInput): Promise<Target[]> {
  const entries = await input.store.rows<CurrentEntry>(
    sql`select slug, framework, language, links from current_entries order by source_url, position`,
  );
  const targets = new Map<string, Target>();
  for (const entry of entries) {
    if (targets.has(entry.slug)) continue;
    const known = input.catalog.resolve(entry.slug) ?? input.catalog.resolve(entry.framework);
    const ownLink = entry.links.find((link) => link.text.toLowerCase().includes(entry.framework.toLowerCase()));
    targets.set(entry.slug, {
      slug: entry.slug,
      name: known?.name ?? entry.framework,
      language: entry.language ?? known?.language ?? null,
      articleLink: ownLink?.url ?? null,
      repo: known?.repo ?? null,
      repoSource: known ? 'catalog' : null,
      confidence: known ? 1 : null,
      docs: known?.docs ?? null,
    });
  }
  if (!input.only?.length) return [...targets.values()];
  return input.only.map((name) => {
    const slug = input.catalog.resolve(name)?.slug ?? slugify(name);
    const target = targets.get(slug);
    if (!target) throw new UsageError(`enrich: ${name} is not in the current article entries`);
    return target;
  });
}

/** Catalog first; then a repository found by an earlier search; then a new search restricted to the language. */
async function resolveRepositories(input: EnrichInput, targets: Target[], failed: FrameworkFailure[]): Promise<Target[]> {
  const unresolved = targets.filter((t) => !t.repo);
  const remembered = new Map((await knownFrameworks(input.store.db, unresolved.map((t) => t.slug))).map((row) => [row.slug, row]));
  const resolved: Target[] = [];
  for (const target of targets) {
    if (target.repo) {
      resolved.push(target);
      continue;
    }
    const known = remembered.get(target.slug);
    if (known?.repo && known.repoSource === 'search') {
      resolved.push({ ...target, repo: known.repo, repoSource: 'search', confidence: known.repoConfidence });
      continue;
    }
    if (!target.language) {
      failed.push({ slug: target.slug, reason: 'no repository: not in the catalog and no language to search by' });
      continue;
    }
    const hit = await searchRepository(input.github, target.name, target.language);
    if (!hit || hit.confidence < MIN_SEARCH_CONFIDENCE) {
      const best = hit ? ` (best: ${hit.repo}, confidence ${hit.confidence})` : '';
      failed.push({ slug: target.slug, reason: `no confident repository match for "${target.name}" in ${target.language}${best}; add it to the catalog` });
      continue;
    }
    input.logger.warn({ framework: target.name, repo: hit.repo, confidence: hit.confidence }, 'repository found by search');
    resolved.push({ ...target, repo: hit.repo, repoSource: 'search', confidence: hit.confidence });
  }
  return resolved;
}

/** Every dated, non-draft Release (or tag, for a repository without Releases) as fetched; names without a version are no release. */
function releaseRowsOf(frameworkId: number, repo: RepoData): ReleaseRow[] {
  const rows: ReleaseRow[] = [];
  for (const release of repo.releases) {
    const date = releaseDate(release);
    if (release.isDraft || !date || !readVersion(release.tag)) continue;
    rows.push({ frameworkId, tag: release.tag, name: release.name, source: 'releases', isPrerelease: !isStableRelease(release), publishedAt: new Date(date) });
  }
  for (const tag of repo.tags) {
    const date = tagDate(tag);
    const version = readVersion(tag.name);
    if (!date || !version) continue;
    rows.push({ frameworkId, tag: tag.name, name: null, source: 'tags', isPrerelease: version.prerelease, publishedAt: new Date(date) });
  }
  return rows;
}

/** Below this, a search result is reported instead of used: a wrong repository is a wrong figure. */
const MIN_SEARCH_CONFIDENCE = 0.5;

export async function enrichFrameworks(input: EnrichInput): Promise<EnrichOutcome> {
  const failed: FrameworkFailure[] = [];
  const all = await currentTargets(input);
  input.onProgress?.('enriching', 0, all.length);
  const targets = await resolveRepositories(input, all, failed);
  const unresolved = failed.length;
  const fetched = await fetchRepositories(input.github, targets.map((t) => t.repo!), {
    now: input.now,
    onProgress: (done) => input.onProgress?.('enriching', unresolved + done, all.length),
  });

  const data = new Map<string, RepoData>();
  for (const target of targets) {
    const result = fetched.results.get(target.repo!);
    if (!result || 'error' in result) failed.push({ slug: target.slug, reason: `GitHub ${target.repo}: ${result?.error ?? 'no answer'}` });
    else {
      data.set(target.slug, result);
      if (result.repo.toLowerCase() !== target.repo!.toLowerCase()) {
        input.logger.warn({ framework: target.name, from: target.repo, to: result.repo }, `${target.repo} moved to ${result.repo}; storing the new name (update the catalog to save a redirect)`);
      }
    }
  }
  const good = targets.filter((t) => data.has(t.slug));

  const docsUrlOf = (t: Target) => t.docs ?? data.get(t.slug)!.homepageUrl ?? t.articleLink;
  const docsChecks = await checkDocsLinks(
    good.map(docsUrlOf).filter((url): url is string => Boolean(url)),
    { allowPrivateNetwork: input.allowPrivateNetwork, userAgent: USER_AGENT },
  );

  input.onProgress?.('storing');
  await input.store.db.transaction(async (tx) => {
    const repoIds = await repositoryIds(tx, good.map((t) => data.get(t.slug)!.repo));
    const licenses = await licenseIds(tx, good.flatMap((t) => data.get(t.slug)!.license ?? []));
    const frameworkIds = await upsertFrameworks(
      tx,
      good.map((t) => ({
        slug: t.slug,
        name: t.name,
        language: t.language,
        repoId: repoIds.get(data.get(t.slug)!.repo),
        repoSource: t.repoSource,
        repoConfidence: t.confidence,
        docsUrl: docsUrlOf(t),
      })),
    );

    const cadences = new Map(
      good.map((t) => {
        const repo = data.get(t.slug)!;
        return [t.slug, computeCadence({ releases: repo.releases, tags: repo.tags, now: input.now })];
      }),
    );
    const releaseRows = good.flatMap((t) => releaseRowsOf(frameworkIds.get(t.slug)!, data.get(t.slug)!));
    const releaseIds = await upsertReleases(tx, releaseRows);

    const rows: SnapshotRow[] = good.map((t) => {
      const repo = data.get(t.slug)!;
      const cadence = cadences.get(t.slug)!;
      const frameworkId = frameworkIds.get(t.slug)!;
      const docsUrl = docsUrlOf(t);
      const check = docsUrl ? docsChecks.get(docsUrl) : undefined;
      return {
        runId: input.runId,
        frameworkId,
        capturedAt: input.now,
        repoId: repoIds.get(repo.repo),
        stars: repo.stars,
        forks: repo.forks,
        watchers: repo.watchers,
        openIssues: repo.openIssues,
        pushedAt: repo.pushedAt ? new Date(repo.pushedAt) : null,
        latestReleaseId: cadence.latestRelease ? releaseIds.get(releaseKey(frameworkId, cadence.cadenceSource!, cadence.latestRelease)) : null,
        latestVersionId: cadence.latestVersion ? releaseIds.get(releaseKey(frameworkId, cadence.cadenceSource!, cadence.latestVersion)) : null,
        medianReleaseIntervalDays: cadence.medianReleaseIntervalDays,
        releasesLast365d: cadence.releasesLast365d,
        licenseId: repo.license ? licenses.get(repo.license) : null,
        docsStatus: check?.status ?? null,
        docsError: check ? check.error : 'no-url',
        archived: repo.archived,
        cadenceSource: cadence.cadenceSource,
      };
    });
    await insertSnapshots(tx, rows);
  });

  return { stored: good.map((t) => t.slug), failed, github: fetched.stats };
}
