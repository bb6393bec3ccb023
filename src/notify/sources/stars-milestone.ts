/** `stars-milestone`: a framework's stars crossed 1k, 5k, 10k, 25k, 50k, 100k or 250k since its previous snapshot. */
import { snapshotPairsOfRun, type SnapshotPair } from '../../store/event-facts.js';
import { repoUrl, type EventDraft, type EventSource } from '../event.js';

const MILESTONES = [1_000, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000] as const;

const short = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

export function starsMilestoneEvents(pairs: SnapshotPair[]): EventDraft[] {
  return pairs.flatMap(({ current, previous }) => {
    const before = previous?.stars;
    const after = current.stars;
    if (before === null || before === undefined || after === null) return [];
    // Only the highest milestone crossed: a jump past several is one piece of news.
    const crossed = MILESTONES.filter((m) => before < m && after >= m).at(-1);
    if (crossed === undefined) return [];
    return [
      {
        key: `stars-milestone:${current.slug}:${crossed}`,
        kind: 'stars-milestone',
        sourceUrl: null,
        slug: current.slug,
        title: `${current.framework} passed ${short(crossed)} stars`,
        summary: `${current.framework} has ${after.toLocaleString('en-US')} stars (was ${before.toLocaleString('en-US')})`,
        url: current.repo ? repoUrl(current.repo) : null,
        data: { milestone: crossed, stars: after, previous: before, repo: current.repo },
      },
    ];
  });
}

export const starsMilestone: EventSource<SnapshotPair[]> = {
  load: (db, run) => snapshotPairsOfRun(db, run.id),
  derive: starsMilestoneEvents,
};
