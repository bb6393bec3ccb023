/** The shape every finding rule returns, and the date arithmetic they share. */
import type { Finding } from './types.js';

/** A finding before it is placed in an article (source, position, names). */
export type Found = Pick<Finding, 'finding' | 'severity' | 'detail' | 'evidence'>;

const DAY_MS = 86_400_000;

/** Whole days from `then` to `now`. */
export const daysAgo = (then: Date, now: Date): number => Math.floor((now.getTime() - then.getTime()) / DAY_MS);

export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
