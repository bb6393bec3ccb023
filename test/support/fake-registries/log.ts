/** Politeness measured from the fake registries' request log: the busiest window, and the most requests in flight. */
import type { RequestLogEntry } from './index.js';

/** The most requests that arrived within any window of `ms`. */
export function busiest(entries: RequestLogEntry[], ms: number): number {
  const times = entries.map((e) => e.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] ?? 0) - (times[j] ?? 0) >= ms) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** The most requests in flight at once, from arrival to answer. */
export function mostInFlight(entries: RequestLogEntry[]): number {
  const events = entries.flatMap((e) => [{ t: e.at, d: 1 }, { t: e.doneAt, d: -1 }]).sort((a, b) => a.t - b.t || a.d - b.d);
  let now = 0;
  let most = 0;
  for (const e of events) most = Math.max(most, (now += e.d));
  return most;
}
