import { describe, expect, it } from 'vitest';
import { daysBetween, localDate, parseWindow, startOfDayBefore, wallClock } from '../src/report/dates.js';

describe('report day arithmetic in STACKRADAR_TZ', () => {
  it('parses windows in days, weeks, months and years, and refuses anything else', () => {
    expect([parseWindow('30d'), parseWindow('2w'), parseWindow('6m'), parseWindow('1y')]).toEqual([30, 14, 180, 365]);
    for (const bad of ['', '30', 'd', '0d', '-1d', '1.5d', '30 days', '999y']) expect(() => parseWindow(bad), bad).toThrow(/invalid --since/);
  });

  it('counts calendar days in the zone, not 24-hour periods', () => {
    const release = new Date('2026-01-30T23:30:00Z');
    const asOf = new Date('2026-01-31T06:00:00Z');
    expect(daysBetween(release, asOf, 'UTC')).toBe(1);
    // In Tokyo both moments fall on January 31st.
    expect(daysBetween(release, asOf, 'Asia/Tokyo')).toBe(0);
    expect(localDate(asOf, 'America/Los_Angeles')).toBe('2026-01-30');
  });

  it('starts a window at local midnight, across a DST change', () => {
    // Berlin switched to summer time on 2026-03-29: midnight before is UTC+1, after is UTC+2.
    const asOf = new Date('2026-04-02T10:00:00Z');
    expect(startOfDayBefore(asOf, 7, 'Europe/Berlin').toISOString()).toBe('2026-03-25T23:00:00.000Z');
    expect(startOfDayBefore(asOf, 1, 'Europe/Berlin').toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(startOfDayBefore(asOf, 30, 'UTC').toISOString()).toBe('2026-03-03T00:00:00.000Z');
    expect(wallClock(asOf, 'Europe/Berlin').toISOString()).toBe('2026-04-02T12:00:00.000Z');
  });
});
