// A second, made-up practice: "Ordelijk Thuis", with another complaints body (Geschillenhuis Noord), another
// organizer and its own regulation, written the way many practices write one (Markdown, "Artikel 2 –", "Art. 2.2",
// a numbered list, an article without rules) and without an English text. The shared public build
// (test/e2e/shared-site.ts) and the no-names test (test/e2e/second-practice.test.ts) use it.

/** The regulation of Ordelijk Thuis, as its owner wrote it: the text its public page must show word for word. */
export const SECOND_REGULATION = `# Klachtenregeling Ordelijk Thuis

Vastgesteld op 1 maart 2026.

## Artikel 1 – Begrippen

1.1 Klacht: elke uiting van ongenoegen over de dienstverlening van Ordelijk Thuis.
1.2 Klager: de cliënt of diens vertegenwoordiger.

## Artikel 2 – Indienen

Art. 2.1 Een klacht dient u schriftelijk in bij uw begeleider.
Art. 2.2 De klacht kan maximaal 30 werkdagen na afronding van de opdracht worden ingediend.

## Artikel 3 – Behandeling

1. De begeleider bevestigt de ontvangst binnen 5 werkdagen.
2. Geheimhouding en privacy zijn onder alle omstandigheden gewaarborgd.
3. De klacht dient binnen maximaal 20 werkdagen schriftelijk door Ordelijk Thuis afgehandeld te zijn.

## Artikel 4 – Geschillen

Bent u niet tevreden over de afhandeling, dan kunt u de klacht voorleggen aan het Geschillenhuis Noord.
`;

/** The names of the first practice that no output for the second may hold. */
export const FIRST_PRACTICE_NAMES = /organize4all|solopartners/i;
