/**
 * Findings about a framework's repository and its pace, from its newest snapshot: `archived`,
 * `repo-missing`, `repo-moved`, `dormant`, `slowing` (SPEC "Review"). Pure: facts in, a finding or null.
 */
import type { FrameworkFacts } from './types.js';
import { daysAgo, type Found, isoDay } from './found.js';

const YEAR = 365;
const HALF_YEAR = 180;

export function archived(f: FrameworkFacts): Found | null {
  if (!f.archived) return null;
  return {
    finding: 'archived',
    severity: 'high',
    detail: `${f.repo ?? f.slug} is archived on GitHub: say so in the entry, or replace it`,
    evidence: { repo: f.repo, captured_at: f.capturedAt },
  };
}

export function repoMissing(f: FrameworkFacts): Found | null {
  if (f.repoState !== 'missing' && f.repoState !== 'disabled') return null;
  const what = f.repoState === 'missing' ? 'no longer exists on GitHub' : 'is disabled by GitHub';
  return {
    finding: 'repo-missing',
    severity: 'high',
    detail: `${f.repo ?? f.slug} ${what}: find where the project lives now (and fix the catalog) or drop the entry`,
    evidence: { repo: f.repo, state: f.repoState, captured_at: f.capturedAt },
  };
}

/**
 * A rename or transfer: GitHub answers the catalog's name as another one (a change of case alone is the
 * same repository). Or a reused name: the name answers with another repository id than it used to.
 */
export function repoMoved(f: FrameworkFacts): Found | null {
  if (f.repoState !== 'active' && f.repoState !== null) return null;
  if (f.earlierDatabaseId !== null && f.repoDatabaseId !== null) {
    return {
      finding: 'repo-moved',
      severity: 'medium',
      detail: `${f.repoSeenAs ?? f.repo} now belongs to another repository (GitHub id ${f.repoDatabaseId}, was ${f.earlierDatabaseId}): find where the project went and fix the link and the catalog`,
      evidence: { repo: f.repoSeenAs, database_id: f.repoDatabaseId, earlier_database_id: f.earlierDatabaseId },
    };
  }
  const asked = f.catalogRepo;
  const seen = f.repoSeenAs;
  if (!asked || !seen || asked.toLowerCase() === seen.toLowerCase()) return null;
  return {
    finding: 'repo-moved',
    severity: 'medium',
    detail: `${asked} → ${seen}: update the repository link (and the catalog)`,
    evidence: { from: asked, to: seen, database_id: f.repoDatabaseId },
  };
}

/** The default branch's last commit; a push (any branch) stands in where it is unknown (REST): it can only be later. */
const lastActivity = (f: FrameworkFacts): Date | null => f.lastCommitAt ?? f.pushedAt;

const isLive = (f: FrameworkFacts): boolean => !f.archived && f.repoState !== 'missing' && f.repoState !== 'disabled';

export function dormant(f: FrameworkFacts): Found | null {
  const commit = lastActivity(f);
  if (!isLive(f) || !commit) return null;
  if (daysAgo(commit, f.capturedAt) < YEAR) return null;
  if (f.latestReleaseAt && daysAgo(f.latestReleaseAt, f.capturedAt) < YEAR) return null;
  const release = f.latestReleaseAt ? `since ${f.latestRelease ?? 'the last one'} (${isoDay(f.latestReleaseAt)})` : 'ever';
  return {
    finding: 'dormant',
    severity: 'high',
    detail: `no commit since ${isoDay(commit)} and no stable release ${release}: check it is still maintained; add a caveat or a replacement`,
    evidence: { last_commit_at: commit, commit_date_source: f.lastCommitAt ? 'default-branch' : 'pushed_at', latest_release: f.latestRelease, latest_release_at: f.latestReleaseAt },
  };
}

export function slowing(f: FrameworkFacts): Found | null {
  if (!isLive(f) || !f.latestReleaseAt || dormant(f)) return null;
  const days = daysAgo(f.latestReleaseAt, f.capturedAt);
  if (days < HALF_YEAR) return null;
  return {
    finding: 'slowing',
    severity: 'info',
    detail: `no stable release for ${days} days (last: ${f.latestRelease ?? '?'} on ${isoDay(f.latestReleaseAt)}): worth a look before calling it active`,
    evidence: { latest_release: f.latestRelease, latest_release_at: f.latestReleaseAt, days_since_release: days },
  };
}
