// The processing register (AVG art. 30): generated from organization.yml, every item of art. 30(1), kept current.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processingRegisterMarkdown } from '../../lib/privacy/processing-register.ts';
import { parseOrganization } from '../../lib/organization/organization.ts';
import { ORG, ORG_TEXT } from '../helpers/fixtures.ts';
import { runScript } from '../helpers/run-script.ts';
import { ROOT } from '../helpers/temp-project.ts';

const dir = mkdtempSync(join(tmpdir(), 'verwerkingsregister-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// another practice, with its own processor inside the EEA and a legal obligation
const OTHER = ORG_TEXT.replace(/name: Organize4all/, 'name: Ordelijk Thuis')
  .replace('years_after_closing: 2', 'years_after_closing: 5')
  .replace('  # legal_obligation: de Wet kwaliteit', '  legal_obligation: de Wet kwaliteit')
  .replace(
    /  processors:[\s\S]*$/,
    `  processors:
    - name: Mailhuis B.V.
      task: bezorgt en bewaart de e-mail met klachten
      country: Nederland
      agreement: verwerkersovereenkomst van Mailhuis (2026)
`,
  );

describe('the processing register (art. 30)', () => {
  it('docs/verwerkingsregister.md is the one generated from organization.yml (run npm run avg-register if not)', () => {
    expect(readFileSync(join(ROOT, 'docs/verwerkingsregister.md'), 'utf8')).toBe(processingRegisterMarkdown(ORG));
  });

  it('holds every item of art. 30(1), from organization.yml', () => {
    const text = processingRegisterMarkdown(parseOrganization('organization.yml', OTHER));
    for (const item of [
      '| a. verwerkingsverantwoordelijke | Ordelijk Thuis,',
      '| b. doeleinden |',
      '| c. betrokkenen |',
      '| c. persoonsgegevens |',
      '| d. ontvangers | alle begeleiders van Ordelijk Thuis (2; elk opent elk dossier in de werkplek), Mailhuis B.V. als verwerker (bezorgt en bewaart de e-mail met klachten, in Nederland; verwerkersovereenkomst van Mailhuis (2026))',
      '| e. doorgifte buiten de EER | Geen: alle verwerkers verwerken de gegevens binnen de EER. |',
      '| f. bewaartermijn | 5 jaar na afsluiting',
      '| g. beveiliging (art. 32) |',
      'Ook de Wet kwaliteit, klachten en geschillen zorg (Wkkgz) verplicht ons klachten te behandelen (art. 6 lid 1 onder c AVG)',
      '- **Verwerkersovereenkomst met Mailhuis B.V.** Zorg dat de verwerkersovereenkomst van Mailhuis (2026) voor uw account geldt',
      '## Wat de praktijk zelf moet regelen',
    ])
      expect(text).toContain(item);
    expect(text).not.toMatch(/GitHub, Inc\./); // the processors are organization.yml's, not the code's
  });

  it('the command writes it, checks it, and never overwrites a file it did not write', () => {
    writeFileSync(join(dir, 'organization.yml'), OTHER);
    const out = join(dir, 'register.md');
    expect(runScript('avg-register', ['--check', '--out', out], dir).code).toBe(1);
    const written = runScript('avg-register', ['--out', out], dir);
    expect(written.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Ordelijk Thuis');
    expect(runScript('avg-register', ['--check', '--out', out], dir).stdout).toContain('is up to date');
    writeFileSync(join(dir, 'eigen.md'), '# Mijn eigen aantekeningen\n');
    const refused = runScript('avg-register', ['--out', join(dir, 'eigen.md')], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('bestaat al en is geen verwerkingsregister van dit commando');
    expect(readFileSync(join(dir, 'eigen.md'), 'utf8')).toBe('# Mijn eigen aantekeningen\n');
  });
});
