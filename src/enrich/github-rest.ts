/**
 * The anonymous path (60 requests an hour): REST with conditional requests. Per repository: the repository,
 * its Releases (more pages only while the cadence window needs them), the open pull-request count (search,
 * which has its own budget), and only for repositories without Releases their tags (see github-rest-tags.ts).
 * A 304 costs nothing, so a second refresh of unchanged repositories is free.
 */
import { RequestError } from '@octokit/request-error';
import Bottleneck from 'bottleneck';
import { needsMoreReleases } from './cadence.js';
import { GitHubFatalError } from './github-errors.js';
import type { GitHubClient } from './github-client.js';
import { conditionalGet } from './github-conditional.js';
import { restTags } from './github-rest-tags.js';
import { emptyToNull, type RepoData, type RepoRelease, type RepoResult } from './github-types.js';

const MAX_RELEASE_PAGES = 10;
const statusOf = (err: unknown): number | undefined => (err instanceof RequestError ? err.status : undefined);
const CONCURRENCY = 4;

interface RepoFields {
  fullName: string;
  stars: number;
  forks: number;
  subscribers: number;
  /** Issues and pull requests, as REST counts them. */
  openIssuesAndPulls: number;
  license: string | null;
  archived: boolean;
  disabled: boolean;
  id: number;
  pushedAt: string | null;
  homepage: string | null;
}

function trimRepo(data: unknown): RepoFields {
  const d = data as {
    full_name: string; stargazers_count: number; forks_count: number; subscribers_count?: number; open_issues_count: number;
    license: { spdx_id: string | null } | null; archived: boolean; disabled?: boolean; id: number; pushed_at: string | null; homepage: string | null;
  };
  return {
    fullName: d.full_name,
    stars: d.stargazers_count,
    forks: d.forks_count,
    subscribers: d.subscribers_count ?? 0,
    openIssuesAndPulls: d.open_issues_count,
    license: d.license?.spdx_id ?? null,
    archived: d.archived,
    disabled: d.disabled ?? false,
    id: d.id,
    pushedAt: d.pushed_at,
    homepage: emptyToNull(d.homepage),
  };
}

function trimReleases(data: unknown): RepoRelease[] {
  return (data as { tag_name: string; name: string | null; draft: boolean; prerelease: boolean; published_at: string | null; created_at: string }[]).map((r) => ({
    tag: r.tag_name, name: emptyToNull(r.name), isDraft: r.draft, isPrerelease: r.prerelease, publishedAt: r.published_at, createdAt: r.created_at,
  }));
}

async function releases(client: GitHubClient, owner: string, repo: string, now: Date): Promise<RepoRelease[]> {
  const all: RepoRelease[] = [];
  for (let page = 1; page <= MAX_RELEASE_PAGES; page++) {
    const res = await conditionalGet(client, 'GET /repos/{owner}/{repo}/releases', { owner, repo, per_page: 100, page }, trimReleases);
    all.push(...res.data);
    if (!res.next || !needsMoreReleases(all, now)) break;
  }
  return all;
}

/**
 * REST `open_issues_count` includes pull requests; the repository page's Issues count does not. The search
 * API has its own small budget (10 a minute anonymously): when it fails, the count is unknown (null) rather
 * than the repository failing or silently switching meaning.
 */
async function openPullRequests(client: GitHubClient, fullName: string): Promise<number | null> {
  try {
    const res = await conditionalGet(
      client, 'GET /search/issues', { q: `repo:${fullName} is:pr is:open`, per_page: 1 },
      (data) => (data as { total_count: number }).total_count,
    );
    return res.data;
  } catch (err) {
    if (err instanceof GitHubFatalError) throw err;
    client.logger.warn({ repo: fullName, status: statusOf(err) }, 'GitHub: open pull requests not counted; open issues unknown');
    return null;
  }
}

async function fetchOne(client: GitHubClient, owner: string, name: string, now: Date): Promise<RepoData> {
  // Octokit's fetch follows the 301 of a renamed repository; full_name then carries the new name.
  const { data: repo } = await conditionalGet(client, 'GET /repos/{owner}/{repo}', { owner, repo: name }, trimRepo);
  const [currentOwner = owner, currentName = name] = repo.fullName.split('/');
  const [rels, pulls] = await Promise.all([
    releases(client, currentOwner, currentName, now),
    openPullRequests(client, repo.fullName),
  ]);
  const tags = rels.some((r) => !r.isDraft) ? [] : await restTags(client, currentOwner, currentName, now);
  return {
    repo: repo.fullName,
    stars: repo.stars,
    forks: repo.forks,
    watchers: repo.subscribers,
    openIssues: pulls === null ? null : Math.max(0, repo.openIssuesAndPulls - pulls),
    license: repo.license,
    archived: repo.archived,
    disabled: repo.disabled,
    databaseId: repo.id,
    pushedAt: repo.pushedAt,
    lastCommitAt: null,
    homepageUrl: repo.homepage,
    releases: rels,
    tags,
  };
}

/**
 * Fetches each repository (a few at a time); failures are per repository, except a GitHubFatalError,
 * which rejects at once and keeps the repositories still queued from starting.
 */
export async function fetchViaRest(
  client: GitHubClient,
  repos: { requested: string; owner: string; name: string }[],
  now: Date,
  onResult: (requested: string, result: RepoResult) => void,
): Promise<void> {
  const pool = new Bottleneck({ maxConcurrent: CONCURRENCY });
  let fatal = false;
  const one = async (r: { requested: string; owner: string; name: string }): Promise<void> => {
    if (fatal) return;
    try {
      onResult(r.requested, await fetchOne(client, r.owner, r.name, now));
    } catch (err) {
      if (err instanceof GitHubFatalError) {
        fatal = true;
        throw err;
      }
      const status = statusOf(err);
      const message = status === 404 ? 'not found' : err instanceof Error ? err.message : String(err);
      client.logger.warn({ repo: r.requested, status }, `GitHub REST fetch failed: ${message}`);
      onResult(r.requested, status === 404 ? { error: message, missing: true } : { error: message });
    }
  };
  await Promise.all(repos.map((r) => pool.schedule(() => one(r))));
}
