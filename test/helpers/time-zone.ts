import { inject } from 'vitest';

// Set up for every test file of a project with a time zone (vitest.config.ts provides `timeZone` and sets TZ):
// prove that the zone is in effect, in Date and in Intl, before any test runs, so "runs under three time
// zones" is a fact, not a hope.
declare module 'vitest' {
  export interface ProvidedContext {
    timeZone: string;
  }
}

const expected = inject('timeZone');
// Kiritimati is UTC+14 all year, Los Angeles UTC-8 in January: the offset shows the zone is really used
const OFFSETS: Record<string, number> = { 'America/Los_Angeles': 480, 'Pacific/Kiritimati': -840, UTC: 0, 'Europe/Amsterdam': -60 };
const effective = Intl.DateTimeFormat().resolvedOptions().timeZone;
const offset = new Date(2026, 0, 15).getTimezoneOffset();
if (!expected || process.env.TZ !== expected || effective !== expected || (expected in OFFSETS && OFFSETS[expected] !== offset))
  throw new Error(`expected TZ=${expected}, but TZ=${process.env.TZ}, Intl says ${effective}, the offset in January is ${offset} minutes`);
