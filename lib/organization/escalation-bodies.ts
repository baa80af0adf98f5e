import type { OrganizationInput } from '../../schemas/organization.ts';

/** The `escalation` block of organization.yml. */
export type Escalation = OrganizationInput['escalation'];

/** An escalation body the project knows (art. 1.6, 4.7): its `escalation` block as Inrichten writes it, and where its facts come from. */
export interface KnownBody {
  /** Its choice in Inrichten and `npm run inrichten -- --body`. */
  id: string;
  escalation: Escalation;
  /** The pages its facts were checked against; a practice checks them again against its own agreement with the body. */
  sources: readonly string[];
}

/**
 * The bodies a practice can choose in Inrichten, each with what the body itself says on its website (see `sources`):
 * who submits, how, the term and the cost. Where the body's site gives no figure the text sends the complainant to the
 * site instead of guessing one. A practice whose agreement says otherwise describes its body itself ("Andere instantie").
 */
export const KNOWN_BODIES: readonly KnownBody[] = [
  {
    id: 'solopartners',
    // The texts the project shipped for its first practice, taken from Solopartners' regulation (organization.yml).
    escalation: {
      name: 'Solopartners',
      committee: 'Klachtencommissie van Solopartners',
      website: 'https://www.solopartners.nl/klachtenregeling',
      description:
        'Solopartners biedt een externe klachtenfunctionaris en een door het ministerie erkende, onafhankelijke geschilleninstantie (Wkkgz).',
      description_en:
        'Solopartners offers an external complaints officer and an independent disputes body recognised by the Dutch ministry (Wkkgz).',
      procedure: {
        submitted_by: 'organizer',
        how: 'per e-mail aan Solopartners, via het klachtenformulier op www.solopartners.nl/klachtenregeling',
        officer:
          'Eerst praat een onafhankelijke klachtenfunctionaris van Solopartners met beide partijen. Zij zoekt samen met u naar een oplossing.',
        disputes_body:
          'Lukt dat niet? Dan kunt u de klacht voorleggen aan de geschilleninstantie. Die doet een uitspraak. Daar moeten beide partijen zich aan houden.',
        term: 'Naar de geschilleninstantie kunt u tot één jaar nadat u uw klacht indiende.',
        cost: 'De klachtenfunctionaris kost u niets. Voor de geschilleninstantie betaalt u een bijdrage in de kosten. Het bedrag staat op de website van Solopartners.',
        en: {
          how: 'by e-mail to Solopartners, through the complaint form at www.solopartners.nl/klachtenregeling',
          officer:
            'First an independent complaints officer of Solopartners talks with both sides, and looks for a solution together with you.',
          disputes_body:
            'If that does not work, you can take the complaint to the disputes body. It gives a decision that binds both sides.',
          term: 'You can go to the disputes body up to one year after you made your complaint.',
          cost: 'The complaints officer costs you nothing. The disputes body asks a contribution to its costs; the amount is on the Solopartners website.',
        },
      },
    },
    sources: ['https://www.solopartners.nl/klachtenregeling'],
  },
  {
    id: 'geschillencommissie-zorg',
    escalation: {
      name: 'De Geschillencommissie Zorg',
      committee: 'Geschillencommissie Zorg',
      website: 'https://www.degeschillencommissiezorg.nl/',
      description:
        'De Geschillencommissie Zorg is een onafhankelijke geschilleninstantie (Wkkgz). Zij behandelt een klacht die u en de zorgaanbieder samen niet konden oplossen, en doet een uitspraak.',
      description_en:
        'The Geschillencommissie Zorg is an independent disputes body (Wkkgz). It handles a complaint that you and the care provider could not solve together, and gives a decision.',
      procedure: {
        // "U dient uw klacht bij ons in door het klachtformulier in te vullen" (de-procedure)
        submitted_by: 'complainant',
        how: 'via het klachtformulier op www.degeschillencommissiezorg.nl',
        officer:
          'De Geschillencommissie Zorg bemiddelt niet zelf. Een klachtenfunctionaris kan eerst bemiddelen, zodat u en de begeleider samen een oplossing vinden.',
        disputes_body:
          'Lukt dat niet? Dan onderzoekt de Geschillencommissie Zorg uw klacht. Zij hoort beide partijen en doet een uitspraak. Daar moeten beide partijen zich aan houden.',
        // "binnen een jaar bij ons indienen nadat u deze bij de zorgaanbieder heeft gemeld" (vragen/termijn-klacht-indienen)
        term: 'U kunt tot één jaar nadat u uw klacht bij de begeleider indiende naar de Geschillencommissie Zorg.',
        // klachtengeld, returned when the committee finds for the complainant (clienten/kosten)
        cost: 'U betaalt klachtengeld. Het bedrag staat op de website van de Geschillencommissie Zorg. Krijgt u gelijk, dan krijgt u het terug.',
        en: {
          how: 'through the complaint form at www.degeschillencommissiezorg.nl',
          officer:
            'The Geschillencommissie Zorg does not mediate itself. A complaints officer can first mediate, so that you and the organizer find a solution together.',
          disputes_body:
            'If that does not work, the Geschillencommissie Zorg examines your complaint. It hears both sides and gives a decision that binds both sides.',
          term: 'You can go to the Geschillencommissie Zorg up to one year after you made your complaint to the organizer.',
          cost: 'You pay a complaint fee; the amount is on the website of the Geschillencommissie Zorg. If you are proved right, you get it back.',
        },
      },
    },
    sources: [
      'https://www.degeschillencommissiezorg.nl/de-procedure/',
      'https://www.degeschillencommissiezorg.nl/vragen/termijn-klacht-indienen/',
      'https://www.degeschillencommissiezorg.nl/clienten/kosten/',
    ],
  },
  {
    id: 'klachtenportaal-zorg',
    escalation: {
      name: 'Klachtenportaal Zorg',
      committee: 'klachtenfunctionaris van Klachtenportaal Zorg',
      website: 'https://klachtenportaalzorg.nl/',
      description:
        'Klachtenportaal Zorg biedt een onafhankelijke klachtenfunctionaris. Lost bemiddeling de klacht niet op, dan kunt u naar de Geschillencommissie KPZ.',
      description_en:
        'Klachtenportaal Zorg offers an independent complaints officer. If mediation does not solve the complaint, you can go to the Geschillencommissie KPZ.',
      procedure: {
        // "U kunt onvrede of een klacht melden bij Klachtenportaal Zorg" … "per email of per post" (client-patient)
        submitted_by: 'complainant',
        how: 'per e-mail of per post aan Klachtenportaal Zorg; de adressen staan op klachtenportaalzorg.nl',
        officer:
          'Een onafhankelijke klachtenfunctionaris van Klachtenportaal Zorg neemt uw klacht in behandeling. Zij bemiddelt tussen u en de begeleider.',
        disputes_body:
          'Lukt bemiddelen niet? Dan kunt u de klacht voorleggen aan de Geschillencommissie KPZ. Die doet een bindend advies. Daar moeten beide partijen zich aan houden.',
        // the site names no term in words; the dispute rules (geschillenreglement) do
        term: 'Tot wanneer u bij de Geschillencommissie KPZ terechtkunt, staat in haar geschillenreglement op geschillencommissiekpz.nl.',
        // "Er zijn voor u geen kosten verbonden aan de inzet van een klachtenfunctionaris"; griffiegeld (geschillencommissiekpz.nl/procedure)
        cost: 'De klachtenfunctionaris kost u niets. Voor de Geschillencommissie KPZ betaalt u griffiegeld. Het bedrag staat op geschillencommissiekpz.nl.',
        en: {
          how: 'by e-mail or by post to Klachtenportaal Zorg; the addresses are on klachtenportaalzorg.nl',
          officer:
            'An independent complaints officer of Klachtenportaal Zorg takes up your complaint and mediates between you and the organizer.',
          disputes_body:
            'If mediation does not work, you can take the complaint to the Geschillencommissie KPZ. It gives a decision that binds both sides.',
          term: 'Until when you can go to the Geschillencommissie KPZ is in its dispute rules on geschillencommissiekpz.nl.',
          cost: 'The complaints officer costs you nothing. The Geschillencommissie KPZ asks a court fee; the amount is on geschillencommissiekpz.nl.',
        },
      },
    },
    sources: [
      'https://klachtenportaalzorg.nl/client-patient/',
      'https://klachtenportaalzorg.nl/klachtenfunctionaris/',
      'https://geschillencommissiekpz.nl/procedure/',
    ],
  },
];

/** The known body whose `escalation` block this is (same name and website), if any. */
export function knownBodyOf(escalation: { name: string; website: string }): KnownBody | undefined {
  return KNOWN_BODIES.find((b) => b.escalation.name === escalation.name && b.escalation.website === escalation.website);
}
