import { z } from 'zod';
import { isoDate, key, text } from './common.ts';
import { say, t } from './language.ts';

/** The message for a count that must be a whole number (zero only where the example allows it). */
const wholeNumber = (example: string) =>
  say(`verwacht een heel getal, bijvoorbeeld ${example}`, `expected a whole number, e.g. ${example}`);
/** The message for a list that needs at least one entry. */
const atLeastOne = (field: string) =>
  say(
    `noem er minstens één, bijvoorbeeld ${field}: [{ key: communicatie, label: Communicatie }]`,
    `list at least one, e.g. ${field}: [{ key: communicatie, label: Communicatie }]`,
  );

const labelled = z.strictObject({
  key: key.meta({ description: 'Korte sleutel, gebruikt in de klachtdossiers (bijv. "communicatie").' }),
  label: text.meta({ description: 'Nederlandse omschrijving, zoals in rapport en formulieren.' }),
});

/** An organizer: a Professional Organizer & Coach who handles complaints (art. 4.2, 6.1). */
export const organizerSchema = z.strictObject({
  key: key.meta({ description: 'Korte sleutel van de begeleider, gebruikt als `organizer:` in een dossier.' }),
  name: text.meta({ description: 'Naam van de Professional Organizer & Coach.' }),
  github: z
    .string()
    .regex(
      /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/,
      say('verwacht een GitHub-gebruikersnaam, bijvoorbeeld "anouk-o4a"', 'expected a GitHub login, e.g. "anouk-o4a"'),
    )
    .meta({ description: 'GitHub-gebruikersnaam: aan haar worden termijn-issues toegewezen.' }),
});

const uniqueKeys = <T extends { key: string }>(list: T[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.key))
      ctx.addIssue({
        code: 'custom',
        path: [i, 'key'],
        message: t(`sleutel "${item.key}" komt twee keer voor; geef elke sleutel maar één keer`, `duplicate key "${item.key}"`),
      });
    seen.add(item.key);
  });
};

/** The texts that describe the escalation body's procedure, in one language; each goes into letters and the public page as it is. */
const procedureTexts = z.strictObject({
  how: text.meta({
    description:
      'Hoe de klacht bij de klachtencommissie komt: adres, e-mail of formulier, als deel van een zin ("per e-mail aan …"). Spreek de klager aan met "u".',
  }),
  officer: text.meta({ description: 'Wat de klachtenfunctionaris doet: eerst bemiddelen. Eén of twee korte zinnen, B1.' }),
  disputes_body: text.meta({ description: 'Wat de geschilleninstantie doet als bemiddelen niet lukt. Eén of twee korte zinnen, B1.' }),
  term: text.meta({ description: 'Binnen welke termijn de klager bij de commissie terecht kan. Eén korte zin.' }),
  cost: text.meta({ description: 'Wat het de klager kost. Eén of twee korte zinnen.' }),
});

/** The escalation body's procedure (art. 1.6, 3.2, 4.7): who submits, how, the term, the cost, the officer and the disputes body. */
const procedureSchema = z
  .strictObject({
    submitted_by: z
      .enum(
        ['organizer', 'complainant'],
        say('verwacht organizer (de begeleider legt voor) of complainant (de klager legt voor)', 'expected organizer or complainant'),
      )
      .meta({
        description:
          'Wie de klacht aan de klachtencommissie voorlegt: organizer (de begeleider, met toestemming van de klager; art. 4.7) of complainant (de klager zelf).',
      }),
    ...procedureTexts.shape,
    en: procedureTexts
      .optional()
      .meta({ description: 'Dezelfde teksten in het Engels, voor de Engelse publieke pagina (anders toont die de Nederlandse).' }),
  })
  .meta({
    description:
      'Art. 1.6, 3.2, 4.7: hoe een klacht bij de klachtencommissie komt. Brieven, publieke pagina en handleiding nemen deze teksten over.',
  });

/** A processor that holds the case files for the organization (AVG art. 28), as the privacy texts name it. */
const processorSchema = z.strictObject({
  name: text.meta({ description: 'Naam van de verwerker, bijv. "GitHub, Inc.".' }),
  task: text.meta({
    description: 'Wat de verwerker voor de praktijk doet, als deel van een zin ("bewaart de dossiers in een privé-repository").',
  }),
  task_en: text.optional().meta({ description: 'Hetzelfde in het Engels, voor de Engelse publieke pagina.' }),
  country: text.meta({ description: 'Waar de verwerker de gegevens verwerkt, bijv. "de Verenigde Staten".' }),
  country_en: text.optional().meta({ description: 'Hetzelfde in het Engels ("the United States").' }),
  transfer: text.optional().meta({
    description:
      'Alleen buiten de EER: de grond voor de doorgifte (AVG art. 45 of 46), bijv. het EU-VS Data Privacy Framework. Leeg binnen de EER.',
  }),
  transfer_en: text.optional().meta({ description: 'Hetzelfde in het Engels.' }),
  agreement: text.meta({
    description: 'De verwerkersovereenkomst (AVG art. 28 lid 3), bijv. "GitHub Data Protection Agreement". Zie docs/handleiding.md.',
  }),
});

/** GitHub as the processor of the case files: the default, since the cases live in a private GitHub repository. */
export const GITHUB_PROCESSOR = {
  name: 'GitHub, Inc.',
  task: 'bewaart de dossiers in een afgeschermde (privé-)opslagplaats',
  task_en: 'stores the case files in a private repository',
  country: 'de Verenigde Staten',
  country_en: 'the United States',
  transfer:
    'GitHub is aangesloten bij het EU-VS Data Privacy Framework (adequaatheidsbesluit van de Europese Commissie van 10 juli 2023, art. 45 AVG); daarnaast gelden de standaardcontractbepalingen van de Europese Commissie in de verwerkersovereenkomst (art. 46 AVG)',
  transfer_en:
    'GitHub participates in the EU-U.S. Data Privacy Framework (adequacy decision of the European Commission of 10 July 2023, Art. 45 GDPR); the European Commission’s standard contractual clauses in the processing agreement apply as well (Art. 46 GDPR)',
  agreement: 'GitHub Data Protection Agreement',
} as const;

/** The privacy facts that differ per practice (AVG art. 13, 30): the texts of the public notice, the access report and the register. */
const privacySchema = z
  .strictObject({
    contact: z
      .email(say('verwacht een e-mailadres, bijvoorbeeld privacy@example.nl', 'expected an e-mail address, e.g. privacy@example.nl'))
      .optional()
      .meta({ description: 'E-mailadres voor privacyvragen en -verzoeken; zonder dit veld organization.email.' }),
    dpo: text
      .optional()
      .meta({ description: 'Alleen als de praktijk een functionaris voor gegevensbescherming heeft (AVG art. 37): naam en e-mailadres.' }),
    legal_obligation: text.optional().meta({
      description:
        'Alleen als een wet de praktijk een klachtenregeling oplegt (bijv. "de Wet kwaliteit, klachten en geschillen zorg (Wkkgz)"): dan noemen de teksten ook AVG art. 6 lid 1 onder c.',
    }),
    legal_obligation_en: text.optional().meta({ description: 'Hetzelfde in het Engels.' }),
    processors: z
      .array(processorSchema)
      .default([{ ...GITHUB_PROCESSOR }])
      .meta({
        description: 'Wie de dossiers voor de praktijk verwerkt (AVG art. 28): standaard GitHub. Voeg bijv. uw e-mailaanbieder toe.',
      }),
  })
  .meta({ description: 'AVG: de privacyfeiten die per praktijk verschillen (privacyverklaring, inzage, verwerkingsregister).' });

/** organization.yml: the organization's facts, read by the checker, the public site and the report. */
export const organizationSchema = z.strictObject({
  organization: z
    .strictObject({
      name: text.meta({ description: 'Naam van de organisatie.' }),
      email: z
        .email(say('verwacht een e-mailadres, bijvoorbeeld klachten@example.nl', 'expected an e-mail address, e.g. klachten@example.nl'))
        .meta({ description: 'E-mailadres voor klachten.' }),
      phone: text.optional().meta({ description: 'Telefoonnummer.' }),
      postal_address: text.meta({ description: 'Postadres voor klachten per brief, op één regel.' }),
      website: z
        .url(say('verwacht een webadres zoals https://www.example.nl', 'expected a URL such as https://www.example.nl'))
        .meta({ description: 'Website.' }),
    })
    .meta({ description: 'Naam en contactgegevens van de organisatie.' }),
  site_url: z
    .url(
      say(
        'verwacht het publieke adres van de site, bijvoorbeeld https://example.github.io/klachtenregeling/',
        'expected the public address of the site, e.g. https://example.github.io/klachtenregeling/',
      ),
    )
    .meta({ description: 'Adres waarop de publieke site staat (voor canonieke URL’s).' }),
  organizers: z
    .array(organizerSchema)
    .min(1, say('noem minstens één begeleider (key, name, github)', 'list at least one organizer (key, name, github)'))
    .superRefine(uniqueKeys)
    .meta({ description: 'De begeleiders (Professional Organizers & Coaches) die klachten behandelen.' }),
  deadlines: z
    .strictObject({
      filing_workdays: z
        .int(wholeNumber('filing_workdays: 30'))
        .positive(wholeNumber('filing_workdays: 30'))
        .default(30)
        .meta({ description: 'Art. 4.1: indienen binnen zoveel werkdagen na afronding van de opdracht.' }),
      handling_workdays: z
        .int(wholeNumber('handling_workdays: 20'))
        .positive(wholeNumber('handling_workdays: 20'))
        .default(20)
        .meta({ description: 'Art. 5.4 en 6.2: schriftelijk afhandelen binnen zoveel werkdagen.' }),
      reminder_workdays: z
        .int(wholeNumber('reminder_workdays: 5'))
        .nonnegative(wholeNumber('reminder_workdays: 5'))
        .default(5)
        .meta({ description: 'Waarschuw zoveel werkdagen vóór de afhandeltermijn.' }),
      acknowledgement_workdays: z
        .int(wholeNumber('acknowledgement_workdays: 5'))
        .positive(wholeNumber('acknowledgement_workdays: 5'))
        .default(5)
        .meta({
          description: 'Eigen norm (de regeling noemt geen termijn): de ontvangst bevestigen binnen zoveel werkdagen na ontvangst.',
        }),
      correction_workdays: z.int(wholeNumber('correction_workdays: 5')).positive(wholeNumber('correction_workdays: 5')).default(5).meta({
        description: 'Art. 4.1: zoveel werkdagen na de bevestiging van een mondelinge klacht kan de klager de tekst nog verbeteren.',
      }),
    })
    .meta({ description: 'Termijnen in werkdagen.' }),
  time_zone: z
    .literal(
      'Europe/Amsterdam',
      say(
        'alleen "Europe/Amsterdam" kan: de regeling telt Nederlandse werkdagen',
        'only "Europe/Amsterdam" is supported: the regulation counts Dutch working days',
      ),
    )
    .default('Europe/Amsterdam')
    .meta({ description: 'Tijdzone die bepaalt welke datum "vandaag" is.' }),
  calendar: z
    .strictObject({
      extra_non_working_days: z
        .array(isoDate)
        .default([])
        .meta({ description: 'Extra niet-werkdagen (bijv. bij besluit aangewezen brugdagen), als JJJJ-MM-DD.' }),
    })
    .default({ extra_non_working_days: [] })
    .meta({ description: 'Kalender naast de feestdagen van de Algemene termijnenwet.' }),
  categories: z.array(labelled).min(1, atLeastOne('categories')).superRefine(uniqueKeys).meta({ description: 'Klachtcategorieën.' }),
  causes: z.array(labelled).min(1, atLeastOne('causes')).superRefine(uniqueKeys).meta({ description: 'Oorzaakcodes (art. 2.2).' }),
  escalation: z
    .strictObject({
      name: text.meta({
        description: 'Naam van de externe instantie, zoals de klachtenregeling die noemt (bijvoorbeeld Geschillencommissie Zorg).',
      }),
      committee: text.meta({ description: 'Naam van de klachtencommissie.' }),
      website: z
        .url(say('verwacht een webadres zoals https://www.example.nl', 'expected a URL such as https://www.example.nl'))
        .meta({ description: 'Website van de klachtencommissie.' }),
      description: text.meta({ description: 'Wat de instantie doet, in één of twee zinnen.' }),
      description_en: text
        .optional()
        .meta({ description: 'Hetzelfde in het Engels, voor de Engelse publieke pagina (anders toont die de Nederlandse tekst).' }),
      procedure: procedureSchema,
    })
    .meta({ description: 'Art. 1.6 en 4.7: waar een klager terecht kan die niet tevreden is.' }),
  retention: z
    .strictObject({
      years_after_closing: z
        .int(wholeNumber('years_after_closing: 2'))
        .positive(wholeNumber('years_after_closing: 2'))
        .default(2)
        .meta({ description: 'Na zoveel jaar na afsluiting worden persoonsgegevens verwijderd (AVG).' }),
    })
    .default({ years_after_closing: 2 })
    .meta({ description: 'Bewaartermijn van persoonsgegevens in afgesloten dossiers.' }),
  // issue 21: the practice's own sentences in every letter (Inrichten writes them)
  letters: z
    .strictObject({
      opening: text
        .optional()
        .meta({ description: 'Eigen zin na de aanhef van elke brief (bijv. "Dank u wel dat u mij schreef."), in de ik-vorm, B1.' }),
      closing: text
        .optional()
        .meta({ description: 'Eigen zin boven de groet van elke brief (bijv. "Heeft u vragen? Bel mij gerust."), in de ik-vorm, B1.' }),
    })
    .optional()
    .meta({ description: 'Eigen zinnen in de brieven aan de klager (templates/: brief.openingszin, brief.slotzin).' }),
  privacy: privacySchema.default({ processors: [{ ...GITHUB_PROCESSOR }] }),
});

/** organization.yml as written. */
export type OrganizationInput = z.input<typeof organizationSchema>;
/** organization.yml after validation, defaults filled in. */
export type Organization = z.output<typeof organizationSchema>;
