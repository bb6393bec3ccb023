/** `article-changed`: a run stored a new version of an article whose entries were added, removed or changed. */
import { diffEntries } from '../../domain/diff.js';
import { articleChangesOfRun, type VersionChange } from '../../store/event-facts.js';
import type { EventDraft, EventSource } from '../event.js';

const names = (list: string[]) => (list.length > 3 ? `${list.slice(0, 3).join(', ')} and ${list.length - 3} more` : list.join(', '));

export function articleChangedEvents(changes: VersionChange[]): EventDraft[] {
  return changes.flatMap((version) => {
    const diff = diffEntries(version.before, version.after);
    // A version whose entries are all the same (text or metadata only) is no change to a reader of the list.
    if (diff.length === 0) return [];
    const of = (kind: string) => diff.filter((c) => c.change === kind).map((c) => c.framework);
    const added = of('added');
    const removed = of('removed');
    const changed = [...new Set(of('changed'))];
    const parts = [added.length && `added ${names(added)}`, removed.length && `removed ${names(removed)}`, changed.length && `changed ${names(changed)}`];
    return [
      {
        key: `article-changed:${version.sourceUrl}:${version.versionId}`,
        kind: 'article-changed',
        sourceUrl: version.sourceUrl,
        slug: null,
        title: `${version.title ?? version.sourceUrl}: ${added.length} added, ${removed.length} removed, ${changed.length} changed`,
        summary: parts.filter(Boolean).join('; '),
        url: version.sourceUrl,
        data: { version: version.versionId, previous_version: version.previousId, added, removed, changed },
      },
    ];
  });
}

export const articleChanged: EventSource<VersionChange[]> = {
  load: (db, run) => articleChangesOfRun(db, run.id),
  derive: articleChangedEvents,
};
