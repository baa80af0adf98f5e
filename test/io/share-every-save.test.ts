// Every save is shared at once when the remote can be reached, not only a registration: so a codespace (or a laptop)
// that is thrown away holds nothing the others lack. A bare remote on disk and clones of it (no network).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textHash } from '../../io/case-write.ts';
import { Werkplek } from '../../werkplek/context.ts';
import { postDossier } from '../../werkplek/pages/dossier.ts';
import { ORG_TEXT, caseData, caseText } from '../helpers/fixtures.ts';
import { git, makeRemote } from '../helpers/git-repos.ts';
import { runScript } from '../helpers/run-script.ts';
import { ROOT } from '../helpers/temp-project.ts';

const template = (name: string) => readFileSync(join(ROOT, 'templates', name), 'utf8');
const repos = makeRemote({
  'organization.yml': ORG_TEXT,
  'templates/briefhoofd.html': template('briefhoofd.html'),
  'templates/ontvangstbevestiging.html': template('ontvangstbevestiging.html'),
  'cases/2026/K-2026-001.md': caseText(caseData()),
  'cases/2026/K-2026-002.md': caseText(caseData({ id: 'K-2026-002' })),
});
afterAll(() => repos.remove());
const lastShared = () => git(repos.remote, 'log', '-1', '--format=%s', 'main');

describe('a save that is no registration is shared at once', () => {
  it('the werkplek: a step saved in the Dossier reaches the remote without Synchroniseren', async () => {
    const clone = repos.clone('werkplek', 'Anouk');
    const app = new Werkplek({ cases: join(clone, 'cases'), config: join(clone, 'organization.yml'), today: () => '2026-12-06' });
    try {
      await app.loadRules();
      const hash = textHash(readFileSync(join(clone, 'cases/2026/K-2026-001.md'), 'utf8'));
      const values = { actie: 'stap', hash, 'stap.kind': 'complainant_heard', 'stap.date': '2026-12-04', 'stap.note': '' };
      const reply = await postDossier(app, {
        url: new URL('http://127.0.0.1/dossier/K-2026-001'),
        params: ['K-2026-001'],
        values,
        files: {},
      });
      expect(reply.kind).toBe('redirect');
      await app.sharing.idle();
      expect(lastShared()).toMatch(/^K-2026-001: .*\(art\. 5\.2\)$/);
      expect(git(repos.remote, 'show', 'main:cases/2026/K-2026-001.md')).toMatch(/kind: "?complainant_heard"?\s+date: 2026-12-04/);
      expect(git(clone, 'status', '--short', '--branch')).toBe('## main...origin/main');
    } finally {
      await app.close();
    }
  });

  it('npm run documents: the date a letter went out is shared before the command ends', () => {
    const clone = repos.clone('command', 'Bram');
    const r = runScript('documents', ['K-2026-002', '--kind', 'ontvangstbevestiging', '--html-only', '--today', '2026-12-06'], clone);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Gedeeld met de andere begeleiders.');
    expect(lastShared()).toMatch(/^K-2026-002: ontvangstbevestiging verstuurd/);
    expect(git(repos.remote, 'show', 'main:cases/2026/K-2026-002.md')).toMatch(/^acknowledged: 2026-12-06$/m);
  });

  it('npm run documents with the remote out of reach: recorded here, said in Dutch that it is not shared yet', () => {
    const clone = repos.clone('offline', 'Bram');
    git(clone, 'remote', 'set-url', 'origin', join(repos.root, 'weg.git'));
    const r = runScript('documents', ['K-2026-001', '--kind', 'ontvangstbevestiging', '--html-only', '--today', '2026-12-06'], clone);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Nog niet gedeeld: .+\. Het wordt gedeeld bij de volgende keer opslaan, of met Synchroniseren in de werkplek\./,
    );
    expect(git(clone, 'log', '-1', '--format=%s')).toMatch(/^K-2026-001: ontvangstbevestiging verstuurd/);
  });
});
