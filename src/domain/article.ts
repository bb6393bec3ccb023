/** The shapes the parser produces; shared by ingest, store and report. */
export interface ArticleLink {
  text: string;
  url: string;
}

export interface ArticleEntry {
  /** 1-based order in the article. */
  position: number;
  /** The framework's name as written in the article. */
  name: string;
  /** slugify(name); aliases are resolved later against the catalog. */
  slug: string;
  /** Language named or implied by the text; null when the text does not say (catalog fills it later). */
  language: string | null;
  /** The entry's first paragraph of prose (never a caption or code), cut at a sentence end near 300 characters; null when it has none. */
  description: string | null;
  /** The entry's pros/benefits list, verbatim, in order. */
  pros: string[];
  /** The entry's cons/drawbacks/disadvantages list, verbatim, in order. */
  cons: string[];
  notableUsers: string[];
  links: ArticleLink[];
  /** Other names the article gives it: a parenthesised abbreviation ("Google Web Toolkit (GWT)" → GWT). */
  aliases: string[];
}

export interface ArticleSection {
  name: string;
  description: string;
}

/** How the entries were found: `pinned` when a source's `sources set --entries` selector chose them. */
export type StructureKind = 'headings' | 'list' | 'table' | 'pinned';

export interface ArticleStructure {
  kind: StructureKind;
  /** A CSS selector for the elements that start the entries (e.g. `article > h3`, `main > ol > li`). */
  selector: string;
  /** The heading level for `headings` (the higher one of a mixed run), else null. */
  level: number | null;
  count: number;
}

/** A structure the parser considered, with its score and the features behind it. */
export interface ConsideredStructure {
  structure: ArticleStructure;
  /** The first few entry names it would give. */
  names: string[];
  score: number;
  /** Named features that made up the score, each rounded (printable by `ingest --explain`). */
  features: Record<string, number>;
}

/** Which structure won, how sure the parser is, and why. */
export interface ParseDecision {
  /** Null when no structure gave entries. */
  chosen: ConsideredStructure | null;
  /** The next best structures, best first (at most two). */
  runnersUp: ConsideredStructure[];
  /** 0–1. */
  confidence: number;
  /** Short reasons for the confidence, as stored in `confidence_reasons`. */
  reasons: string[];
  /** Why the parse must not become current without `--accept`; null when it may. */
  doubt: string | null;
}

export interface ParsedArticle {
  url: string;
  title: string | null;
  author: string | null;
  /** ISO dates (YYYY-MM-DD or full ISO timestamps) the article states. */
  publishedAt: string | null;
  updatedAt: string | null;
  /** The count the title promises ("Top 8 …" → 8), or null. */
  promisedCount: number | null;
  entries: ArticleEntry[];
  /** Other structured sections, e.g. the "What to consider" criteria. */
  sections: ArticleSection[];
  decision: ParseDecision;
}
