// The public site the end-to-end tests share (test/e2e/global-setup.ts builds it once): a temporary copy of
// the project whose organization.yml names another organization (other numbers, names, address, custom
// domain) and whose cases/ holds a canary case. The site must show the new facts everywhere, and nothing of the case.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSite, projectCopy } from '../../tools/site-build.ts';
import { SECOND_REGULATION } from '../helpers/second-practice.ts';

export const CANARY_ID = 'K-2026-987';
export const CANARY = [
  'Kanarie Quaxelbeek',
  'Piepstraat 17a, 9999 ZZ Kanariedorp',
  'kanarie.quaxelbeek@example.invalid',
  '+31 6 98765432',
  'Vogelaar Zwiepjes',
  'schoonzus-kanarie',
  'bevinding-kanarie-7781',
  'conclusie-kanarie-5512',
  'SP-KANARIE-0001',
  'verbeteractie-kanarie-3344',
  'klachttekst-kanarie-9090',
  'notitie-kanarie-4242',
];
export const canaryCase = `---
id: ${CANARY_ID}
organizer: anouk
received: 2026-05-04
assignment_completed: 2026-04-20
channel: email
status: escalated
complainant:
  name: ${CANARY[0]}
  address: ${CANARY[1]}
  email: ${CANARY[2]}
  phone: "${CANARY[3]}"
  representative:
    name: ${CANARY[4]}
    relation: ${CANARY[5]}
categories: [kosten]
causes: [tarief]
response:
  date: 2026-05-20
  findings: ${CANARY[6]}
  conclusions: ${CANARY[7]}
escalation:
  date: 2026-06-01
  reference: ${CANARY[8]}
improvements:
  - action: ${CANARY[9]}
    owner: anouk
    due: 2026-09-30
---
${CANARY[10]}

${CANARY[11]}
`;

/** organization.yml with every public fact changed. */
export const otherOrganization = (yml: string) =>
  yml
    .replace(/name: Organize4all/, 'name: Ordelijk Thuis')
    .replace('klachten@organize4all.nl', 'zorgen@ordelijk-thuis.example')
    .replace('"+31 6 12345678"', '"+31 20 7654321"')
    .replace(/postal_address: .*/, 'postal_address: "Ordelijk Thuis, Antwoordnummer 555, 2000 ZZ Haarlem"')
    .replace('https://www.organize4all.nl', 'https://www.ordelijk-thuis.example')
    .replace('https://organize4all.github.io/klachtenregeling/', 'https://klachten.ordelijk-thuis.example/')
    .replace('years_after_closing: 2', 'years_after_closing: 3')
    .replace(
      /escalation:[\s\S]*?\nretention:/,
      `escalation:
  name: Geschillenhuis Noord
  committee: Commissie van Geschillenhuis Noord
  website: https://geschillenhuis-noord.example/klachten
  description: Het Geschillenhuis Noord beslist onafhankelijk over klachten.
  description_en: Geschillenhuis Noord decides independently on complaints.
  procedure:
    submitted_by: complainant
    how: met het formulier op geschillenhuis-noord.example/indienen
    officer: Eerst bemiddelt een klachtenfunctionaris van het Geschillenhuis.
    disputes_body: Lukt dat niet, dan beslist de geschillencommissie.
    term: Dat kan tot zes maanden na ons antwoord.
    cost: Het kost u 25 euro.
retention:`,
    );

/**
 * Build the shared site: copy the project, add the canary case, change organization.yml and the regulation to the
 * second practice's (test/helpers/second-practice.ts), run astro build.
 */
export async function buildSharedSite(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const copy = await projectCopy();
  try {
    await writeFile(join(copy.dir, 'cases/2026', `${CANARY_ID}.md`), canaryCase);
    const yml = await readFile(join(copy.dir, 'organization.yml'), 'utf8');
    const changed = otherOrganization(yml);
    if (/Organize4all|Solopartners/i.test(changed.replace(/#.*$/gm, ''))) throw new Error('otherOrganization left a fact of Organize4all');
    await writeFile(join(copy.dir, 'organization.yml'), changed);
    // its own regulation, in Dutch only (the English page then says so)
    await writeFile(join(copy.dir, 'regulation/klachtenreglement.nl.txt'), SECOND_REGULATION);
    await rm(join(copy.dir, 'regulation/klachtenreglement.en.txt'));
    await buildSite(copy.dir);
    return copy;
  } catch (error) {
    await copy.remove();
    throw error;
  }
}
