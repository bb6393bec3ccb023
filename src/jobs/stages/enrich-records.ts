/**
 * The enrich stage's per-framework records, target → resolved → enriched, and which frameworks it
 * covers: one target per slug across the current entries of every
 * source, in article order, each with what the catalog knows of it. `--framework` names are checked
 * here, before a run starts.
 */
import type { Catalog } from '../../catalog/catalog.js';
import type { Cadence } from '../../enrich/cadence.js';
import type { RepoData } from '../../enrich/github.js';
import { slugify } from '../../catalog/slug.js';
import { UsageError } from '../../errors.js';
import type { Db } from '../../store/database.js';
import { currentEntryRows } from '../../store/reads.js';

export interface Target {
  slug: string;
  name: string;
  language: string | null;
  /** The framework's own link in the article: the docs URL of last resort. */
  articleLink: string | null;
  /** Catalog facts; null for a framework the catalog does not know. */
  known: { repo: string; docs: string } | null;
}

/** A target with its repository. */
export interface Resolved extends Target {
  repo: string;
  repoSource: 'catalog' | 'search';
  confidence: number;
}

/** A resolved framework with its GitHub data, cadence and docs check: one snapshot row. */
export interface Enriched extends Resolved {
  data: RepoData;
  cadence: Cadence;
  docsUrl: string | null;
  /** The docs link's check: this run's, or the last one carried while it is not due again; undefined without a URL. */
  docs: DocsOutcome | undefined;
}

export interface DocsOutcome {
  status: number | null;
  error: string | null;
  /** The first answer (redirect not followed) and where it pointed, for review's docs-moved. */
  firstStatus: number | null;
  movedTo: string | null;
  checkedAt: Date;
}

async function currentTargets(db: Db, catalog: Catalog): Promise<Map<string, Target>> {
  const targets = new Map<string, Target>();
  for (const entry of await currentEntryRows(db)) {
    if (targets.has(entry.slug)) continue;
    const known = catalog.resolve(entry.slug) ?? catalog.resolve(entry.framework);
    const ownLink = entry.links.find((link) => link.text.toLowerCase().includes(entry.framework.toLowerCase()));
    targets.set(entry.slug, {
      slug: entry.slug,
      name: known?.name ?? entry.framework,
      language: entry.language ?? known?.language ?? null,
      articleLink: ownLink?.url ?? null,
      known: known ? { repo: known.repo, docs: known.docs } : null,
    });
  }
  return targets;
}

/**
 * Every current target, or only those `only` names (names, aliases or slugs), each once however often
 * it is named (`--framework django Django`); an unknown name is a usage error.
 */
export async function enrichTargets(db: Db, catalog: Catalog, only: string[] = []): Promise<Target[]> {
  const targets = await currentTargets(db, catalog);
  if (only.length === 0) return [...targets.values()];
  const chosen = new Map<string, Target>();
  for (const name of only) {
    const target = targets.get(catalog.resolve(name)?.slug ?? slugify(name));
    if (!target) throw new UsageError(`enrich: ${name} is not in the current article entries (see: stackradar sql "select framework from current_entries")`);
    chosen.set(target.slug, target);
  }
  return [...chosen.values()];
}
