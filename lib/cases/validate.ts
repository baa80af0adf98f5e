import { caseSchemaFor, type CaseData } from '../../schemas/case.ts';
import type { Organization } from '../../schemas/organization.ts';
import { workdaysBetween, type WorkCalendar } from '../calendar/calendar.ts';
import { parseCaseFile, type CaseRecord } from './case-file.ts';
import { acknowledgementOf, filingDeadline } from '../deadlines/deadlines.ts';
import { formatDate } from '../dates/iso-date.ts';
import { lineOf } from '../problems/yaml-source.ts';
import type { Problem } from '../problems/problems.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { truncatedTextWarnings } from './free-text.ts';
import { t } from '../../schemas/language.ts';
import { checkCaseSet, type FileCheck, type Validation } from './case-set.ts';

export type { FileCheck, Validation };

/** A file to check: its path (as reported) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** Check one case file: schema, configuration (organizer, categories, causes) and warnings. Pure. */
export function checkCaseFile(f: SourceFile, schema: ReturnType<typeof caseSchemaFor>, org: Organization, cal: WorkCalendar): FileCheck {
  const split = splitFrontmatter(f.text); // once, for the parse and every line asked for
  const { record, problems } = parseCaseFile(f.path, f.text, schema, split);
  const line = (field: string) => (split.ok ? lineOf(split.yamlText, [field]) : 1);
  if (record) problems.push(...caseWarnings(record, org, cal, line));
  // a hand-edited free text cut short at " #" (valid YAML, so only a warning)
  if (split.ok && !problems.some((p) => p.field.startsWith('('))) problems.push(...truncatedTextWarnings(f.path, split.yamlText));
  return { file: f.path, record, problems, idLine: line('id') };
}

/**
 * Check case files against the schema and organization.yml, and across files (unique ids).
 * Pure: the caller reads the files. Warnings (a late filing, an oral complaint not confirmed in writing)
 * never make a case invalid.
 */
export function validateCases(files: readonly SourceFile[], org: Organization, cal: WorkCalendar): Validation {
  const schema = caseSchemaFor(org);
  return checkCaseSet(files.map((f) => checkCaseFile(f, schema, org, cal)));
}

/** Warnings about a valid case: things to look at that do not make it invalid. */
function caseWarnings(r: CaseRecord, org: Organization, cal: WorkCalendar, line: (field: string) => number): Problem[] {
  const c: CaseData = r.data;
  const out: Problem[] = [];
  const warn = (field: string, message: string) => out.push({ file: r.file, line: line(field), field, message, severity: 'warning' });
  const filing = filingDeadline(c, cal, org.deadlines);
  // art. 4.1: a late filing is flagged, never refused
  if (filing !== null && c.received > filing)
    warn(
      'received',
      t(
        `te laat ingediend: ontvangen op ${c.received}, na de indieningstermijn van ${formatDate(filing)} (${org.deadlines.filing_workdays} werkdagen na ${c.assignment_completed}, art. 4.1); de klacht wordt toch behandeld`,
        `filed late: received ${c.received}, after the filing deadline ${formatDate(filing, 'en')} (${org.deadlines.filing_workdays} working days after ${c.assignment_completed}, art. 4.1)`,
      ),
    );
  // the organization's own standard (organization.yml acknowledgement_workdays; the regulation names no term):
  // the receipt acknowledged within that many working days; a late one is flagged, the date stays as it is
  const ack = c.acknowledged && acknowledgementOf(c, cal, org.deadlines, c.acknowledged);
  if (ack && ack.state === 'late')
    warn(
      'acknowledged',
      t(
        `ontvangst laat bevestigd: op ${formatDate(c.acknowledged!)}, ${workdaysBetween(cal, c.received, c.acknowledged!)} werkdagen na ontvangst (${formatDate(c.received)}); de eigen norm is uiterlijk ${formatDate(ack.due)}, ${org.deadlines.acknowledgement_workdays} werkdagen na ontvangst (acknowledgement_workdays in organization.yml)`,
        `receipt acknowledged late: on ${formatDate(c.acknowledged!, 'en')}, ${workdaysBetween(cal, c.received, c.acknowledged!)} working days after receipt (${formatDate(c.received, 'en')}); the own standard is ${formatDate(ack.due, 'en')}, ${org.deadlines.acknowledgement_workdays} working days after receipt (acknowledgement_workdays in organization.yml)`,
      ),
    );
  // art. 4.1: complaints are made in writing
  if (c.channel === 'oral' && !c.written_confirmation)
    warn(
      'channel',
      t(
        'een mondelinge klacht heeft nog geen written_confirmation: bevestig de klacht schriftelijk (art. 4.1) en noteer de datum, bijvoorbeeld written_confirmation: 2026-11-24',
        'an oral complaint has no written_confirmation date yet: confirm the complaint in writing (art. 4.1)',
      ),
    );
  // art. 4.7: a complainant who is not satisfied can go to the complaints committee
  if (c.status === 'resolved' && c.satisfied === false && !c.no_escalation_reason)
    warn(
      'satisfied',
      `de klager is niet tevreden (satisfied: false) en de klacht is niet voorgelegd: leg voor aan de ${org.escalation.committee} ` +
        '(status: escalated met escalation.date), of leg vast waarom niet (no_escalation_reason: "Klager ziet af van voorleggen") (art. 4.7)',
    );
  // art. 5.5: the response says how mediation resolved the complaint, only when it did: a case closed with a
  // satisfied complainant; a mediation that failed (not satisfied, escalated) asks for no such text
  const mediation = c.steps.findIndex((s) => s.kind === 'mediation');
  if (mediation >= 0 && c.response && !c.response.mediation && c.status === 'resolved' && c.satisfied !== false)
    warn(
      'response',
      'er is een bemiddelingsstap (steps: mediation) maar response.mediation ontbreekt: heeft de bemiddeling de klacht opgelost, schrijf dan in de afhandeling hoe (art. 5.5)',
    );
  // art. 3: the client is told of this regulation and the committee at the start of the assignment (offer,
  // order confirmation, terms), so the date is a fact of the assignment, asked at registration
  // asked at registration; a case is closed only with the date (an open one may still wait for the organizer to look it up)
  if (!c.client_informed && (c.status === 'resolved' || c.status === 'escalated'))
    warn(
      'client_informed',
      t(
        `er staat niet wanneer de cliënt is gewezen op de klachtenregeling en de ${org.escalation.committee} (art. 3). Dat gebeurt bij de start van de opdracht, meestal in de opdrachtbevestiging: noteer die datum (niet de datum van vandaag), bijvoorbeeld client_informed: 2026-03-02`,
        `client_informed is missing: when was the client told of this regulation and the committee (art. 3)? Usually the date of the order confirmation, e.g. client_informed: 2026-03-02`,
      ),
    );
  else if (c.client_informed && c.client_informed > c.received)
    warn(
      'client_informed',
      t(
        `de cliënt is pas op ${formatDate(c.client_informed)} gewezen op de klachtenregeling, na de klacht (ontvangen ${formatDate(c.received)}). Art. 3 vraagt dat bij de start van de opdracht, meestal in de opdrachtbevestiging: noteer die datum als die er is`,
        `the client was told of the regulation only on ${c.client_informed}, after the complaint (received ${c.received}); art. 3 asks for it at the start of the assignment (usually the order confirmation)`,
      ),
    );
  return out;
}
