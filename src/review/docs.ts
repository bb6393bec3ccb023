/**
 * Findings about a framework's docs link, from its stored check history (never two requests in one
 * run): `docs-broken` and `docs-moved` need the newest check and one at least 24 h before it to agree,
 * every check between them too; a 401/403/429/5xx or timeout is `docs-unverified`, shown only with --all.
 */
import type { DocsCheck, FrameworkFacts } from './types.js';
import { type Found, isoDay } from './found.js';

const APART_MS = 24 * 3_600_000;
const BROKEN_STATUSES = new Set([404, 410]);
const BROKEN_ERRORS = new Set(['dns', 'connection', 'tls']);
const UNVERIFIED_STATUSES = new Set([401, 403, 429]);
const PERMANENT_REDIRECTS = new Set([301, 308]);

const isBroken = (c: DocsCheck): boolean => (c.status !== null && BROKEN_STATUSES.has(c.status)) || (c.error !== null && BROKEN_ERRORS.has(c.error));

const isUnverified = (c: DocsCheck): boolean =>
  (c.status !== null && (UNVERIFIED_STATUSES.has(c.status) || c.status >= 500)) || c.error === 'timeout';

const isMoved = (c: DocsCheck): boolean =>
  c.firstStatus !== null && PERMANENT_REDIRECTS.has(c.firstStatus) && c.movedTo !== null && c.status !== null && c.status >= 200 && c.status < 300;

/** The newest check and the newest one at least 24 h older, when both and every check between pass `test`. */
function held(checks: DocsCheck[], test: (c: DocsCheck) => boolean): { newest: DocsCheck; since: DocsCheck } | null {
  const [newest, ...older] = checks;
  if (!newest || !test(newest)) return null;
  for (const check of older) {
    if (!test(check)) return null;
    if (newest.checkedAt.getTime() - check.checkedAt.getTime() >= APART_MS) return { newest, since: check };
  }
  return null;
}

export const answer = (c: DocsCheck): string => (c.status !== null ? String(c.status) : (c.error ?? 'no answer'));

/** Shared with the article's links (links.ts): the two checks that make a link broken, or moved. */
export const brokenHeld = (checks: DocsCheck[]) => held(checks, isBroken);
export const movedHeld = (checks: DocsCheck[]) => held(checks, isMoved);
/** The newest check, when it says nothing of the link (401/403/429/5xx, timeout). */
export const unverifiedNewest = (checks: DocsCheck[]): DocsCheck | null => (checks[0] && isUnverified(checks[0]) ? checks[0] : null);

export function docsBroken(f: FrameworkFacts): Found | null {
  const both = brokenHeld(f.docsChecks);
  if (!both) return null;
  return {
    finding: 'docs-broken',
    severity: 'high',
    detail: `${f.docsUrl ?? 'the docs link'} answered ${answer(both.since)} on ${isoDay(both.since.checkedAt)} and ${answer(both.newest)} on ${isoDay(both.newest.checkedAt)}: fix or replace the link`,
    evidence: { url: f.docsUrl, checks: [both.newest, both.since] },
  };
}

export function docsMoved(f: FrameworkFacts): Found | null {
  const both = movedHeld(f.docsChecks);
  if (!both) return null;
  return {
    finding: 'docs-moved',
    severity: 'medium',
    detail: `${f.docsUrl ?? 'the docs link'} moved permanently to ${both.newest.movedTo}: update the link`,
    evidence: { url: f.docsUrl, moved_to: both.newest.movedTo, checks: [both.newest, both.since] },
  };
}

export function docsUnverified(f: FrameworkFacts): Found | null {
  const newest = unverifiedNewest(f.docsChecks);
  if (!newest) return null;
  return {
    finding: 'docs-unverified',
    severity: 'info',
    detail: `${f.docsUrl ?? 'the docs link'} could not be verified (${answer(newest)} on ${isoDay(newest.checkedAt)}): not a broken link; look by hand if it persists`,
    evidence: { url: f.docsUrl, check: newest },
  };
}
