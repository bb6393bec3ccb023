/**
 * The change events: their kinds, and the shape of a source of them. A source reads what a finished run
 * stored (`load`, through src/store) and derives its events from those rows (`derive`, pure); sources.ts
 * lists them.
 */
import type { Db } from '../store/database.js';
import type { EventDraft } from '../store/events.js';

export type { EventDraft };

export const EVENT_KINDS = ['article-changed', 'release', 'stars-milestone', 'anomaly', 'finding-new', 'finding-resolved', 'run-failed'] as const;

/** The finished run events are derived for. */
export interface FinishedRun {
  id: number;
  status: 'succeeded' | 'partial' | 'failed';
  error: string | null;
}

export interface EventSource<Facts> {
  load(db: Db, run: FinishedRun): Promise<Facts>;
  derive(facts: Facts, run: FinishedRun): EventDraft[];
}

export const repoUrl = (repo: string) => `https://github.com/${repo}`;
