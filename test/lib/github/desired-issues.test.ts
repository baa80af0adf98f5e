import { describe, expect, it } from 'vitest';
import { calendarFor } from '../../../lib/calendar/holidays.ts';
import { flagSubjects } from '../../../lib/github/desired-issues.ts';
import { parseMarker } from '../../../lib/github/issue.ts';
import { ORG } from '../../helpers/fixtures.ts';

const cal = calendarFor(ORG);
const calendarSubject = (today: string) => flagSubjects([], ORG, cal, today).find((s) => s.kind === 'calendar');

describe('the deadline watch and the decreed days (art. 3 lid 3 Atw)', () => {
  it('asks for no issue while today plus 30 working days stays within the known list', () => {
    expect(calendarSubject('2028-11-10')?.flag).toBeNull(); // + 30 working days = 2028-12-22
  });

  it('opens "nieuw gelijkstellingsbesluit opzoeken" once a term starting today runs past it', () => {
    const s = calendarSubject('2028-11-20'); // + 30 working days = 2029-01-04
    expect(s?.key).toBe('decreed-days');
    expect(s?.flag?.title).toBe('Nieuw gelijkstellingsbesluit opzoeken (art. 3 lid 3 Atw)');
    expect(s?.flag?.headline).toContain('31 december 2028');
    expect(s?.flag?.headline).toContain('4 januari 2029');
    expect(s?.flag?.labels).toEqual(['klacht-termijn', 'gelijkgestelde-dagen']);
    expect(s?.flag?.body).toContain('lib/calendar/decreed-days.ts');
  });

  it('its marker round-trips', () => {
    const body = '<!-- klachtenregeling kind=calendar key=decreed-days state=decreed_days assignees=- cases=- -->\nx';
    expect(parseMarker(body)).toEqual({ kind: 'calendar', key: 'decreed-days', state: 'decreed_days', assignees: [], cases: [] });
  });
});
