import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseText } from './fixtures.ts';
import type { CaseInput } from '../../schemas/case.ts';
import type { Organization } from '../../schemas/organization.ts';
import type { WorkCalendar } from '../../lib/calendar/calendar.ts';
import type { SubjectCase } from '../../lib/github/desired-issues.ts';
import { calendarFor } from '../../lib/calendar/holidays.ts';
import { parseOrganization } from '../../lib/organization/organization.ts';
import { validateCases } from '../../lib/cases/validate.ts';

/** A small organization.yml for tests: two organizers, handling 20 / filing 30 / reminder 5 working days. */
export const TEST_ORGANIZATION_YML = `organization:
  name: Testpraktijk
  email: klachten@example.org
  postal_address: "Postbus 1, 1000 AA Amsterdam"
  website: https://example.org
site_url: https://example.org/klachten/
organizers:
  - { key: anouk, name: Anouk Test, github: anouk-o4a }
  - { key: bram, name: Bram Test, github: bram-o4a }
deadlines: { filing_workdays: 30, handling_workdays: 20, reminder_workdays: 5 }
time_zone: Europe/Amsterdam
categories: [{ key: afspraken, label: Afspraken }]
causes: [{ key: planning, label: Planning }]
escalation:
  { name: Solopartners, committee: Klachtencommissie, website: https://example.org/sp, description: Extern.,
    procedure: { submitted_by: organizer, how: per e-mail, officer: Eerst bemiddelt de functionaris., disputes_body: Dan beslist de instantie., term: Binnen een jaar., cost: Gratis. } }
retention: { years_after_closing: 2 }
`;

/** A case as a test writes it: an id and a received date, everything else with fictional defaults. */
export type CaseSpec = Partial<CaseInput> & { id: string; received: string; text?: string };

/** The text of a case file for `spec`. */
export function caseFileText(spec: CaseSpec): string {
  const { text, ...fields } = spec;
  const n = spec.id.slice(-3);
  const data: Record<string, unknown> = {
    organizer: 'anouk',
    status: 'open',
    channel: 'email',
    categories: ['afspraken'],
    complainant: { name: `Fictieve Klant ${n}`, email: `klant${n}@example.org` },
    ...fields,
  };
  if (data.anonymized) delete data.complainant;
  return caseText(data, `${text ?? 'Fictieve klacht.'}\n`);
}

/** The test organization, its calendar and the validated cases (in memory, paths `cases/YYYY/…`). */
export function loadFixture(specs: readonly CaseSpec[]): { org: Organization; cal: WorkCalendar; cases: SubjectCase[] } {
  const org = parseOrganization('organization.yml', TEST_ORGANIZATION_YML);
  const cal = calendarFor(org);
  const files = specs.map((s) => ({ path: `cases/${s.id.slice(2, 6)}/${s.id}.md`, text: caseFileText(s) }));
  const result = validateCases(files, org, cal);
  if (result.errorCount > 0)
    throw new Error(`fixture invalid:\n${result.problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join('\n')}`);
  return { org, cal, cases: result.cases.map((r) => ({ file: r.file, data: r.data })) };
}

/** A temporary project folder with organization.yml and `cases/YYYY/K-….md` for `specs`. */
export async function writeFixtureDir(specs: readonly CaseSpec[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'klachten-'));
  await writeFile(join(dir, 'organization.yml'), TEST_ORGANIZATION_YML);
  for (const s of specs) {
    await mkdir(join(dir, 'cases', s.id.slice(2, 6)), { recursive: true });
    await writeFile(join(dir, 'cases', s.id.slice(2, 6), `${s.id}.md`), caseFileText(s));
  }
  return dir;
}
