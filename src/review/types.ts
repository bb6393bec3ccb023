/** What review reads (stored rows, already shaped) and what it finds. */

export type Severity = 'high' | 'medium' | 'info';

export type FindingName =
  | 'archived'
  | 'repo-missing'
  | 'repo-moved'
  | 'dormant'
  | 'slowing'
  | 'deprecated-package'
  | 'docs-broken'
  | 'docs-moved'
  | 'docs-unverified'
  | 'link-broken'
  | 'link-moved'
  | 'link-unverified'
  | 'stale-version'
  | 'outranked'
  | 'contender'
  | 'stale-title';

export interface Finding {
  sourceUrl: string;
  /** Null for article-level findings. */
  position: number | null;
  framework: string | null;
  slug: string | null;
  finding: FindingName;
  severity: Severity;
  /** One line an editor can act on. */
  detail: string;
  /** The figures and dates behind it. */
  evidence: Record<string, unknown>;
}

/** One stored docs check (a carried result is the same check, so it appears once). */
export interface DocsCheck {
  checkedAt: Date;
  status: number | null;
  error: string | null;
  firstStatus: number | null;
  movedTo: string | null;
}

/** A framework's newest snapshot and the bits of its history review needs. */
export interface FrameworkFacts {
  slug: string;
  capturedAt: Date;
  /** The repository the catalog names for it; null when a search found it (nothing to compare with). */
  catalogRepo: string | null;
  /** The repository the snapshot is stored under (the name GitHub answered, or the one asked for when missing). */
  repo: string | null;
  repoSeenAs: string | null;
  repoState: 'active' | 'disabled' | 'missing' | null;
  repoDatabaseId: number | null;
  /** GitHub's id that an earlier snapshot saw under the same name, when it differs: the name was reused. */
  earlierDatabaseId: number | null;
  archived: boolean | null;
  lastCommitAt: Date | null;
  pushedAt: Date | null;
  latestReleaseAt: Date | null;
  latestRelease: string | null;
  latestVersion: string | null;
  packageVersion: string | null;
  stars: number | null;
  downloadsLastMonth: number | null;
  /** The catalog's package of the snapshot's run, and whether its registry marked it deprecated (null: no mark read). */
  packageRegistry: string | null;
  packageName: string | null;
  packageDeprecated: boolean | null;
  packageReplacement: string | null;
  docsUrl: string | null;
  /** Distinct checks of the docs link, newest first. */
  docsChecks: DocsCheck[];
}

export interface ReviewEntry {
  position: number;
  framework: string;
  slug: string;
  /** The language the article (or else the catalog) gives it, GitHub's name for it. */
  language: string | null;
  /** Names the text may use for it: the entry's, its aliases, the catalog's. */
  names: string[];
  /** The entry's own words: description, pros, cons. */
  text: string;
  /** The links the entry gives, each with its distinct checks, newest first. */
  links: { url: string; checks: DocsCheck[] }[];
}

export interface ReviewArticle {
  sourceUrl: string;
  title: string | null;
  entries: ReviewEntry[];
}

/** A catalog framework, a possible contender of an article in its language. */
export interface KnownFramework {
  name: string;
  slug: string;
  language: string;
  repo: string;
}

/** The newest stored topic search of a language: its repositories with their stars at the time. */
export interface TopicSearch {
  language: string;
  searchedAt: Date;
  repos: { repo: string; name: string; stars: number }[];
}

/** What contenders are drawn from, beside the frameworks' facts. */
export interface Market {
  catalog: KnownFramework[];
  searches: TopicSearch[];
  /** Stars gained in 90 days by slug, where the snapshots reach that far back. */
  starsChange90d: Map<string, number>;
}
