/**
 * Daily rows for registries that publish only a running total (RubyGems, Hex, NuGet): the downloads
 * between two runs are the difference of their totals, spread evenly over the UTC days from the earlier
 * run's day up to the day before the later run (a daily run puts each difference on one day: the day
 * the earlier run saw begin). Pure: totals and moments in, days out.
 */
import type { DailyDownloads } from '../../enrich/registries/types.js';

const DAY_MS = 86_400_000;

const dayOf = (moment: Date) => Math.floor(moment.getTime() / DAY_MS);
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The start of `now`'s UTC day: a derived difference starts from a total captured before it. */
export const startOfUtcDay = (now: Date) => new Date(dayOf(now) * DAY_MS);

/**
 * The days between `previous` and `now` with `total - previous.total` shared among them (the remainder
 * on the last day, so the days add up to the difference). None when the total fell (a registry's
 * correction) or no whole day lies between.
 */
export function derivedDays(previous: { total: number; capturedAt: Date }, total: number, now: Date): DailyDownloads[] {
  const first = dayOf(previous.capturedAt);
  const count = dayOf(now) - first;
  const difference = total - previous.total;
  if (count < 1 || difference < 0) return [];
  const each = Math.floor(difference / count);
  return Array.from({ length: count }, (_, i) => ({
    day: isoDay(first + i),
    downloads: i === count - 1 ? difference - each * (count - 1) : each,
  }));
}
