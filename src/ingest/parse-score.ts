/**
 * Scores candidate structures and says how sure the choice is. Every feature is a number in a named
 * slot so that `ingest --explain` can print why one structure beat another:
 *
 * - `coverage`: the share of the article's text inside the entries (a table of contents, a criteria
 *   list or one entry's feature list holds little of it);
 * - `names`: the share of entry names that read as names (short, capitalised or linked or known, not a
 *   section word); `sections`: the share that read as section titles ("Results", "License"); `phrases`:
 *   the share the article's prose writes in lowercase ("user experience"), unknown to the catalog;
 * - `known`: the share the catalog knows; `linked`: the share whose entry links to a site or repository
 *   named like it;
 * - `described`: the share with a paragraph of prose;
 * - `repeats`: the share whose name the candidate already gave (criteria sections each holding the same
 *   sub-headings: the entries are those names, once each);
 * - `summary`: 1 for a list that names the same entries as a run of headings holding more of the text
 *   and judging them with pros and cons (a decision record's "Considered Options" over its sections per
 *   option);
 * - `promise`: 1 when the count is the title's promise, -1 when it contradicts it, else 0 (without a
 *   title's promise, 1 when the count is the one the section heading above the entries promises);
 * - `count`: log2 of the number of entries.
 */
import type { ConsideredStructure, ParseDecision } from '../domain/article.js';
import { slugify } from '../catalog/slug.js';
import type { Candidate, CandidateContext } from './parse-candidate.js';
import type { Draft } from './parse-draft.js';
import { readsAsPhrase } from './parse-casing.js';
import { isSectionTitle } from './parse-runs.js';

/** Below this a parse is doubtful (README "Parse confidence"). */
export const CONFIDENCE_THRESHOLD = 0.5;

const WEIGHTS = { coverage: 3, names: 2, sections: -4, phrases: -2, known: 1.5, linked: 1, described: 0.5, repeats: -3, summary: -3, promise: 1.5, count: 0.3 } as const;
type Feature = keyof typeof WEIGHTS;

const CONNECTOR = /^(?:on|of|for|de|la|and|with|the|js|ui|&|~)$/i;

function readsAsName(name: string, known: ReadonlySet<string>, linked: boolean): boolean {
  if (known.has(slugify(name))) return true;
  const words = name.split(/\s+/);
  if (name.length > 40 || words.length > 5 || isSectionTitle(name)) return false;
  if (linked) return true;
  // "Ruby on Rails", "Vue Chart js", "kdb+", "React-vis": capitalised words, or one word marked as a name.
  return words.every((w) => /^[\p{Lu}\d@.]/u.test(w) || CONNECTOR.test(w)) || (words.length === 1 && /[A-Z.\d+#-]/.test(name.slice(1)));
}

/** Whether an entry links to a page named like it (its site, its repository), not to an anchor of the page. */
function linksToItself(name: string, hrefs: string[]): boolean {
  const token = slugify(name).replace(/-?(?:js|orm|ui|db)$/, '').split('-')[0] ?? '';
  return token.length >= 2 && hrefs.some((h) => /^https?:/i.test(h) && h.toLowerCase().replace(/[^a-z0-9]/g, '').includes(token.replace(/-/g, '')));
}

/** At most this many entries of a candidate have their links resolved for the `linked` feature. */
const LINK_SAMPLE = 200;

export interface Scored {
  candidate: Candidate;
  features: Record<Feature, number>;
  score: number;
}

const share = (n: number, of: number): number => (of === 0 ? 0 : n / of);
const round2 = (x: number): number => Math.round(x * 100) / 100;

function repeated(drafts: readonly Draft[]): number {
  const seen = new Set<string>();
  let n = 0;
  for (const d of drafts) {
    const slug = slugify(d.name);
    if (seen.has(slug)) n++;
    seen.add(slug);
  }
  return n;
}

export function scoreCandidate(
  c: Candidate,
  total: number,
  ctx: CandidateContext,
  hrefsOf: (c: Candidate, i: number) => string[],
  sectionPromise: number | null = null,
): Scored {
  const n = c.drafts.length;
  // Resolving links is the costly part: an article of thousands of entries is judged on an even sample.
  const step = Math.max(1, Math.floor(n / LINK_SAMPLE));
  const sampled = c.drafts.map((_, i) => i).filter((i) => i % step === 0);
  const linked = sampled.map((i) => linksToItself(c.drafts[i]?.name ?? '', hrefsOf(c, i)));
  const phrase = (d: Draft): boolean => !ctx.known.has(slugify(d.name)) && readsAsPhrase(d.name, ctx.casing);
  const features: Record<Feature, number> = {
    coverage: round2(Math.min(1, share(c.covered, total))),
    names: round2(share(c.drafts.filter((d, i) => !phrase(d) && readsAsName(d.name, ctx.known, i % step === 0 && (linked[i / step] ?? false))).length, n)),
    sections: round2(share(c.drafts.filter((d) => isSectionTitle(d.name)).length, n)),
    phrases: round2(share(c.drafts.filter(phrase).length, n)),
    known: round2(share(c.drafts.filter((d) => ctx.known.has(slugify(d.name))).length, n)),
    linked: round2(share(linked.filter(Boolean).length, sampled.length)),
    described: round2(share(c.drafts.filter((d) => (d.description ?? '').length >= 40).length, n)),
    repeats: round2(share(repeated(c.drafts), n)),
    summary: 0,
    // A section heading's promise ("## Top 5 Free Code Editors") backs the count that keeps it, and no other.
    promise: ctx.promised === null ? (sectionPromise === n ? 1 : 0) : n === ctx.promised ? 1 : -1,
    count: round2(Math.log2(Math.max(1, n))),
  };
  // Opening sentences read the same entries as the headings over them, more loosely: headings win a tie.
  const prior = c.kind === 'openings' ? -0.1 : 0;
  const score = (Object.keys(WEIGHTS) as Feature[]).reduce((s, f) => s + WEIGHTS[f] * features[f], prior);
  return { candidate: c, features, score: round2(score) };
}

/** Marks the lists that only summarise a run of headings naming the same entries with more of the text. */
export function withSummaries(scored: Scored[]): Scored[] {
  const judged = (c: Candidate): boolean => c.drafts.filter((d) => (d.pros ?? []).length + d.cons.length > 0).length * 2 >= c.drafts.length;
  return scored.map((s) => {
    if (s.candidate.kind !== 'list') return s;
    const detailed = scored.some(
      (h) => h.candidate.kind === 'headings' && h.features.coverage > s.features.coverage && agreement(h.candidate, s.candidate) >= 0.8 && judged(h.candidate),
    );
    return detailed ? { ...s, features: { ...s.features, summary: 1 }, score: round2(s.score + WEIGHTS.summary) } : s;
  });
}

const clamp = (x: number): number => Math.max(0, Math.min(1, x));

/** Shared names over all names of two readings. */
function agreement(a: Candidate, b: Candidate): number {
  const x = new Set(a.drafts.map((d) => slugify(d.name)));
  const y = new Set(b.drafts.map((d) => slugify(d.name)));
  const shared = [...x].filter((n) => y.has(n)).length;
  return shared / Math.max(1, new Set([...x, ...y]).size);
}

/**
 * How sure the choice is: the winner's own quality (its share of the text, names that read as names,
 * no section titles, the title's promise), lowered when a runner-up scores close to it with other entries.
 */
function confidenceOf(best: Scored, runnerUp: Scored | undefined): number {
  const f = best.features;
  const quality = clamp(0.25 + 0.4 * f.coverage + 0.25 * f.names + 0.2 * Math.max(f.linked, f.known) - 0.6 * f.sections + 0.1 * Math.max(0, f.promise) - 0.25 * Math.max(0, -f.promise));
  if (!runnerUp) return quality;
  const lead = (best.score - runnerUp.score) / Math.max(1, Math.abs(best.score));
  const contested = lead < 0.15 && agreement(best.candidate, runnerUp.candidate) < 0.8;
  return contested ? quality * (0.5 + 3 * lead) : quality;
}

const considered = (s: Scored): ConsideredStructure => ({
  structure: {
    kind: s.candidate.kind === 'openings' ? 'headings' : s.candidate.kind,
    selector: s.candidate.selector,
    level: s.candidate.level,
    count: s.candidate.drafts.length,
  },
  names: s.candidate.drafts.slice(0, 5).map((d) => d.name),
  score: s.score,
  features: s.features,
});

/** The decision over scored candidates, best first. */
export function decide(ranked: Scored[], promised: number | null): ParseDecision {
  const [best, ...rest] = ranked;
  if (!best || best.candidate.drafts.length === 0) {
    return { chosen: null, runnersUp: rest.slice(0, 2).map(considered), confidence: 0, reasons: ['no entries found'], doubt: 'no entries found' };
  }
  if (best.candidate.kind === 'pinned') {
    return { chosen: considered(best), runnersUp: [], confidence: 1, reasons: [`pinned: each match of ${best.candidate.selector} starts an entry`], doubt: null };
  }
  const f = best.features;
  const margin = best.score - (rest[0]?.score ?? 0);
  const reasons: string[] = [];
  if (f.promise === 1) reasons.push(promised === null ? "count matches the section heading's promise" : `count matches the title's ${promised}`);
  if (f.promise === -1) reasons.push(`found ${best.candidate.drafts.length} entries but the title promises ${promised}`);
  if (f.sections > 0) reasons.push(`${Math.round(f.sections * 100)} % of names read as section titles`);
  reasons.push(`${Math.round(f.names * 100)} % of names read as names`, `entries hold ${Math.round(f.coverage * 100)} % of the text`);
  if (f.known > 0) reasons.push(`${Math.round(f.known * 100)} % known to the catalog`);
  if (f.linked > 0) reasons.push(`${Math.round(f.linked * 100)} % link to their own site`);
  reasons.push(rest[0] ? `${margin.toFixed(2)} ahead of the runner-up` : 'no other structure found');
  const confidence = round2(confidenceOf(best, rest[0]));
  const sectionNames = best.candidate.drafts.filter((d) => isSectionTitle(d.name)).map((d) => d.name);
  const doubt =
    sectionNames.length * 2 >= best.candidate.drafts.length
      ? `entry names read as section titles: ${sectionNames.slice(0, 4).join(', ')}`
      : f.promise === -1
        ? `found ${best.candidate.drafts.length} entries but the title promises ${promised}`
        : confidence < CONFIDENCE_THRESHOLD
          ? `confidence ${confidence.toFixed(2)} is below ${CONFIDENCE_THRESHOLD}`
          : null;
  return { chosen: considered(best), runnersUp: rest.slice(0, 2).map(considered), confidence, reasons, doubt };
}
