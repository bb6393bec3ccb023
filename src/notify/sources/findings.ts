/**
 * `finding-new` / `finding-resolved`: the review findings a run opened or no longer found (src/review,
 * the findings table). Each opening of a finding has its own row, so its id keys both events: a finding
 * that comes back later is new again. Unverified docs and link checks stay out of the feed as they stay out of
 * `review` without `--all`.
 */
import { isUnverifiedFinding } from '../../domain/unverified.js';
import { findingChangesOfRun, type FindingChange } from '../../store/event-facts.js';
import type { EventDraft, EventSource } from '../event.js';

export function findingEvents(rows: FindingChange[]): EventDraft[] {
  return rows
    .filter((row) => !isUnverifiedFinding(row.finding))
    .map((row) => {
      const kind = row.opened ? 'finding-new' : 'finding-resolved';
      const about = row.framework ?? row.sourceUrl;
      return {
        key: `${kind}:${row.id}`,
        kind,
        sourceUrl: row.sourceUrl,
        slug: row.slug || null,
        title: `${about}: ${row.finding}${row.opened ? ` (${row.severity})` : ' resolved'}`,
        summary: row.detail,
        url: row.sourceUrl,
        data: { finding: row.finding, severity: row.severity },
      };
    });
}

export const findings: EventSource<FindingChange[]> = {
  load: (db, run) => findingChangesOfRun(db, run.id),
  derive: findingEvents,
};
