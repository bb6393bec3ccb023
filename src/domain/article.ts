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
  /** The entry's first paragraph. */
  description: string;
  /** The entry's pros/benefits list, verbatim, in order. */
  pros: string[];
  /** The entry's cons/drawbacks/disadvantages list, verbatim, in order. */
  cons: string[];
  notableUsers: string[];
  links: ArticleLink[];
}

export interface ArticleSection {
  name: string;
  description: string;
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
}
