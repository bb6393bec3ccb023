/** What the GitHub client returns to the enrich step. */

export interface RepoRelease {
  tag: string;
  name: string | null;
  isDraft: boolean;
  isPrerelease: boolean;
  publishedAt: string | null;
  createdAt: string;
}

export interface RepoTag {
  name: string;
  /** Annotated tags only. */
  taggerDate: string | null;
  /**
   * The tagged commit's date. Over REST an annotated tag's commit is not fetched (it would double the requests
   * per tag, and the tagger date is the one that dates it), so there it repeats `taggerDate`.
   */
  commitDate: string;
}

export interface RepoData {
  /** Current `owner/name`: renames and transfers are followed. */
  repo: string;
  stars: number;
  forks: number;
  /** Watchers in GitHub's sense (subscribers), not the legacy REST `watchers` field (= stars). */
  watchers: number;
  /**
   * Open issues without pull requests: the figure on the repository's Issues tab. Null only over REST when
   * the pull-request count (search API) could not be fetched.
   */
  openIssues: number | null;
  /** SPDX id (`NOASSERTION` for an unrecognised licence), null without one. */
  license: string | null;
  archived: boolean;
  /** Disabled by GitHub (e.g. a DMCA takedown): it answers, but its figures say nothing of the project. */
  disabled: boolean;
  /** GitHub's id of the repository: stays through renames, differs for a reused name. */
  databaseId: number | null;
  pushedAt: string | null;
  /** The default branch's last commit; null over REST, which would need a request more per repository. */
  lastCommitAt: string | null;
  homepageUrl: string | null;
  /** Newest first (by creation), as far back as the cadence window needs. */
  releases: RepoRelease[];
  /** Only for repositories without Releases; newest first, as far back as the window needs. */
  tags: RepoTag[];
}

/** `missing`: GitHub answered that the repository does not exist (not a failure to ask). */
export type RepoResult = RepoData | { error: string; missing?: boolean };

export interface FetchStats {
  /** HTTP requests sent (a followed redirect counts once). */
  requests: number;
  /** Of which answered 304 from the conditional cache. */
  notModified: number;
  /** Sum of GraphQL `rateLimit.cost`. */
  graphqlCost: number;
  /** Core/GraphQL budget left after the last request, when GitHub said. */
  rateLimitRemaining: number | null;
}

export interface FetchResult {
  /** Keyed by the requested `owner/name`. */
  results: Map<string, RepoResult>;
  stats: FetchStats;
}

/** `owner/name` split, or null when the string is not one. */
export function splitRepo(full: string): { owner: string; name: string } | null {
  const m = /^([\w.-]+)\/([\w.-]+)$/.exec(full.trim());
  return m?.[1] && m[2] ? { owner: m[1], name: m[2] } : null;
}

export const emptyToNull = (s: string | null | undefined): string | null => (s ? s : null);
