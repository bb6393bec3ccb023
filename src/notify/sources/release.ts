/** `release`: a framework's latest stable version (by version order) is not the one of its previous snapshot. */
import { snapshotPairsOfRun, type SnapshotPair } from '../../store/event-facts.js';
import { repoUrl, type EventDraft, type EventSource } from '../event.js';

export function releaseEvents(pairs: SnapshotPair[]): EventDraft[] {
  return pairs.flatMap(({ current, previous }) => {
    // A framework's first snapshot is the baseline; a version that disappears is no release.
    if (!previous || !current.latestVersion || current.latestVersion === previous.latestVersion) return [];
    const tag = current.latestVersion;
    return [
      {
        key: `release:${current.slug}:${tag}`,
        kind: 'release',
        sourceUrl: null,
        slug: current.slug,
        title: `${current.framework} ${tag}`,
        summary: `${current.framework} released ${tag}${previous.latestVersion ? ` (was ${previous.latestVersion})` : ''}`,
        url: current.repo ? `${repoUrl(current.repo)}/releases/tag/${encodeURIComponent(tag)}` : null,
        data: { tag, previous: previous.latestVersion, published_at: current.latestVersionAt?.toISOString() ?? null, repo: current.repo },
      },
    ];
  });
}

export const release: EventSource<SnapshotPair[]> = {
  load: (db, run) => snapshotPairsOfRun(db, run.id),
  derive: releaseEvents,
};
