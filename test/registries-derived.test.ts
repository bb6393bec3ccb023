/** Derived daily downloads for registries that publish only a running total. */
import { describe, expect, it } from 'vitest';
import { derivedDays, startOfUtcDay } from '../src/jobs/stages/registries-derived.js';

describe('derivedDays', () => {
  it('puts a daily run\'s difference on the day the earlier run saw begin', () => {
    expect(derivedDays({ total: 1_000, capturedAt: new Date('2026-12-01T06:00:00Z') }, 1_250, new Date('2026-12-02T06:00:00Z'))).toEqual([{ day: '2026-12-01', downloads: 250 }]);
  });

  it('spreads a longer gap evenly over its days, the remainder on the last, adding up to the difference', () => {
    const days = derivedDays({ total: 0, capturedAt: new Date('2026-11-28T23:30:00Z') }, 100, new Date('2026-12-01T00:10:00Z'));
    expect(days).toEqual([
      { day: '2026-11-28', downloads: 33 },
      { day: '2026-11-29', downloads: 33 },
      { day: '2026-11-30', downloads: 34 },
    ]);
  });

  it('derives nothing within one day or from a total that fell', () => {
    expect(derivedDays({ total: 10, capturedAt: new Date('2026-12-01T01:00:00Z') }, 20, new Date('2026-12-01T23:00:00Z'))).toEqual([]);
    expect(derivedDays({ total: 10, capturedAt: new Date('2026-11-30T01:00:00Z') }, 5, new Date('2026-12-01T01:00:00Z'))).toEqual([]);
  });

  it('startOfUtcDay is midnight UTC of the same day', () => {
    expect(startOfUtcDay(new Date('2026-12-01T23:59:59Z')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});
