/**
 * Every source of events. A finished run (succeeded or partial) is read by the change sources; a failed
 * one stored nothing visible, so only `run-failed` speaks for it.
 */
import type { Db } from '../store/database.js';
import type { EventDraft, EventSource, FinishedRun } from './event.js';
import { anomaly } from './sources/anomaly.js';
import { articleChanged } from './sources/article-changed.js';
import { findings } from './sources/findings.js';
import { release } from './sources/release.js';
import { runFailed } from './sources/run-failed.js';
import { starsMilestone } from './sources/stars-milestone.js';

type Collect = (db: Db, run: FinishedRun) => Promise<EventDraft[]>;

/** A source as one step: read its rows, derive its events. */
const collect =
  <Facts>(source: EventSource<Facts>): Collect =>
  async (db, run) =>
    source.derive(await source.load(db, run), run);

const CHANGE_SOURCES = [collect(articleChanged), collect(release), collect(starsMilestone), collect(anomaly), collect(findings)];
const FAILURE_SOURCES = [collect(runFailed)];

/** The events a finished run caused, source by source. */
export async function deriveRunEvents(db: Db, run: FinishedRun): Promise<EventDraft[]> {
  const drafts: EventDraft[] = [];
  for (const source of run.status === 'failed' ? FAILURE_SOURCES : CHANGE_SOURCES) drafts.push(...(await source(db, run)));
  return drafts;
}
