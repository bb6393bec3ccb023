/**
 * Day arithmetic in the report's time zone (STACKRADAR_TZ): calendar dates, the start of a window,
 * and ages in days counted across local midnights, so a report reads the same wherever it is run.
 */
import { UsageError } from '../errors.js';

const DAY_MS = 86_400_000;
const UNIT_DAYS: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 };

/** `30d`, `12w`, `6m` (30 days each) or `1y` (365 days) → days. */
export function parseWindow(text: string): number {
  const match = /^(\d+)([dwmy])$/.exec(text.trim());
  const days = match ? Number(match[1]) * UNIT_DAYS[match[2]!]! : 0;
  if (!match || days < 1 || days > 36_500) {
    throw new UsageError(`invalid --since ${JSON.stringify(text)}: expected a window such as 7d, 30d, 12w, 6m or 1y`);
  }
  return days;
}

function parts(date: Date, timeZone: string): Record<string, number> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const result: Record<string, number> = {};
  for (const part of format.formatToParts(date)) if (part.type !== 'literal') result[part.type] = Number(part.value);
  return result;
}

/**
 * The instant whose UTC fields read as the wall-clock time in `timeZone`: charts plot these on a UTC
 * scale, so their axes show local dates without depending on the time zone of the process.
 */
export function wallClock(date: Date, timeZone: string): Date {
  const p = parts(date, timeZone);
  return new Date(Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!, date.getUTCMilliseconds()));
}

/** `YYYY-MM-DD` of the local calendar day. */
export function localDate(date: Date, timeZone: string): string {
  return wallClock(date, timeZone).toISOString().slice(0, 10);
}

/** Whole local days from `earlier` to `later` (0 on the same calendar day). */
export function daysBetween(earlier: Date, later: Date, timeZone: string): number {
  const day = (date: Date) => Date.parse(localDate(date, timeZone)) / DAY_MS;
  return day(later) - day(earlier);
}

/** Local midnight `days` calendar days before the day of `date`, as an instant. */
export function startOfDayBefore(date: Date, days: number, timeZone: string): Date {
  const target = Date.parse(localDate(date, timeZone)) - days * DAY_MS;
  // Local midnight is target minus the zone's offset at that moment; a second pass settles DST edges.
  let instant = target;
  for (let i = 0; i < 2; i++) instant = target - (wallClock(new Date(instant), timeZone).getTime() - instant);
  return new Date(instant);
}
