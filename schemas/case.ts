import { z } from 'zod';
import { isoDate, key, text } from './common.ts';
import { say, t } from './language.ts';
import type { Organization } from './organization.ts';
// the one exception to schemas/ importing nothing: the words of the case's fields (tools/architecture.ts)
import { vocabulary } from '../lib/vocabulary/index.ts';

/** The file name a case id must have: K-YYYY-NNN. */
export const CASE_ID = /^K-(\d{4})-(\d{3,})$/;

/** How the complaint came in (art. 1.1: oral or written; art. 4.1: made in writing). */
export const CHANNELS = ['email', 'letter', 'form', 'oral'] as const;
/** The states of a case; `resolved` and `escalated` need a written response (art. 4.6, 5.5). */
export const STATUSES = ['open', 'resolved', 'escalated', 'withdrawn'] as const;
/** Handling steps of art. 5.1–5.3, plus mediation (art. 4.3, 5.5). */
export const STEP_KINDS = ['information_given', 'complainant_heard', 'third_party_information', 'mediation'] as const;

const contact = {
  email: z
    .email(say('verwacht een e-mailadres, bijvoorbeeld naam@example.nl', 'expected an e-mail address, e.g. naam@example.nl'))
    .optional()
    .meta({ description: 'E-mailadres.' }),
  phone: text.optional().meta({ description: 'Telefoonnummer.' }),
  address: text.optional().meta({ description: 'Postadres.' }),
};

/** The message for a field that must be a list, with an example of one. */
const list = (example: string) => say(`verwacht een lijst, bijvoorbeeld ${example}`, `expected a list, e.g. ${example}`);

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
  kind: z.enum(STEP_KINDS, say(`verwacht één van ${STEP_KINDS.join(', ')}`, `expected one of ${STEP_KINDS.join(', ')}`)).meta({
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
  owner: text.meta({ description: 'Wie het uitvoert (sleutel van een begeleider of een naam).' }),
  due: isoDate.optional().meta({ description: 'Streefdatum.' }),
  done: isoDate.optional().meta({ description: 'Datum waarop het gedaan is.' }),
});

/** The frontmatter of a case file `cases/YYYY/K-YYYY-NNN.md`, checked on its own (no configuration). */
export const caseShape = z.strictObject({
  id: z
    .string()
    .regex(CASE_ID, say('verwacht een dossiernummer zoals K-2026-001', 'expected an id such as K-2026-001'))
    .meta({ description: 'Dossiernummer K-JJJJ-NNN, gelijk aan de bestandsnaam.' }),
  organizer: key.meta({
    description: 'Sleutel van de verantwoordelijke begeleider (Professional Organizer & Coach, art. 6.1), uit organization.yml.',
  }),
  received: isoDate.meta({ description: 'Datum waarop de klacht is ontvangen: dag 0 van de afhandeltermijn.' }),
  assignment_completed: isoDate
    .optional()
    .meta({ description: 'Datum waarop de opdracht is afgerond: dag 0 van de indieningstermijn (art. 4.1).' }),
  status: z
    .enum(STATUSES, say(`verwacht één van ${STATUSES.join(', ')}`, `expected one of ${STATUSES.join(', ')}`))
    .meta({ description: 'open, resolved, escalated of withdrawn.' }),
  channel: z
    .enum(CHANNELS, say(`verwacht één van ${CHANNELS.join(', ')}`, `expected one of ${CHANNELS.join(', ')}`))
    .meta({ description: 'Hoe de klacht binnenkwam (art. 1.1, 4.1).' }),
  written_confirmation: isoDate
    .optional()
    .meta({ description: 'Bij een mondelinge klacht: datum waarop de klacht schriftelijk is bevestigd (art. 4.1).' }),
  acknowledged: isoDate.optional().meta({ description: 'Datum waarop de ontvangst aan de klager is bevestigd.' }),
  client_informed: isoDate.optional().meta({
    description:
      'Art. 3: datum waarop de cliënt op deze klachtenregeling en de klachtencommissie (organization.yml, escalation) is gewezen.',
  }),
  complainant: complainantSchema.optional().meta({ description: 'Art. 1.2: de klager. Persoonsgegevens; verwijderd na de bewaartermijn.' }),
  categories: z
    .array(key, list('categories: [communicatie, kosten]'))
    .min(
      1,
      say(
        'noem minstens één categorie uit organization.yml, bijvoorbeeld: categories: [communicatie]',
        'list at least one category from organization.yml, e.g. categories: [communicatie]',
      ),
    )
    .meta({ description: 'Categorieën uit organization.yml.' }),
  causes: z.array(key, list('causes: [informatie]')).default([]).meta({ description: 'Art. 2.2: oorzaakcodes uit organization.yml.' }),
  steps: z
    .array(stepSchema, list('steps: [{ kind: complainant_heard, date: 2026-11-24 }]'))
    .default([])
    .meta({ description: 'Art. 5.1–5.3: behandelstappen met datum.' }),
  response: responseSchema.optional().meta({ description: 'Art. 4.6, 5.5: de schriftelijke afhandeling.' }),
  satisfied: z
    .boolean(say('verwacht true (ja) of false (nee), bijvoorbeeld satisfied: true', 'expected true or false, e.g. satisfied: true'))
    .optional()
    .meta({ description: 'Art. 2.3, 4.7: is de klager tevreden met de afhandeling?' }),
  escalation: z
    .strictObject({
      date: isoDate.meta({ description: 'Datum waarop de klacht is voorgelegd aan de klachtencommissie.' }),
      reference: text.optional().meta({ description: 'Kenmerk bij de klachtencommissie.' }),
    })
    .optional()
    .meta({ description: 'Art. 4.7: voorgelegd aan de klachtencommissie (organization.yml, escalation).' }),
  no_escalation_reason: text.optional().meta({
    description:
      'Art. 4.7: waarom een klager die niet tevreden is (satisfied: false) de klacht niet aan de klachtencommissie voorlegt. Vrije tekst; verwijderd na de bewaartermijn.',
  }),
  withdrawn_on: isoDate.optional().meta({ description: 'Datum waarop de klager de klacht heeft ingetrokken.' }),
  improvements: z
    .array(improvementSchema, list('improvements: [{ action: "Afspraken per e-mail bevestigen", owner: anouk }]'))
    .default([])
    .meta({ description: 'Art. 2.4: verbeteracties.' }),
  anonymized: isoDate.optional().meta({ description: 'Datum waarop de persoonsgegevens zijn verwijderd (bewaartermijn).' }),
});

type Shape = z.output<typeof caseShape>;

/** Rules across fields that need no configuration: dates in order, what each status needs. */
export function checkCaseRules(c: Shape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], nl: string, en: string) => ctx.addIssue({ code: 'custom', path, message: t(nl, en) });
  // a field as the werkplek's forms name it (lib/vocabulary), with its key and value for people who edit the file
  const named = (field: 'received' | 'response.date', lang: 'nl' | 'en', date: string) =>
    `"${vocabulary(lang).field[field]}" (${field}: ${date})`;
  const notBefore = (path: (string | number)[], date: string | undefined, floor: string, what: 'received' | 'response.date') => {
    if (date !== undefined && date < floor)
      issue(
        path,
        `${date} ligt vóór ${named(what, 'nl', floor)}; schrijf een datum op of na ${floor}`,
        `${date} is before ${named(what, 'en', floor)}`,
      );
  };
  // received ≤ steps ≤ response ≤ escalation. art. 4.1 sets a latest filing date, not an earliest: a complaint
  // received while the assignment still runs (assignment_completed after received) is valid and not late.
  notBefore(['acknowledged'], c.acknowledged, c.received, 'received');
  notBefore(['written_confirmation'], c.written_confirmation, c.received, 'received');
  c.steps.forEach((s, i) => {
    notBefore(['steps', i, 'date'], s.date, c.received, 'received');
    if (c.response && s.date > c.response.date)
      issue(
        ['steps', i, 'date'],
        `${s.date} ligt na ${named('response.date', 'nl', c.response.date)}; een stap komt vóór de afhandeling`,
        `${s.date} is after ${named('response.date', 'en', c.response.date)}`,
      );
  });
  notBefore(['response', 'date'], c.response?.date, c.received, 'received');
  if (c.escalation)
    notBefore(['escalation', 'date'], c.escalation.date, c.response?.date ?? c.received, c.response ? 'response.date' : 'received');
  notBefore(['withdrawn_on'], c.withdrawn_on, c.received, 'received');
  c.improvements.forEach((a, i) => notBefore(['improvements', i, 'done'], a.done, c.received, 'received'));

  // art. 4.6, 5.5: a closed case has a written response with findings and conclusions
  if (c.status === 'resolved' || c.status === 'escalated') {
    if (!c.response)
      issue(
        ['response'],
        `status "${c.status}" vraagt een schriftelijke afhandeling (art. 4.6, 5.5): response met date, findings en conclusions, bijvoorbeeld response: { date: 2026-11-24, findings: "…", conclusions: "…" }`,
        `status "${c.status}" needs a written response: response.date, findings and conclusions (art. 4.6, 5.5)`,
      );
    else {
      if (!c.response.findings)
        issue(
          ['response', 'findings'],
          `status "${c.status}" vraagt de bevindingen van de schriftelijke afhandeling (art. 5.5), bijvoorbeeld findings: "De factuur was te hoog."`,
          `status "${c.status}" needs the findings of the written response (art. 5.5)`,
        );
      if (!c.response.conclusions)
        issue(
          ['response', 'conclusions'],
          `status "${c.status}" vraagt de conclusies van de schriftelijke afhandeling (art. 5.5), bijvoorbeeld conclusions: "De klacht is gegrond."`,
          `status "${c.status}" needs the conclusions of the written response (art. 5.5)`,
        );
    }
  }
  // art. 4.7: escalated to the complaints committee (organization.yml's escalation), with a date
  if (c.status === 'escalated' && !c.escalation)
    issue(
      ['escalation'],
      'status "escalated" vraagt de datum van voorleggen aan de klachtencommissie (art. 4.7), bijvoorbeeld escalation: { date: 2026-11-24 }',
      'status "escalated" needs escalation.date (art. 4.7)',
    );
  if (c.status !== 'escalated' && c.escalation)
    issue(
      ['status'],
      `er is een escalation maar de status is "${c.status}": zet status: escalated`,
      `has an escalation but status is "${c.status}": set status to escalated`,
    );
  if (c.status === 'withdrawn' && !c.withdrawn_on)
    issue(
      ['withdrawn_on'],
      'status "withdrawn" vraagt de datum waarop de klager de klacht introk, bijvoorbeeld withdrawn_on: 2026-11-24',
      'status "withdrawn" needs withdrawn_on (the date the complainant withdrew)',
    );
  if (c.status !== 'withdrawn' && c.withdrawn_on)
    issue(
      ['status'],
      `er is een withdrawn_on maar de status is "${c.status}": zet status: withdrawn`,
      `has withdrawn_on but status is "${c.status}": set status to withdrawn`,
    );
  if (!c.complainant && !c.anonymized)
    issue(
      ['complainant'],
      'de klager ontbreekt (naam en contactgegevens, art. 1.2), bijvoorbeeld complainant: { name: "Jan de Vries", email: jan@example.nl }',
      'needs the complainant (name and contact), art. 1.2',
    );
  if (c.anonymized && c.complainant)
    issue(
      ['complainant'],
      'een geanonimiseerd dossier bewaart geen klager: verwijder complainant of verwijder anonymized',
      'an anonymized case keeps no complainant: remove it or remove anonymized',
    );
  if (c.anonymized && c.status === 'open')
    issue(['anonymized'], 'een open dossier kan niet geanonimiseerd zijn: verwijder anonymized', 'an open case cannot be anonymized');
}

/** The case schema on its own: shape plus cross-field rules. The JSON Schema for editors derives from it. */
export const caseSchema = caseShape.superRefine(checkCaseRules);

/** The rules that need organization.yml: the organizer, each category and each cause exist there. */
export function organizationRules(org: Organization): (c: Shape, ctx: z.RefinementCtx) => void {
  const organizers = new Set(org.organizers.map((o) => o.key));
  const categories = new Set(org.categories.map((c) => c.key));
  const causes = new Set(org.causes.map((c) => c.key));
  const known = (set: Set<string>) => [...set].join(', ');
  // a value is echoed only when it is a key (letters, digits, hyphens): never free text such as an e-mail address
  const shown = (v: string) =>
    /^[a-z0-9][a-z0-9-]{0,39}$/.test(v) ? `"${v}"` : t('(geen sleutel; waarde niet getoond)', '(not a key; value not shown)');
  const unknown = (ctx: z.RefinementCtx, path: (string | number)[], value: string, set: Set<string>, nl: string, en: string) =>
    ctx.addIssue({
      code: 'custom',
      path,
      message: t(
        `onbekende ${nl} ${shown(value)}; kies één van ${known(set)} (organization.yml), bijvoorbeeld ${[...set][0]}`,
        `unknown ${en} ${shown(value)}; expected one of ${known(set)} (organization.yml)`,
      ),
    });
  return (c, ctx) => {
    if (!organizers.has(c.organizer))
      unknown(ctx, ['organizer'], c.organizer, organizers, vocabulary('nl').role.organizer, vocabulary('en').role.organizer);
    c.categories.forEach((k, i) => {
      if (!categories.has(k)) unknown(ctx, ['categories', i], k, categories, 'categorie', 'category');
    });
    c.causes.forEach((k, i) => {
      if (!causes.has(k)) unknown(ctx, ['causes', i], k, causes, 'oorzaak', 'cause');
    });
  };
}

const compileFor = (org: Organization) => z.compile(caseSchema.superRefine(organizationRules(org)));
/** Compiled schemas by configuration: compiling takes a few milliseconds, and a command or a werkplek page asks again. */
const compiled = new WeakMap<Organization, ReturnType<typeof compileFor>>();

/**
 * The case schema with the rules that need organization.yml ({@link organizationRules}), compiled with zod's
 * `z.compile` (https://zod.dev/compile): a generated fast path checks a valid case in about half the time, and
 * anything it does not pass goes to zod's own parser, so the results and messages are zod's. Compiled once per
 * configuration object (a changed organization.yml is read into a new one).
 */
export function caseSchemaFor(org: Organization) {
  let schema = compiled.get(org);
  if (!schema) compiled.set(org, (schema = compileFor(org)));
  return schema;
}

/** A case file's frontmatter as written. */
export type CaseInput = z.input<typeof caseSchema>;
/** A validated case's frontmatter, defaults filled in. */
export type CaseData = z.output<typeof caseSchema>;
