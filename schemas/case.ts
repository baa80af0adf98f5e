import { z } from 'zod';
import { isoDate, key, text } from './common.ts';
import type { Organization } from './organization.ts';

/** The file name a case id must have: K-YYYY-NNN. */
export const CASE_ID = /^K-(\d{4})-(\d{3,})$/;

/** How the complaint came in (art. 1.1: oral or written; art. 4.1: made in writing). */
export const CHANNELS = ['email', 'letter', 'form', 'oral'] as const;
/** The states of a case; `resolved` and `escalated` need a written response (art. 4.6, 5.5). */
export const STATUSES = ['open', 'resolved', 'escalated', 'withdrawn'] as const;
/** Handling steps of art. 5.1–5.3, plus mediation (art. 4.3, 5.5). */
export const STEP_KINDS = ['information_given', 'complainant_heard', 'third_party_information', 'mediation'] as const;

const contact = {
  email: z.email('expected an e-mail address').optional().meta({ description: 'E-mailadres.' }),
  phone: text.optional().meta({ description: 'Telefoonnummer.' }),
  address: text.optional().meta({ description: 'Postadres.' }),
};

/** The complainant (art. 1.2): the client, or their representative who complains for them. Personal data. */
export const complainantSchema = z.strictObject({
  name: text.meta({ description: 'Naam van de klager (cliënt).' }),
  ...contact,
  representative: z
    .strictObject({
      name: text.meta({ description: 'Naam van de vertegenwoordiger.' }),
      relation: text.optional().meta({ description: 'Relatie tot de cliënt (bijv. "dochter", "bewindvoerder").' }),
      ...contact,
    })
    .optional()
    .meta({ description: 'Art. 1.2: vertegenwoordiger die namens de cliënt klaagt.' }),
});

/** A handling step with its date (art. 5.1–5.3). */
export const stepSchema = z.strictObject({
  kind: z.enum(STEP_KINDS, { error: `expected one of ${STEP_KINDS.join(', ')}` }).meta({
    description: 'information_given (art. 5.1), complainant_heard (art. 5.2), third_party_information (art. 5.3), mediation (art. 4.3).',
  }),
  date: isoDate.meta({ description: 'Datum van de stap (JJJJ-MM-DD).' }),
  note: text.optional().meta({ description: 'Korte interne notitie (blijft in het dossier).' }),
});

/** The written response that closes the handling (art. 4.6, 5.5). */
export const responseSchema = z.strictObject({
  date: isoDate.meta({ description: 'Datum van de schriftelijke afhandeling (art. 4.6, 5.5).' }),
  findings: text.optional().meta({ description: 'Bevindingen (art. 5.5).' }),
  conclusions: text.optional().meta({ description: 'Conclusies (art. 5.5).' }),
  mediation: text.optional().meta({ description: 'Hoe de klacht door bemiddeling is opgelost, als dat zo is (art. 5.5).' }),
});

/** An improvement action that came out of the case (art. 2.4). */
export const improvementSchema = z.strictObject({
  action: text.meta({ description: 'Wat er verbeterd wordt.' }),
  owner: text.meta({ description: 'Wie het uitvoert (sleutel van een organizer of een naam).' }),
  due: isoDate.optional().meta({ description: 'Streefdatum.' }),
  done: isoDate.optional().meta({ description: 'Datum waarop het gedaan is.' }),
});

/** The frontmatter of a case file `cases/YYYY/K-YYYY-NNN.md`, checked on its own (no configuration). */
export const caseShape = z.strictObject({
  id: z
    .string()
    .regex(CASE_ID, 'expected an id such as K-2026-001')
    .meta({ description: 'Dossiernummer K-JJJJ-NNN, gelijk aan de bestandsnaam.' }),
  organizer: key.meta({ description: 'Sleutel van de verantwoordelijke Professional Organizer & Coach (art. 6.1), uit organization.yml.' }),
  received: isoDate.meta({ description: 'Datum waarop de klacht is ontvangen: dag 0 van de afhandeltermijn.' }),
  assignment_completed: isoDate
    .optional()
    .meta({ description: 'Datum waarop de opdracht is afgerond: dag 0 van de indieningstermijn (art. 4.1).' }),
  status: z
    .enum(STATUSES, { error: `expected one of ${STATUSES.join(', ')}` })
    .meta({ description: 'open, resolved, escalated of withdrawn.' }),
  channel: z
    .enum(CHANNELS, { error: `expected one of ${CHANNELS.join(', ')}` })
    .meta({ description: 'Hoe de klacht binnenkwam (art. 1.1, 4.1).' }),
  written_confirmation: isoDate
    .optional()
    .meta({ description: 'Bij een mondelinge klacht: datum waarop de klacht schriftelijk is bevestigd (art. 4.1).' }),
  acknowledged: isoDate.optional().meta({ description: 'Datum waarop de ontvangst aan de klager is bevestigd.' }),
  client_informed: isoDate
    .optional()
    .meta({ description: 'Art. 3: datum waarop de cliënt op deze klachtenregeling en Solopartners is gewezen.' }),
  complainant: complainantSchema.optional().meta({ description: 'Art. 1.2: de klager. Persoonsgegevens; verwijderd na de bewaartermijn.' }),
  categories: z
    .array(key)
    .min(1, 'list at least one category from organization.yml')
    .meta({ description: 'Categorieën uit organization.yml.' }),
  causes: z.array(key).default([]).meta({ description: 'Art. 2.2: oorzaakcodes uit organization.yml.' }),
  steps: z.array(stepSchema).default([]).meta({ description: 'Art. 5.1–5.3: behandelstappen met datum.' }),
  response: responseSchema.optional().meta({ description: 'Art. 4.6, 5.5: de schriftelijke afhandeling.' }),
  satisfied: z.boolean().optional().meta({ description: 'Art. 2.3, 4.7: is de klager tevreden met de afhandeling?' }),
  escalation: z
    .strictObject({
      date: isoDate.meta({ description: 'Datum waarop de klacht is voorgelegd aan de klachtencommissie.' }),
      reference: text.optional().meta({ description: 'Kenmerk bij Solopartners.' }),
    })
    .optional()
    .meta({ description: 'Art. 4.7: voorgelegd aan de Klachtencommissie van Solopartners.' }),
  no_escalation_reason: text.optional().meta({
    description:
      'Art. 4.7: waarom een klager die niet tevreden is (satisfied: false) de klacht niet aan de klachtencommissie voorlegt. Vrije tekst; verwijderd na de bewaartermijn.',
  }),
  withdrawn_on: isoDate.optional().meta({ description: 'Datum waarop de klager de klacht heeft ingetrokken.' }),
  improvements: z.array(improvementSchema).default([]).meta({ description: 'Art. 2.4: verbeteracties.' }),
  anonymized: isoDate.optional().meta({ description: 'Datum waarop de persoonsgegevens zijn verwijderd (bewaartermijn).' }),
});

type Shape = z.output<typeof caseShape>;

/** Rules across fields that need no configuration: dates in order, what each status needs. */
export function checkCaseRules(c: Shape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const notBefore = (path: (string | number)[], date: string | undefined, floor: string, what: string) => {
    if (date !== undefined && date < floor) issue(path, `${date} is before ${what} (${floor})`);
  };
  // received ≤ steps ≤ response ≤ escalation. art. 4.1 sets a latest filing date, not an earliest: a complaint
  // received while the assignment still runs (assignment_completed after received) is valid and not late.
  notBefore(['acknowledged'], c.acknowledged, c.received, 'received');
  notBefore(['written_confirmation'], c.written_confirmation, c.received, 'received');
  c.steps.forEach((s, i) => {
    notBefore(['steps', i, 'date'], s.date, c.received, 'received');
    if (c.response && s.date > c.response.date) issue(['steps', i, 'date'], `${s.date} is after the response (${c.response.date})`);
  });
  notBefore(['response', 'date'], c.response?.date, c.received, 'received');
  if (c.escalation)
    notBefore(['escalation', 'date'], c.escalation.date, c.response?.date ?? c.received, c.response ? 'the response' : 'received');
  notBefore(['withdrawn_on'], c.withdrawn_on, c.received, 'received');
  c.improvements.forEach((a, i) => notBefore(['improvements', i, 'done'], a.done, c.received, 'received'));

  // art. 4.6, 5.5: a closed case has a written response with findings and conclusions
  if (c.status === 'resolved' || c.status === 'escalated') {
    if (!c.response)
      issue(['response'], `status "${c.status}" needs a written response: response.date, findings and conclusions (art. 4.6, 5.5)`);
    else {
      if (!c.response.findings)
        issue(['response', 'findings'], `status "${c.status}" needs the findings of the written response (art. 5.5)`);
      if (!c.response.conclusions)
        issue(['response', 'conclusions'], `status "${c.status}" needs the conclusions of the written response (art. 5.5)`);
    }
  }
  // art. 4.7: escalated to Solopartners' complaints committee, with a date
  if (c.status === 'escalated' && !c.escalation) issue(['escalation'], 'status "escalated" needs escalation.date (art. 4.7)');
  if (c.status !== 'escalated' && c.escalation) issue(['status'], `has an escalation but status is "${c.status}": set status to escalated`);
  if (c.status === 'withdrawn' && !c.withdrawn_on)
    issue(['withdrawn_on'], 'status "withdrawn" needs withdrawn_on (the date the complainant withdrew)');
  if (c.status !== 'withdrawn' && c.withdrawn_on)
    issue(['status'], `has withdrawn_on but status is "${c.status}": set status to withdrawn`);
  if (!c.complainant && !c.anonymized) issue(['complainant'], 'needs the complainant (name and contact), art. 1.2');
  if (c.anonymized && c.complainant) issue(['complainant'], 'an anonymized case keeps no complainant: remove it or remove anonymized');
  if (c.anonymized && c.status === 'open') issue(['anonymized'], 'an open case cannot be anonymized');
}

/** The case schema on its own: shape plus cross-field rules. The JSON Schema for editors derives from it. */
export const caseSchema = caseShape.superRefine(checkCaseRules);

/** The case schema with the rules that need organization.yml: organizer, categories and causes exist. */
export function caseSchemaFor(org: Organization) {
  const organizers = new Set(org.organizers.map((o) => o.key));
  const categories = new Set(org.categories.map((c) => c.key));
  const causes = new Set(org.causes.map((c) => c.key));
  const known = (set: Set<string>) => [...set].join(', ');
  // a value is echoed only when it is a key (letters, digits, hyphens): never free text such as an e-mail address
  const shown = (v: string) => (/^[a-z0-9][a-z0-9-]{0,39}$/.test(v) ? `"${v}"` : '(not a key; value not shown)');
  return caseSchema.superRefine((c, ctx) => {
    if (!organizers.has(c.organizer))
      ctx.addIssue({
        code: 'custom',
        path: ['organizer'],
        message: `unknown organizer ${shown(c.organizer)}; expected one of ${known(organizers)} (organization.yml)`,
      });
    c.categories.forEach((k, i) => {
      if (!categories.has(k))
        ctx.addIssue({
          code: 'custom',
          path: ['categories', i],
          message: `unknown category ${shown(k)}; expected one of ${known(categories)} (organization.yml)`,
        });
    });
    c.causes.forEach((k, i) => {
      if (!causes.has(k))
        ctx.addIssue({
          code: 'custom',
          path: ['causes', i],
          message: `unknown cause ${shown(k)}; expected one of ${known(causes)} (organization.yml)`,
        });
    });
  });
}

/** A case file's frontmatter as written. */
export type CaseInput = z.input<typeof caseSchema>;
/** A validated case's frontmatter, defaults filled in. */
export type CaseData = z.output<typeof caseSchema>;
