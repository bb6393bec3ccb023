/**
 * Tags over REST, for repositories without Releases (Django). REST tag listings carry no dates, so each
 * tag costs a request to date it; the walk dates as few as the cadence window needs:
 *
 * - one `git/matching-refs/tags/` call lists every tag with its object type (annotated or not) and SHA
 *   (`/tags` would need several name-ordered pages and lacks both);
 * - prerelease names, and names that carry no version (`2.3.x`), are never dated (they do not count);
 * - stable tags are grouped by release line (major.minor), newest line first; inside a line versions are
 *   chronological, so dating stops at the first tag older than the window; after two consecutive lines
 *   of a major version whose newest tag is already outside the window, its older lines are not visited,
 *   and after two such major versions, older majors are not either (an old major's patch line, such as
 *   Express 4 beside 5, still ships inside the window while the newer major's earlier lines do not);
 * - an annotated tag is dated by its tag object (tagger date, one request), a lightweight one by its
 *   commit; both are addressed by SHA, hence immutable and never requested twice.
 */
import { windowStart } from './cadence.js';
import type { GitHubClient } from './github-client.js';
import { conditionalGet } from './github-conditional.js';
import type { RepoTag } from './github-types.js';
import { compareReleases, readVersion } from './version.js';

/** Bounds one repository's share of the anonymous budget; a warning says when it cut the walk short. */
const MAX_DATED = 40;
const OLD_LINES_BEFORE_STOP = 2;

interface TagRef {
  name: string;
  type: string;
  sha: string;
  version: number[];
}

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

/** Stable tags grouped by major version, then by line (major.minor), highest first, each highest first. */
function majorsOf(refs: { name: string; type: string; sha: string }[]): TagRef[][][] {
  const lines = new Map<string, TagRef[]>();
  for (const r of refs) {
    const version = readVersion(r.name);
    if (!version || version.prerelease) continue;
    const key = `${version.release[0] ?? 0}.${version.release[1] ?? 0}`;
    lines.set(key, [...(lines.get(key) ?? []), { ...r, version: version.release }]);
  }
  const majors = new Map<number, TagRef[][]>();
  const ordered = [...lines.values()]
    .map((tags) => tags.sort((a, b) => compareReleases(b.version, a.version)))
    .sort((a, b) => compareReleases(b[0]?.version ?? [], a[0]?.version ?? []));
  for (const line of ordered) {
    const major = line[0]?.version[0] ?? 0;
    majors.set(major, [...(majors.get(major) ?? []), line]);
  }
  return [...majors.values()];
}

/** Dated stable tags, newest first, as far back as the window needs (plus the boundary tags). */
export async function restTags(client: GitHubClient, owner: string, repo: string, now: Date): Promise<RepoTag[]> {
  const { data: refs } = await conditionalGet(client, 'GET /repos/{owner}/{repo}/git/matching-refs/{ref}', { owner, repo, ref: 'tags/' }, trimRefs);
  const start = windowStart(now).getTime();
  const dated: RepoTag[] = [];
  /** Dates a line down to its first tag outside the window; whether its newest tag is already outside; null at the cap. */
  const walkLine = async (line: TagRef[]): Promise<boolean | null> => {
    for (const [i, ref] of line.entries()) {
      if (dated.length >= MAX_DATED) return null;
      const tag = await dateTag(client, owner, repo, ref);
      if (!tag) continue;
      dated.push(tag);
      if (Date.parse(tag.taggerDate ?? tag.commitDate) <= start) return i === 0;
    }
    return false;
  };
  let oldMajors = 0;
  walk: for (const lines of majorsOf(refs)) {
    let oldLines = 0;
    let majorIsOld = true;
    for (const line of lines) {
      const newestIsOld = await walkLine(line);
      if (newestIsOld === null) {
        client.logger.warn({ repo: `${owner}/${repo}`, dated: dated.length }, 'GitHub tags: stopped dating tags at the per-repository cap');
        break walk;
      }
      majorIsOld &&= newestIsOld;
      oldLines = newestIsOld ? oldLines + 1 : 0;
      if (oldLines >= OLD_LINES_BEFORE_STOP) break;
    }
    oldMajors = majorIsOld ? oldMajors + 1 : 0;
    if (oldMajors >= OLD_LINES_BEFORE_STOP) break;
  }
  return dated.sort((a, b) => Date.parse(b.taggerDate ?? b.commitDate) - Date.parse(a.taggerDate ?? a.commitDate));
}
