// `npm run retention -- --apply` ends an erasure with a prune (git gc --prune=now), which would drop a save a werkplek
// is writing in the same clone at that moment: while a werkplek runs there, the command refuses and says where to go.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWerkplek } from '../../werkplek/app.ts';
import { caseData, caseText, tempProject } from '../helpers/fixtures.ts';
import { git } from '../helpers/git-repos.ts';
import { runScriptAsync } from '../helpers/run-script.ts';

describe('npm run retention -- --apply beside a running werkplek', () => {
  it('refuses while the werkplek runs in the same clone, and runs once it stopped', async () => {
    const dir = await tempProject({ 'cases/2026/K-2026-001.md': caseText(caseData()) });
    git(dir, 'init', '--quiet', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '--quiet', '-m', 'start');
    const werkplek = await startWerkplek({
      port: 0,
      cases: join(dir, 'cases'),
      config: join(dir, 'organization.yml'),
      today: () => '2026-12-06',
    });
    const mark = join(dir, '.git', 'werkplek', 'draait');
    expect(existsSync(mark)).toBe(true);
    try {
      const refused = await runScriptAsync('retention', ['--apply', '--today', '2026-12-06'], dir);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`de werkplek draait in deze map (proces ${process.pid})`);
      // a dry run only reads: it goes on
      expect((await runScriptAsync('retention', ['--today', '2026-12-06'], dir)).code).toBe(0);
    } finally {
      await werkplek.close();
    }
    expect(existsSync(mark)).toBe(false);
    const applied = await runScriptAsync('retention', ['--apply', '--today', '2026-12-06'], dir);
    expect(applied.stderr).not.toContain('de werkplek draait');
    expect(applied.code).toBe(0);
  });
});
