// npm run inrichten without a terminal: the flags, the refusals, the dry run, the commits (issue 21).
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git } from '../helpers/git-repos.ts';
import { inPseudoTerminal, KEY } from '../helpers/pseudo-terminal.ts';
import { ROOT, tempProject } from '../helpers/temp-project.ts';

const projects: ReturnType<typeof tempProject>[] = [];
afterEach(() => {
  for (const p of projects.splice(0)) p.cleanup();
});
/** A copy of the shipped files (organization.yml, templates/, the example cases) in a Git repository of its own. */
const copy = () => {
  const p = tempProject();
  projects.push(p);
  cpSync(join(ROOT, 'cases'), join(p.dir, 'cases'), { recursive: true });
  git(p.dir, 'init', '--quiet', '-b', 'main');
  git(p.dir, 'config', 'user.name', 'Sanne Visser');
  git(p.dir, 'config', 'user.email', 'sanne@localhost');
  git(p.dir, 'add', '-A');
  git(p.dir, 'commit', '--quiet', '-m', 'kopie');
  return p;
};
const FLAGS = [
  '--name',
  'Praktijk De Opruimcoach',
  '--email',
  'klachten@opruimcoach.example',
  '--phone',
  '',
  '--organizer',
  'Sanne Visser=sanne-opruimcoach',
  '--body',
  'geschillencommissie-zorg',
  '--letter-closing',
  'Heeft u vragen? Bel mij gerust.',
];

describe('npm run inrichten with flags (no terminal)', () => {
  it('sets up the practice and removes the examples: two commits, comments kept, the regulation named as the next step', () => {
    const p = copy();
    const before = p.read('organization.yml');
    const r = p.run('inrichten.ts', [...FLAGS, '--remove-examples']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('organization.yml opgeslagen: organization, organizers, escalation, letters');
    expect(r.stdout).toContain('Voorbeelddossiers verwijderd: 2025/K-2025-001.md, 2026/K-2026-001.md');
    const org = parse(p.read('organization.yml'));
    expect(org.organization.name).toBe('Praktijk De Opruimcoach');
    expect(org.organization.phone).toBeUndefined();
    expect(org.organizers).toEqual([{ key: 'sanne', name: 'Sanne Visser', github: 'sanne-opruimcoach' }]);
    expect(org.escalation.name).toBe('De Geschillencommissie Zorg');
    const comments = (t: string) => t.split('\n').flatMap((l) => (l.includes(' #') || /^\s*#/.test(l) ? [l.slice(l.indexOf('#'))] : []));
    expect(comments(p.read('organization.yml'))).toEqual(comments(before));
    expect(existsSync(join(p.dir, 'cases/2026/K-2026-001.md'))).toBe(false);
    expect(existsSync(join(p.dir, 'cases/README.md'))).toBe(true);
    expect(existsSync(join(p.dir, 'cases/2025'))).toBe(false); // the year folder it emptied
    expect(git(p.dir, 'log', '--format=%s', '-2').split('\n')).toEqual([
      'Voorbeelddossiers verwijderd: K-2025-001, K-2026-001, K-2026-002, K-2026-003, K-2026-004',
      'Instellingen gewijzigd: organization, organizers, escalation, letters (Inrichten)',
    ]);
    expect(git(p.dir, 'status', '--porcelain')).toBe('');
    // the shipped regulation still names the example's body: the command says so, and so does validate, with the article
    expect(r.stdout).toContain('Nog te doen: uw klachtenregeling past nog niet bij deze instellingen.');
    const mismatch = p.run('validate.ts');
    expect(mismatch.status).toBe(1);
    expect(mismatch.stdout + mismatch.stderr).toMatch(
      /escalation\.name: is “De Geschillencommissie Zorg”, maar de klachtenregeling noemt die instantie nergens; artikel 1\.6/,
    );
    // her own regulation, naming her body: all agrees
    const regulation = join(p.dir, 'regulation/klachtenreglement.nl.txt');
    writeFileSync(regulation, readFileSync(regulation, 'utf8').replace(/Solopartners/g, 'De Geschillencommissie Zorg'));
    expect(p.run('validate.ts').status).toBe(0);
    git(p.dir, 'commit', '--quiet', '-am', 'eigen regeling');
    // the same flags again: nothing changes, not a byte
    const after = p.read('organization.yml');
    const again = p.run('inrichten.ts', FLAGS);
    expect(again.stdout).toContain('Er verandert niets; er is niets geschreven.');
    expect(p.read('organization.yml')).toBe(after);
    // the removal is undone with git revert
    git(p.dir, 'revert', '--no-edit', 'HEAD~1');
    expect(readFileSync(join(p.dir, 'cases/2026/K-2026-001.md'), 'utf8')).toContain('id: K-2026-001');
  });

  it('refuses in Dutch with file, line and field, and writes nothing', () => {
    const p = copy();
    const snapshot = p.snapshot();
    const bad = p.run('inrichten.ts', ['--filing-workdays', 'dertig', '--email', 'geen-adres']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('organization.yml:7: organization.email: verwacht een e-mailadres');
    expect(bad.stderr).toMatch(/organization\.yml:\d+: deadlines\.filing_workdays: verwacht een heel getal/);
    expect(bad.stderr).toContain('inrichten: de nieuwe instellingen zijn niet geldig; er is niets geschreven');
    // the examples still use the organizers the flags replace: a tip names the way out
    const examples = p.run('inrichten.ts', ['--organizer', 'Sanne Visser=sanne-opruimcoach']);
    expect(examples.status).toBe(1);
    expect(examples.stderr).toContain('onbekende begeleider "anouk"');
    expect(examples.stderr).toContain('Tip: dit zijn de voorbeelddossiers; verwijder ze in dezelfde stap met --remove-examples.');
    const usage = p.run('inrichten.ts', ['--body', 'onbekend']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('onbekende instantie "onbekend"; kies uit solopartners, geschillencommissie-zorg, klachtenportaal-zorg');
    expect(p.snapshot()).toEqual(snapshot);
    expect(git(p.dir, 'log', '--format=%s')).toBe('kopie');
  });

  it('--dry-run says what would change and writes nothing; --help names every flag it takes', () => {
    const p = copy();
    const snapshot = p.snapshot();
    const dry = p.run('inrichten.ts', [...FLAGS, '--remove-examples', '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('Zou organization.yml wijzigen: organization, organizers, escalation, letters');
    expect(dry.stdout).toContain('Zou verwijderen: 2025/K-2025-001.md');
    expect(dry.stdout).toContain('Proefrun: er is niets geschreven.');
    expect(p.snapshot()).toEqual(snapshot);
    const help = p.run('inrichten.ts', ['--help']).stdout;
    const source = readFileSync(join(ROOT, 'scripts/inrichten.ts'), 'utf8');
    const options = [...source.slice(source.indexOf('const OPTIONS')).matchAll(/^ {2}'?([a-z-]+)'?: \{ type/gm)].map((m) => m[1]!);
    for (const o of [...options, 'cases', 'config', 'lang', 'help']) expect(help).toContain(`--${o}`);
  });
});

describe('npm run inrichten in a terminal', () => {
  it('asks question by question with the current values as defaults; Enter keeps a value', async () => {
    const p = copy();
    const term = inPseudoTerminal(p.dir, 'inrichten.ts', [], { KLACHTEN_LANG: 'nl' });
    const clear = KEY.backspace.repeat(40);
    await term.answer(/Naam van de praktijk/, `${clear}Praktijk De Opruimcoach${KEY.enter}`);
    for (const q of [
      /E-mailadres voor klachten/,
      /Telefoonnummer van de praktijk/,
      /Postadres voor klachten/,
      /Website van de praktijk/,
      /Adres van de publieke/,
    ])
      await term.answer(q, KEY.enter);
    await term.answer(/Begeleiders die klachten behandelen/, `${KEY.backspace.repeat(80)}Sanne Visser=sanne-opruimcoach${KEY.enter}`);
    await term.answer(/Externe klachteninstantie/, KEY.down + KEY.enter); // De Geschillencommissie Zorg
    await term.answer(/Indieningstermijn/, KEY.enter);
    await term.answer(/Afhandeltermijn/, KEY.enter);
    await term.answer(/Soorten klachten \(categorieën\):[^]*Nog een toevoegen\?/, `Resultaat van het opruimen${KEY.enter}`);
    await term.answer(/✔ Nog een toevoegen[^]*Nog een toevoegen\?/, KEY.enter);
    await term.answer(/Waarom klachten ontstaan \(oorzaken\):[^]*Nog een toevoegen\?/, KEY.enter); // causes: none added
    await term.answer(/Bewaartermijn/, KEY.enter);
    await term.answer(/Zin na de aanhef/, KEY.enter);
    await term.answer(/Zin boven de groet/, `Heeft u vragen? Bel mij gerust.${KEY.enter}`);
    await term.answer(/De 5 voorbeelddossiers verwijderen/, KEY.enter); // first run: yes by default
    const { code, output } = await term.done();
    expect(code, output).toBe(0);
    expect(output).toContain('organization.yml opgeslagen: organization, organizers, escalation, categories, letters');
    const org = parse(p.read('organization.yml'));
    expect(org.organizers).toEqual([{ key: 'sanne', name: 'Sanne Visser', github: 'sanne-opruimcoach' }]);
    expect(org.escalation.name).toBe('De Geschillencommissie Zorg');
    expect(org.categories.at(-1)).toEqual({ key: 'resultaat-van-het-opruimen', label: 'Resultaat van het opruimen' });
  });
});
