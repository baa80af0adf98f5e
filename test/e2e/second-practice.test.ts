// A second, made-up practice (test/helpers/second-practice.ts: Ordelijk Thuis, Geschillenhuis Noord, its own
// regulation) gets every output the project makes, and no output names the first practice or its complaints body:
// the public site (the shared build of test/e2e/shared-site.ts), the internal report (one astro build), every
// werkplek page and every letter and document of every case as the werkplek previews it, the GitHub issues the
// deadline watch would open, the JSON Schemas editors show, and what npm run check prints.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { calendarFor } from '../../lib/calendar/holidays.ts';
import { jsonSchemaFiles } from '../../lib/cases/json-schemas.ts';
import { DOCUMENT_KINDS } from '../../lib/documents/kinds.ts';
import { MANAGED_LABELS } from '../../lib/github/issue.ts';
import { flagSubjects, invalidFiles, invalidFilesSubject } from '../../lib/github/desired-issues.ts';
import { parseOrganization } from '../../lib/organization/organization.ts';
import { loadCaseFacts } from '../../io/case-facts.ts';
import { startWerkplek, type RunningWerkplek } from '../../werkplek/app.ts';
import { ORG_TEXT } from '../helpers/fixtures.ts';
import { writeCaseFiles } from '../helpers/case-files.ts';
import { REPORT_CASES, REPORT_TODAY } from '../helpers/report-fixture.ts';
import { ROOT } from '../helpers/temp-project.ts';
import { FIRST_PRACTICE_NAMES, SECOND_REGULATION } from '../helpers/second-practice.ts';
import { otherOrganization } from './shared-site.ts';
import { compileCacheIn } from '../../tools/site-build.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });
const run = promisify(execFile);

/** Every output, by where it comes from. */
const outputs: { name: string; text: string }[] = [];
let dir = '';
let werkplek: RunningWerkplek | undefined;

/** Every file under `root` with its text. */
function filesUnder(root: string): { name: string; text: string }[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as { isFile(): boolean; parentPath: string; name: string }[])
    .filter((e) => e.isFile() && !e.name.endsWith('.pdf'))
    .map((e) => ({ name: join(e.parentPath, e.name), text: readFileSync(join(e.parentPath, e.name), 'utf8') }));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tweede-praktijk-'));
  const orgText = otherOrganization(ORG_TEXT);
  writeFileSync(join(dir, 'organization.yml'), orgText);
  mkdirSync(join(dir, 'regulation'));
  writeFileSync(join(dir, 'regulation/klachtenreglement.nl.txt'), SECOND_REGULATION);
  cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
  await writeCaseFiles(join(dir, 'cases'), REPORT_CASES);
  const config = join(dir, 'organization.yml');
  const org = parseOrganization('organization.yml', orgText);
  // the organization's own text must not hold the names either, or the test proves nothing
  expect(`${orgText.replace(/#.*$/gm, '')}${SECOND_REGULATION}`).not.toMatch(FIRST_PRACTICE_NAMES);

  // the internal report: one astro build, started first; the rest runs meanwhile. It runs in the shared site's project
  // copy (the same practice), so its .astro/ folder is not the one test/e2e/report-build.test.ts builds in meanwhile
  const report = run(
    process.execPath,
    [
      join(inject('siteDir'), 'scripts/report.ts'),
      ...['--config', config, '--cases', join(dir, 'cases'), '--today', REPORT_TODAY, '--out', join(dir, 'dist/report')],
    ],
    { cwd: inject('siteDir'), env: { ...process.env, ...compileCacheIn(inject('siteDir')) } },
  );

  // what npm run check says about this practice's cases and regulation
  const check = await run(
    process.execPath,
    [join(ROOT, 'scripts/check.ts'), '--config', config, '--cases', join(dir, 'cases'), '--today', REPORT_TODAY],
    {
      cwd: dir,
    },
  ).catch((e: { stdout: string; stderr: string }) => e);
  outputs.push({ name: 'npm run check', text: `${check.stdout}${check.stderr}` });

  // the GitHub issues the deadline watch would open, on the report's day and years later (overdue, retention)
  const facts = await loadCaseFacts(join(dir, 'cases'), config, false);
  for (const today of [REPORT_TODAY, '2031-06-02'] as const)
    for (const s of flagSubjects(facts.validation.cases, org, calendarFor(org), today))
      outputs.push({
        name: `issue ${s.kind} ${s.key} ${today}`,
        text: [s.flag?.title, s.flag?.headline, s.flag?.body, s.flag?.labels.join(' '), s.settled].join('\n'),
      });
  const invalid = invalidFilesSubject(invalidFiles([{ file: 'cases/2026/K-2026-009.md', line: 3, field: 'organizer' }]));
  outputs.push({ name: 'issue invalid files', text: `${invalid.flag?.title}\n${invalid.flag?.body}` });
  outputs.push({ name: 'issue labels', text: MANAGED_LABELS.map((l) => `${l.name} ${l.description}`).join('\n') });

  // the JSON Schemas editors show (generated, and as committed)
  for (const [name, text] of Object.entries(jsonSchemaFiles())) outputs.push({ name: `schema ${name}`, text });
  for (const name of readdirSync(join(ROOT, 'schemas')).filter((n) => n.endsWith('.schema.json')))
    outputs.push({ name: `schemas/${name}`, text: readFileSync(join(ROOT, 'schemas', name), 'utf8') });

  // every werkplek page, and every document of every case as the werkplek previews it
  werkplek = await startWerkplek({ port: 0, cases: join(dir, 'cases'), config, today: () => REPORT_TODAY });
  const get = async (path: string) => {
    const r = await fetch(werkplek!.url + path.replace(/^\//, ''));
    outputs.push({ name: `werkplek ${path} (${r.status})`, text: await r.text() });
    return r.status;
  };
  for (const path of ['/', '/nieuw', '/bewaartermijn', '/privacy', '/wie-ben-ik', '/synchroniseren', '/instellingen/reglement'])
    expect(await get(path), path).toBe(200);
  for (const c of facts.validation.cases) {
    await get(`/dossier/${c.data.id}`);
    for (const kind of DOCUMENT_KINDS) await get(`/dossier/${c.data.id}/document/${kind.key}`);
  }

  // the public site: the shared build of the same practice
  outputs.push(...filesUnder(join(inject('siteDir'), 'dist/site')));
  await report;
  outputs.push(...filesUnder(join(dir, 'dist/report')));
});
afterAll(async () => {
  await werkplek?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a second practice: no output names the first practice or its complaints body', () => {
  it('makes every kind of output (the test sees what it claims to search)', () => {
    const names = outputs.map((o) => o.name);
    for (const part of [
      'npm run check',
      'issue deadline',
      'issue labels',
      'schema ',
      'werkplek /instellingen/reglement',
      '/document/antwoordbrief',
      'dist/site/index.html',
      'dist/site/en/index.html',
      'dist/report/uitkomsten.html',
      'dist/report/naleving.html',
    ])
      expect(
        names.some((n) => n.includes(part)),
        part,
      ).toBe(true);
    // the letters were made, not refused for a missing field only
    expect(outputs.filter((o) => o.name.includes('/document/') && o.name.endsWith('(200)')).length).toBeGreaterThan(10);
  });
  it('none of them holds "Organize4all" or "Solopartners" (in any case)', () => {
    const found = outputs
      .filter((o) => FIRST_PRACTICE_NAMES.test(o.text))
      .map((o) => {
        const at = FIRST_PRACTICE_NAMES.exec(o.text)!.index;
        return `${o.name}: …${o.text.slice(Math.max(0, at - 60), at + 60)}…`;
      });
    expect(found).toEqual([]);
  });
  it('they name the second practice and its body instead', () => {
    const all = outputs.map((o) => o.text).join('\n');
    expect(all).toContain('Ordelijk Thuis');
    expect(all).toContain('Geschillenhuis Noord');
    expect(outputs.find((o) => o.name.endsWith('dist/report/uitkomsten.html'))?.text).toContain('Commissie van Geschillenhuis Noord');
  });
});
