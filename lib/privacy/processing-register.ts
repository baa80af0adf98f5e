/**
 * The record of processing activities (AVG art. 30) for the complaints register, as a Markdown page generated
 * from organization.yml (`npm run avg-register` writes docs/verwerkingsregister.md). Pure.
 */
import type { Organization } from '../../schemas/organization.ts';
import { basisSentences, listInWords, privacyEmail } from './privacy-texts.ts';

/** The page's first line, which also marks a file this command wrote. */
export const REGISTER_TITLE = '# Verwerkingsregister: klachtenregeling (AVG art. 30)';

const row = (what: string, value: string) => `| ${what} | ${value.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`;

/**
 * The register entry of the complaints register: every item of art. 30(1) (controller, purposes, data subjects and
 * data, recipients, transfers with their safeguards, retention, security measures), with the legal basis, the source
 * and special categories, then what the practice must do itself. Every practice fact comes from organization.yml.
 */
export function processingRegisterMarkdown(org: Organization): string {
  const o = org.organization;
  const processors = org.privacy.processors;
  const transfers = processors.filter((p) => p.transfer);
  const years = org.retention.years_after_closing;
  const lines = [
    REGISTER_TITLE,
    '',
    '<!-- Gemaakt door npm run avg-register uit organization.yml. Wijzig organization.yml en maak deze pagina opnieuw; wijzig haar niet met de hand. -->',
    '',
    `Dit is de vermelding van één verwerking van ${o.name}: het klachtenregister. Andere verwerkingen van de praktijk`,
    '(cliëntdossiers, facturen, de website, e-mail) horen in hetzelfde register, maar staan hier niet: die vult de praktijk',
    'zelf aan. Het register hoeft niet openbaar te zijn; de Autoriteit Persoonsgegevens kan erom vragen (art. 30 lid 4).',
    '',
    '| onderdeel (art. 30 lid 1) | klachtenregister |',
    '| --- | --- |',
    row(
      'a. verwerkingsverantwoordelijke',
      `${o.name}, ${o.postal_address}, ${privacyEmail(org)}${o.phone ? `, ${o.phone}` : ''}${org.privacy.dpo ? `; functionaris voor gegevensbescherming: ${org.privacy.dpo}` : '; geen functionaris voor gegevensbescherming (niet verplicht voor deze verwerking, art. 37)'}`,
    ),
    row(
      'b. doeleinden',
      'Klachten van cliënten behandelen volgens de klachtenregeling (registreren, termijnen bewaken, horen, schriftelijk afhandelen, voorleggen aan de klachtencommissie), en van klachten leren (art. 2 van de regeling; alleen met gegevens zonder namen).',
    ),
    row(
      'grondslag (art. 6, 9)',
      [
        ...basisSentences(org, 'nl'),
        'Bijzondere persoonsgegevens (gezondheid) worden niet gevraagd; bevat een klacht ze, dan alleen voor zover nodig, op grond van art. 9 lid 2 onder f AVG (een klacht kan eindigen bij een geschilleninstantie).',
      ].join(' '),
    ),
    row(
      'c. betrokkenen',
      'Cliënten die klagen; vertegenwoordigers die namens een cliënt klagen (art. 1.2); anderen die in een klacht of aantekening worden genoemd; de begeleiders van de praktijk (naam en GitHub-naam in elke wijziging).',
    ),
    row(
      'c. persoonsgegevens',
      'Naam, e-mailadres, telefoonnummer en adres van klager en vertegenwoordiger, en diens relatie tot de cliënt; de tekst van de klacht; stappen met data en aantekeningen; bevindingen, conclusies, bemiddeling; tevredenheid; kenmerk bij de klachtencommissie. Bijzondere persoonsgegevens (gezondheid) alleen als een klacht ze zelf bevat.',
    ),
    row('bron', 'De klager of de vertegenwoordiger; informatie die de begeleider bij anderen opvraagt (art. 5.3 van de regeling).'),
    row(
      'd. ontvangers',
      listInWords([
        `alle begeleiders van ${o.name} (${org.organizers.length}; elk opent elk dossier in de werkplek)`,
        ...processors.map((p) => `${p.name} als verwerker (${p.task}, in ${p.country}; ${p.agreement})`),
        `de ${org.escalation.committee} (${org.escalation.name}) als een klacht wordt voorgelegd`,
        'wie de begeleider om informatie vraagt (art. 5.3), alleen wat daarvoor nodig is',
      ]) + '.',
    ),
    row(
      'e. doorgifte buiten de EER',
      transfers.length
        ? transfers.map((p) => `${p.name}, ${p.country}: ${p.transfer}.`).join(' ')
        : 'Geen: alle verwerkers verwerken de gegevens binnen de EER.',
    ),
    row(
      'f. bewaartermijn',
      `${years} jaar na afsluiting van de klacht (organization.yml, retention); daarna verwijdert de werkplek (Bewaartermijn) of npm run retention de persoonsgegevens uit het dossier. Wat blijft (data, categorieën, oorzaken, uitkomst) bevat geen namen.`,
    ),
    row(
      'g. beveiliging (art. 32)',
      [
        'De dossiers staan in een privé-repository; alleen de accounts die de praktijk toegang geeft, kunnen ze lezen.',
        'De werkplek draait op de eigen computer en antwoordt alleen op 127.0.0.1, nooit op andere websites (controle van Host en Origin); hij schrijft geen persoonsgegevens in zijn log.',
        'Brieven, inzage-exports en andere documenten komen in mappen die Git negeert en die geen workflow uploadt.',
        'Het interne rapport, de GitHub-issues en de caches bevatten geen persoonsgegevens of klachttekst; de publieke site leest de dossiers niet.',
        'Elke wijziging is een commit met de naam van de begeleider (wie deed wat, wanneer).',
      ].join(' '),
    ),
    '',
    '## Wat de praktijk zelf moet regelen',
    '',
    'Dit register beschrijft wat de software doet. Het klopt pas als de praktijk ook dit doet en bijhoudt:',
    '',
    `- **Toegang.** Alleen de begeleiders in organization.yml hebben toegang tot de repository; haal een account weg zodra iemand vertrekt. Zet tweestapsverificatie aan voor elk account.`,
    '- **Computers.** Versleutel de schijf van elke computer met een kopie van de repository, vergrendel het scherm, en houd het besturingssysteem bijgewerkt.',
    ...processors.map(
      (p) =>
        `- **Verwerkersovereenkomst met ${p.name.replace(/\.$/, '')}.** Zorg dat de ${p.agreement} voor uw account geldt, en bewaar een kopie met datum bij deze administratie (zie docs/handleiding.md, "De verwerkersovereenkomst met GitHub").`,
    ),
    '- **E-mail en andere diensten.** Komen klachten per e-mail binnen, dan is uw e-mailaanbieder ook verwerker: zet hem in organization.yml (privacy.processors) en sluit ook met hem een verwerkersovereenkomst.',
    '- **Datalekken.** Volg de procedure in docs/handleiding.md ("Een datalek") en houd elk datalek bij, ook een dat u niet meldt (art. 33 lid 5).',
    `- **Bewaartermijn.** Open eens per maand de Bewaartermijn in de werkplek en verwijder wat aan de beurt is.`,
    '- **Dit register.** Maak het opnieuw (npm run avg-register) na elke wijziging van organization.yml, en bekijk het minstens eens per jaar.',
    '',
  ];
  return lines.join('\n');
}
