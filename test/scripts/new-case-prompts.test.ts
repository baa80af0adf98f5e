import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KEY, inPseudoTerminal } from '../helpers/pseudo-terminal.ts';
import { tempProject } from '../helpers/temp-project.ts';

const projects: ReturnType<typeof tempProject>[] = [];
afterEach(() => {
  for (const p of projects.splice(0)) p.cleanup();
});
const project = () => {
  const p = tempProject();
  projects.push(p);
  return p;
};
const frontmatter = (text: string) => parse(text.split(/^---$/m)[1]!) as Record<string, unknown>;
const clear = KEY.backspace.repeat(20);

describe('npm run new-case in a terminal (a pseudo-terminal drives the prompts)', () => {
  it("asks in Dutch, re-asks only a wrong answer, asks the representative's contact details, and the complaint last", async () => {
    const p = project();
    const term = inPseudoTerminal(p.dir, 'new-case.ts', ['--today', '2026-03-10'], { KLACHTEN_LANG: 'nl' });
    await term.answer(/Begeleider die de klacht behandelt/, KEY.enter); // the first: anouk
    await term.answer(/Datum van ontvangst \(JJJJ-MM-DD\)/, `02-03-2026${KEY.enter}`);
    // a Dutch date: that one question again, with the date in the right form as the example
    await term.answer(/schrijf een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-02/, `${clear}2026-03-02${KEY.enter}`);
    await term.answer(/Hoe kwam de klacht binnen\?/, KEY.down + KEY.enter); // brief (post)
    await term.answer(/Klager: naam van de cliënt/, `Canary Prompt${KEY.enter}`);
    await term.answer(/E-mailadres van de cliënt/, `geen-adres${KEY.enter}`);
    await term.answer(/verwacht een e-mailadres, bijvoorbeeld naam@example\.nl/, `${clear}canary@example.org${KEY.enter}`);
    await term.answer(/Telefoonnummer van de cliënt/, KEY.enter);
    await term.answer(/Postadres van de cliënt/, KEY.enter);
    await term.answer(/Naam van de vertegenwoordiger/, `Dochter Canary${KEY.enter}`);
    await term.answer(/Relatie tot de cliënt/, `dochter${KEY.enter}`);
    await term.answer(/E-mailadres van de vertegenwoordiger/, `dochter@example.org${KEY.enter}`);
    await term.answer(/Telefoonnummer van de vertegenwoordiger/, `06 11112222${KEY.enter}`);
    await term.answer(/Postadres van de vertegenwoordiger/, `Straat 2, 1234 AB Stad${KEY.enter}`);
    await term.answer(/Datum waarop de opdracht is afgerond/, `2026-02-27${KEY.enter}`);
    await term.answer(
      /Wanneer heeft u de cliënt op de klachtenregeling gewezen\? Meestal de datum van de opdrachtbevestiging/,
      `2025-11-03${KEY.enter}`,
    );
    await term.answer(/Categorieën \(spatie kiest, enter bevestigt\)/, KEY.down + KEY.space + KEY.enter); // afspraken
    await term.answer(/De klacht zoals ontvangen/, `Factuur #12: "te hoog".${KEY.enter}`);
    const { code, output } = await term.done();
    expect(code, output).toBe(0);
    expect(output).toContain('Geregistreerd: K-2026-001');
    // Mon 2 March 2026 + 20 working days = Mon 30 March; Fri 27 Feb + 30 working days (Goede Vrijdag, Tweede Paasdag) = Tue 14 April
    expect(output).toContain('Afhandeltermijn: uiterlijk 30 maart 2026 (2026-03-30)');
    expect(output).toContain('Indieningstermijn: op tijd (uiterlijk 2026-04-14');
    expect(output).not.toMatch(/Organizer|Date received|navigate|required/);

    const text = p.read('cases/2026/K-2026-001.md');
    expect(frontmatter(text)).toMatchObject({
      organizer: 'anouk',
      received: '2026-03-02',
      assignment_completed: '2026-02-27',
      client_informed: '2025-11-03', // art. 3: a fact of the assignment, asked at registration
      channel: 'letter',
      complainant: {
        name: 'Canary Prompt',
        email: 'canary@example.org',
        representative: {
          name: 'Dochter Canary',
          relation: 'dochter',
          email: 'dochter@example.org',
          phone: '06 11112222',
          address: 'Straat 2, 1234 AB Stad',
        },
      },
      categories: ['afspraken'],
    });
    expect(text).toContain('Factuur #12: "te hoog".');
    const v = p.run('validate.ts');
    expect(v.status, v.stderr).toBe(0);
  });

  it('asks in English with KLACHTEN_LANG=en; Ctrl-C writes nothing', async () => {
    const p = project();
    const term = inPseudoTerminal(p.dir, 'new-case.ts', ['--today', '2026-03-10', '--organizer', 'anouk'], { KLACHTEN_LANG: 'en' });
    await term.answer(/Date received \(YYYY-MM-DD\)/, `2026-03-40${KEY.enter}`);
    await term.answer(/expected a real date as YYYY-MM-DD/, `${clear}2026-03-02${KEY.enter}`);
    await term.answer(/How did the complaint come in\?/, '\x03');
    const { code, output } = await term.done();
    expect(code).toBe(1);
    expect(output).toContain('new-case: cancelled; nothing was written');
    expect(existsSync(join(p.dir, 'cases'))).toBe(false);
  });

  it('--id of another year re-asks the date received; an --id that exists stops before any question', async () => {
    const p = project();
    const flags = ['--today', '2026-03-10', '--organizer', 'anouk', '--channel', 'email', '--category', 'kosten'];
    const term = inPseudoTerminal(p.dir, 'new-case.ts', [...flags, '--id', 'K-2025-007']);
    await term.answer(/Datum van ontvangst/, KEY.enter); // today: 2026-03-10
    await term.answer(/Klager: naam van de cliënt/, `Canary Id${KEY.enter}`);
    await term.answer(/E-mailadres van de cliënt/, KEY.enter);
    await term.answer(/Telefoonnummer van de cliënt/, KEY.enter);
    await term.answer(/Postadres van de cliënt/, KEY.enter);
    await term.answer(/Naam van de vertegenwoordiger/, KEY.enter);
    await term.answer(/Datum waarop de opdracht is afgerond/, KEY.enter);
    await term.answer(/Wanneer heeft u de cliënt op de klachtenregeling gewezen/, KEY.enter);
    await term.answer(
      /received: --id: K-2025-007 past niet bij het jaar waarin de klacht is ontvangen \(2026\)[^]*Datum van ontvangst/,
      `${clear}2025-12-30${KEY.enter}`,
    );
    await term.answer(/De klacht zoals ontvangen/, KEY.enter);
    const { code, output } = await term.done();
    expect(code, output).toBe(0);
    expect(frontmatter(p.read('cases/2025/K-2025-007.md'))).toMatchObject({ id: 'K-2025-007', received: '2025-12-30' });

    const again = inPseudoTerminal(p.dir, 'new-case.ts', [...flags.slice(0, 2), '--id', 'K-2025-007']);
    const refused = await again.done();
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('K-2025-007 bestaat al (cases/2025/K-2025-007.md); new-case overschrijft nooit een dossier');
    expect(refused.output).not.toContain('?'); // not one question asked
  });
});
