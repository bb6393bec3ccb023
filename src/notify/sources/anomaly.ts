/** `anomaly`: the report's anomaly flags (snapshot_anomalies: stars fell over 5 %, repository changed) raised by the run. */
import { anomaliesOfRun } from '../../store/event-facts.js';
import { repoUrl, type EventDraft, type EventSource } from '../event.js';

type AnomalyRow = Awaited<ReturnType<typeof anomaliesOfRun>>[number];

export function anomalyEvents(rows: AnomalyRow[]): EventDraft[] {
  return rows.map((row) => ({
    // The figures name the change: a backfill that sees the same drop (or move) again adds nothing.
    key: `anomaly:${row.slug}:${row.kind}:${row.before ?? ''}->${row.after ?? ''}`,
    kind: 'anomaly',
    sourceUrl: null,
    slug: row.slug,
    title: `${row.framework}: ${row.detail}`,
    summary: row.detail,
    url: row.repo ? repoUrl(row.repo) : null,
    data: { anomaly: row.kind, before: row.before, after: row.after },
  }));
}

export const anomaly: EventSource<AnomalyRow[]> = {
  load: (db, run) => anomaliesOfRun(db, run.id),
  derive: anomalyEvents,
};
