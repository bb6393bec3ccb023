/** The shape of the `runs.stats` column, shared by the schema, the jobs that write it and `runs`. */
/** How one stage of a run went: its wall time and the requests it made, by kind (`github`, `docs`, …). */
export interface StageTiming {
  name: string;
  ms: number;
  requests: Record<string, number>;
}

/**
 * A run's `stats` column. Every field is optional: a run has the fields of the stages it ran, and rows
 * written before `stages` existed have only the others.
 */
export interface RunStats {
  /** Sources ingested, with their outcome and entry count. */
  sources?: { url: string; status: string; entries: number }[];
  /** Snapshots stored. */
  stored?: number;
  /** Frameworks that could not be enriched, and why. */
  failed?: { slug: string; reason: string }[];
  github?: { requests: number; notModified: number; graphqlCost: number; rateLimitRemaining: number | null };
  /** PyPI packages whose downloads pypistats' per-run budget left for a later run. */
  deferredDownloads?: number;
  /** Open review findings after the run, by severity. */
  findings?: Record<string, number>;
  /** Languages whose topic search (review's `contender`) waits for a later run: GitHub's search limit was spent. */
  topicSearchesDeferred?: string[];
  stages?: StageTiming[];
}
