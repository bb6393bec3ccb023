/**
 * Findings about the links an article gives in an entry, by the docs links' rules (docs.ts) applied to
 * each link's stored check history: `link-broken`, `link-moved`, and `link-unverified` (shown only with
 * --all). One finding per entry and kind, naming every link it concerns.
 */
import { answer, brokenHeld, movedHeld, unverifiedNewest } from './docs.js';
import { type Found, isoDay } from './found.js';
import type { ReviewEntry } from './types.js';

export function linkBroken(entry: ReviewEntry): Found | null {
  const broken = entry.links.flatMap(({ url, checks }) => {
    const both = brokenHeld(checks);
    return both ? [{ url, ...both }] : [];
  });
  if (broken.length === 0) return null;
  const each = broken.map((b) => `${b.url} answered ${answer(b.since)} on ${isoDay(b.since.checkedAt)} and ${answer(b.newest)} on ${isoDay(b.newest.checkedAt)}`);
  return {
    finding: 'link-broken',
    severity: 'high',
    detail: `${each.join('; ')}: fix or replace ${broken.length > 1 ? 'these links' : 'the link'}`,
    evidence: { links: broken.map((b) => ({ url: b.url, checks: [b.newest, b.since] })) },
  };
}

export function linkMoved(entry: ReviewEntry): Found | null {
  const moved = entry.links.flatMap(({ url, checks }) => {
    const both = movedHeld(checks);
    return both ? [{ url, to: both.newest.movedTo, checks: [both.newest, both.since] }] : [];
  });
  if (moved.length === 0) return null;
  return {
    finding: 'link-moved',
    severity: 'medium',
    detail: `${moved.map((m) => `${m.url} moved permanently to ${m.to}`).join('; ')}: update ${moved.length > 1 ? 'these links' : 'the link'}`,
    evidence: { links: moved },
  };
}

export function linkUnverified(entry: ReviewEntry): Found | null {
  const unverified = entry.links.flatMap(({ url, checks }) => {
    const newest = unverifiedNewest(checks);
    return newest ? [{ url, check: newest }] : [];
  });
  if (unverified.length === 0) return null;
  return {
    finding: 'link-unverified',
    severity: 'info',
    detail: `${unverified.map((u) => `${u.url} (${answer(u.check)} on ${isoDay(u.check.checkedAt)})`).join('; ')} could not be verified: not a broken link; look by hand if it persists`,
    evidence: { links: unverified },
  };
}
