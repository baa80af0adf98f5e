import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localDateIn } from '../../io/today.ts';
import { todayIn } from '../../lib/dates/iso-date.ts';

describe('localDateIn', () => {
  it.each([
    ['2026-11-23T22:59:59Z', '2026-11-23'], // CET: 23:59:59
    ['2026-11-23T23:00:00Z', '2026-11-24'], // CET: midnight
    ['2026-06-30T21:59:59Z', '2026-06-30'], // CEST: 23:59:59
    ['2026-06-30T22:00:00Z', '2026-07-01'], // CEST: midnight
    ['2026-03-29T00:30:00Z', '2026-03-29'], // the night summer time starts
    ['2026-10-24T22:30:00Z', '2026-10-25'], // the night summer time ends
  ])('%s is %s in Amsterdam', (instant, date) => {
    expect(localDateIn(new Date(instant), 'Europe/Amsterdam')).toBe(date);
  });

  it('agrees with Intl (lib todayIn) on any instant from 1990 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 11, 31) }), (ms) => {
        expect(localDateIn(new Date(ms), 'Europe/Amsterdam')).toBe(todayIn(new Date(ms), 'Europe/Amsterdam'));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves the process time zone as it was, set or not', () => {
    const before = process.env.TZ;
    const offsets = () => [new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(), new Date(Date.UTC(2026, 6, 15)).getTimezoneOffset()];
    try {
      for (const tz of [undefined, 'UTC', 'America/New_York', 'Asia/Tokyo']) {
        if (tz === undefined) delete process.env.TZ;
        else process.env.TZ = tz;
        const expected = offsets();
        localDateIn(new Date(), 'Europe/Amsterdam');
        expect(process.env.TZ).toBe(tz);
        expect(offsets()).toEqual(expected);
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
