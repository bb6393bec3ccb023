/**
 * Tags over REST, for repositories without Releases (Django). REST tag listings carry no dates, so each
 * tag costs a request to date it; the walk dates as few as the cadence window needs:
 *
 * - one `git/matching-refs/tags/` call lists every tag with its object type (annotated or not) and SHA
 *   (`/tags` would need several name-ordered pages and lacks both);
 * - prerelease names are never dated (they do not count as releases);
 * - stable tags are grouped by release line (major.minor), newest line first; inside a line versions are
 *   chronological, so dating stops at the first tag older than the window; after two consecutive lines
 *   whose newest tag is already outside the window, older lines are not visited;
 * - an annotated tag is dated by its tag object (tagger date, one request), a lightweight one by its
 *   commit; both are addressed by SHA, hence immutable and never requested twice.
 */
import { isPrereleaseName, windowStart } from './cadence.js';
import type { GitHubClient } from './github-client.js';
import { conditionalGet } from './github-conditional.js';
import type { RepoTag } from './github-types.js';

/** Bounds one repository's share of the anonymous budget; a warning says when it cut the walk short. */
const MAX_DATED = 40;
const OLD_LINES_BEFORE_STOP = 2;

interface TagRef {
  name: string;
  type: string;
  sha: string;
  version: number[];
}

const VERSION = /^(?:[A-Za-z][\w-]*?[-_])?v?(\d+(?:\.\d+){0,3})$/;

const compareVersions = (a: number[], b: number[]): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

function trimRefs(data: unknown): { name: string; type: string; sha: string }[] {
  return (data as { ref: string; object: { type: string; sha: string } }[]).map((r) => ({
    name: r.ref.replace(/^refs\/tags\//, ''),
    type: r.object.type,
    sha: r.object.sha,
  }));
}

async function dateTag(client: GitHubClient, owner: string, repo: string, ref: TagRef): Promise<RepoTag | null> {
  if (ref.type === 'tag') {
    const { data } = await conditionalGet(
      client, 'GET /repos/{owner}/{repo}/git/tags/{tag_sha}', { owner, repo, tag_sha: ref.sha },
      (d) => (d as { tagger?: { date?: string } | null }).tagger?.date ?? null,
      { immutable: true },
    );
    return data ? { name: ref.name, taggerDate: data, commitDate: data } : null;
  }
  if (ref.type === 'commit') {
    const { data } = await conditionalGet(
      client, 'GET /repos/{owner}/{repo}/commits/{ref}', { owner, repo, ref: ref.sha },
      (d) => (d as { commit: { committer: { date?: string } | null } }).commit.committer?.date ?? null,
      { immutable: true },
    );
    return data ? { name: ref.name, taggerDate: null, commitDate: data } : null;
  }
  return null;
}

/** Dated stable tags, newest first, as far back as the window needs (plus the boundary tags). */
export async function restTags(client: GitHubClient, owner: string, repo: string, now: Date): Promise<RepoTag[]> {
  const { data: refs } = await conditionalGet(client, 'GET /repos/{owner}/{repo}/git/matching-refs/{ref}', { owner, repo, ref: 'tags/' }, trimRefs);
  const lines = new Map<string, TagRef[]>();
  for (const r of refs) {
    const m = VERSION.exec(r.name);
    if (!m?.[1] || isPrereleaseName(r.name)) continue;
    const version = m[1].split('.').map(Number);
    const key = `${version[0]}.${version[1] ?? 0}`;
    lines.set(key, [...(lines.get(key) ?? []), { ...r, version }]);
  }
  const ordered = [...lines.values()]
    .map((tags) => tags.sort((a, b) => compareVersions(b.version, a.version)))
    .sort((a, b) => compareVersions(b[0]?.version ?? [], a[0]?.version ?? []));

  const start = windowStart(now).getTime();
  const dated: RepoTag[] = [];
  let oldLines = 0;
  walk: for (const line of ordered) {
    let newestIsOld = false;
    for (const [i, ref] of line.entries()) {
      if (dated.length >= MAX_DATED) {
        client.logger.warn({ repo: `${owner}/${repo}`, dated: dated.length }, 'GitHub tags: stopped dating tags at the per-repository cap');
        break walk;
      }
      const tag = await dateTag(client, owner, repo, ref);
      if (!tag) continue;
      dated.push(tag);
      if (Date.parse(tag.taggerDate ?? tag.commitDate) <= start) {
        newestIsOld = i === 0;
        break;
      }
    }
    oldLines = newestIsOld ? oldLines + 1 : 0;
    if (oldLines >= OLD_LINES_BEFORE_STOP) break;
  }
  return dated.sort((a, b) => Date.parse(b.taggerDate ?? b.commitDate) - Date.parse(a.taggerDate ?? a.commitDate));
}
