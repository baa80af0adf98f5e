import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../lib/analytics/report.ts';
import { makeCase, org, reportCases, resolved } from '../../helpers/analytics-fixtures.ts';

describe('compareYears: the year page against the previous year (the yearly review)', () => {
  const cases = reportCases(
    [
      // 2025: two answered on time (Mon 3 Mar + 20 working days = Mon 31 Mar), one cause
      resolved('K-2025-001', '2025-03-03', '2025-03-20', { causes: ['planning'], satisfied: true }),
      resolved('K-2025-002', '2025-03-03', '2025-03-31', { causes: ['planning'], satisfied: true }),
      // 2026: one on time, one late, one withdrawn; another cause
      resolved('K-2026-001', '2026-03-02', '2026-03-10', { causes: ['tarief'], satisfied: false }),
      resolved('K-2026-002', '2026-03-02', '2026-04-30', { causes: ['planning'] }),
      makeCase({ id: 'K-2026-003', received: '2026-03-02', status: 'withdrawn', withdrawn_on: '2026-03-04' }),
    ],
    '2026-06-15',
  );
  const report = buildReport(cases, org, '2026-06-15');
  const y2026 = report.years.find((y) => y.year === 2026)!;
  const row = (label: string) => y2026.comparison!.rows.find((r) => r.label === label);

  it('has none for the first year', () => expect(report.years[0]!.comparison).toBeNull());
  it('compares numbers, timeliness, outcomes and causes, with the change in words', () => {
    expect(y2026.comparison).toMatchObject({ previous_year: 2025, until: '2026-06-15' }); // 2026 still runs
    expect(row('Ontvangen klachten')).toMatchObject({ group: 'Aantallen', previous: '2', current: '3', change: '+1' });
    expect(row('Binnen de termijn afgehandeld')).toMatchObject({
      group: 'Tijdigheid',
      previous: '100%',
      current: '50%',
      change: '−50 procentpunt',
    });
    expect(row('Ingetrokken')).toMatchObject({ group: 'Uitkomsten', previous: '0', current: '1', change: '+1' });
    expect(row('Planning of afspraak niet nagekomen')).toMatchObject({ group: 'Oorzaken', previous: '2', current: '1', change: '−1' });
    expect(row('Onduidelijkheid over tarief of factuur')).toMatchObject({ previous: '0', current: '1', change: '+1' });
    // a cause named in neither year is left out
    expect(row('Verwachtingen niet goed afgestemd')).toBeUndefined();
    expect(row('Klager tevreden')).toMatchObject({ previous: '100%', current: '0%' });
  });
});
