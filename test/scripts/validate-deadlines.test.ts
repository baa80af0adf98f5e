import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORG_TEXT, REGULATION_TEXT, caseData, caseText, tempProject } from '../helpers/fixtures.ts';
import { runScript } from '../helpers/run-script.ts';
import { messagesIn } from '../helpers/language.ts';

// The developers' English messages (KLACHTEN_LANG=en); the organizer's Dutch ones: test/scripts/dutch-messages.test.ts.
messagesIn('en');

const NO_STACK = /\n\s+at |node:internal|\.ts:\d+:\d+\)/;

async function snapshotFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of (await readdir(dir, { recursive: true })) as string[]) {
    try {
      out[f] = await readFile(join(dir, f), 'utf8');
    } catch {
      /* a folder */
    }
  }
  return out;
}

describe('npm run validate', () => {
  it('exits 0 on clean cases, skips files that are not K-*.md, and prints warnings', async () => {
    const dir = await tempProject({
      'cases/README.md': '# not a case',
      'cases/2026/notes.txt': 'nothing',
      'cases/2026/K-2026-001.md': caseText(caseData({ channel: 'oral' })),
    });
    const r = runScript('validate', [], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cases/2026/K-2026-001.md:5: channel: warning: an oral complaint has no written_confirmation');
    expect(r.stdout).toContain('1 case file(s) checked: 0 error(s), 1 warning(s)');
  });

  it('reports every problem in every file at once, exits 1, shows no stack trace and changes no file', async () => {
    const dir = await tempProject({
      'cases/2026/K-2026-001.md': caseText(caseData({ organizer: 'carla' })),
      'cases/2026/K-2026-002.md': '---\nid: [\n---\n',
      'cases/2026/K-2026-003.md': '',
      'cases/2026/K-2026-004.md': caseText(caseData({ id: 'K-2026-004', status: 'resolved' })),
    });
    const before = await snapshotFiles(dir);
    const r = runScript('validate', [], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cases\/2026\/K-2026-001\.md:\d+: organizer: unknown organizer "carla"/m);
    expect(r.stderr).toMatch(/^cases\/2026\/K-2026-002\.md:\d+: \(frontmatter\): malformed YAML/m);
    expect(r.stderr).toMatch(/^cases\/2026\/K-2026-003\.md:1: \(file\): the file is empty/m);
    expect(r.stderr).toMatch(/^cases\/2026\/K-2026-004\.md:\d+: response: status "resolved" needs a written response/m);
    expect(r.stderr).toContain('4 case file(s) checked: 4 error(s), 0 warning(s)');
    expect(r.output).not.toMatch(NO_STACK);
    expect(await snapshotFiles(dir)).toEqual(before);
  });

  it('warns when today plus the longest term (30 working days) passes the end of the decreed days (art. 3 lid 3 Atw)', async () => {
    const dir = await tempProject({ 'cases/2026/K-2026-001.md': caseText(caseData()) });
    const inTime = runScript('validate', ['--today', '2028-11-10'], dir); // + 30 working days = 2028-12-22
    expect(inTime.code).toBe(0);
    expect(inTime.stdout).not.toContain('DECREED_DAYS_KNOWN_UNTIL');
    const late = runScript('validate', ['--today', '2028-11-20'], dir); // + 30 working days = 2029-01-04
    expect(late.code).toBe(0);
    expect(late.stdout).toMatch(
      /^lib\/calendar\/decreed-days\.ts:1: DECREED_DAYS_KNOWN_UNTIL: warning: .*2028-12-31.*2029-01-04.*gelijkstellingsbesluit/m,
    );
    expect(late.stdout).toContain('0 error(s), 1 warning(s)');
  });

  it('--format github prints workflow annotations', async () => {
    const dir = await tempProject({ 'cases/2026/K-2026-001.md': caseText(caseData({ organizer: 'carla' })) });
    const r = runScript('validate', ['--format', 'github'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^::error file=cases\/2026\/K-2026-001\.md,line=\d+,title=organizer::unknown organizer "carla"/m);
  });

  it('--cases and --config point elsewhere', async () => {
    const dir = await tempProject({
      'elsewhere/K-2026-001.md': caseText(caseData()),
      'conf/org.yml': ORG_TEXT,
      'conf/regulation/klachtenreglement.nl.txt': REGULATION_TEXT,
    });
    const r = runScript('validate', ['--cases', 'elsewhere', '--config', 'conf/org.yml'], dir);
    expect([r.code, r.stdout.trim()]).toEqual([0, '1 case file(s) checked: 0 error(s), 0 warning(s)']);
  });

  it('rejects an unknown option with exit code 2 and a pointer to --help', async () => {
    const dir = await tempProject({});
    const r = runScript('validate', ['--verbose'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Run with --help');
  });
});

describe('an invalid configuration stops every command', () => {
  it.each(['validate', 'deadlines'])('%s', async (script) => {
    const dir = await tempProject({}, ORG_TEXT.replace('handling_workdays: 20', 'handling_workdays: twenty'));
    const r = runScript(script, [], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^organization\.yml:\d+: deadlines\.handling_workdays: /m);
    expect(r.stderr).toContain('organization.yml is not a valid configuration');
    expect(r.output).not.toMatch(NO_STACK);
  });
  it('a missing configuration file', async () => {
    const dir = await tempProject({});
    const r = runScript('deadlines', ['--config', 'nope.yml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot read the configuration nope.yml: ENOENT');
  });
});

describe("the practice's regulation and organization.yml cannot disagree (lib/regulation/ties.ts)", () => {
  it.each(['validate', 'check'])('%s refuses another handling term, quoting the article in Dutch, on its line', async (script) => {
    const text = ORG_TEXT.replace(/handling_workdays: 20/, 'handling_workdays: 15');
    const dir = await tempProject({}, text);
    const r = runScript(script, [], dir);
    expect(r.code).toBe(1);
    const line = text.split('\n').findIndex((l) => l.startsWith('  handling_workdays:')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^organization\\.yml:${line}: deadlines\\.handling_workdays: is 15 werkdagen, maar artikel 5\\.4 van de klachtenregeling zegt: “Het afhandelen van de klacht binnen een redelijke termijn van maximaal 20 werkdagen”`,
        'm',
      ),
    );
    expect(r.stderr).toMatch(/artikel 6\.2 van de klachtenregeling zegt/);
    expect(r.stderr).toContain('0 case file(s) checked: 2 error(s), 0 warning(s)');
  });
  it('a text whose term is in weeks: the message names the article and asks for working days', async () => {
    const dir = await tempProject({
      'regulation/klachtenreglement.nl.txt': REGULATION_TEXT.replace('maximaal 20 werkdagen\n', 'binnen zes weken\n'),
    });
    const r = runScript('validate', [], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /artikel 5\.4 van de klachtenregeling zegt: “Het afhandelen van de klacht binnen een redelijke termijn van binnen zes weken”\. De software rekent termijnen in werkdagen/,
    );
  });
  it('a regulation saved as Latin-1 is an error that names the file', async () => {
    const dir = await tempProject({});
    await writeFile(join(dir, 'regulation/klachtenreglement.nl.txt'), Buffer.from(REGULATION_TEXT.replace('Artikel', 'Artikél'), 'latin1'));
    const r = runScript('check', [], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^regulation\/klachtenreglement\.nl\.txt:1: \(file\): not UTF-8 \(saved as Latin-1\?\)/m);
  });
  it('a missing regulation is an error that names the file', async () => {
    const dir = await tempProject({});
    await rm(join(dir, 'regulation'), { recursive: true });
    const r = runScript('validate', [], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^regulation\/klachtenreglement\.nl\.txt:1: \(file\): the complaints regulation is missing/m);
  });
});

describe('npm run deadlines after the known decreed days (art. 3 lid 3 Atw)', () => {
  it('marks a deadline after them, says a later decree may move it, and warns like validate', async () => {
    const dir = await tempProject({
      'cases/2028/K-2028-001.md': caseText(caseData({ id: 'K-2028-001', received: '2028-12-11', assignment_completed: undefined })),
    });
    const r = runScript('deadlines', ['--today', '2028-12-12'], dir);
    expect(r.code).toBe(0);
    // Monday 11 December 2028 + 20 working days (25, 26 December and 1 January off) = Thursday 11 January 2029
    expect(r.stdout).toMatch(/K-2028-001 .* 2029-01-11 \*/);
    expect(r.stdout).toContain('* This date is after 31 December 2028.');
    expect(r.stderr).toMatch(/DECREED_DAYS_KNOWN_UNTIL: warning: .*2028-12-31/);
  });
});

describe('npm run deadlines', () => {
  const files = {
    'cases/2026/K-2026-001.md': caseText(caseData()),
    'cases/2026/K-2026-002.md': caseText(
      caseData({ id: 'K-2026-002', organizer: 'bram', received: '2026-10-01', assignment_completed: '2026-08-03' }),
    ),
  };
  it('--json gives the documented fields, most urgent first', async () => {
    const dir = await tempProject(files);
    const r = runScript('deadlines', ['--today', '2026-11-24', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        id: 'K-2026-002',
        organizer: 'bram',
        status: 'open',
        received: '2026-10-01',
        due: '2026-10-29',
        state: 'overdue',
        workdays_left: -18,
        filing_deadline: '2026-09-14',
        filed_late: true,
        closed_on: null,
      },
      {
        id: 'K-2026-001',
        organizer: 'anouk',
        status: 'open',
        received: '2026-11-03',
        due: '2026-12-01',
        state: 'due_soon',
        workdays_left: 5,
        filing_deadline: null,
        filed_late: false,
        closed_on: null,
      },
    ]);
  });
  it('prints a table', async () => {
    const dir = await tempProject(files);
    const r = runScript('deadlines', ['--today', '2026-11-24'], dir);
    expect(r.stdout).toMatch(/K-2026-001\s+anouk\s+open\s+2026-11-03\s+2026-12-01\s+due_soon\s+5/);
  });
  it('refuses an impossible --today', async () => {
    const dir = await tempProject(files);
    const r = runScript('deadlines', ['--today', '2026-02-30'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--today expects a real date as YYYY-MM-DD, got "2026-02-30"');
  });
  it('stops on invalid cases and says to run validate', async () => {
    const dir = await tempProject({ 'cases/2026/K-2026-001.md': caseText(caseData({ organizer: 'carla' })) });
    const r = runScript('deadlines', [], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fix them first (npm run validate)');
  });
});

describe('--help', () => {
  it.each(['validate', 'deadlines'])('%s --help describes its options', (script) => {
    const r = runScript(script, ['--help'], process.cwd());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--cases DIR');
    expect(r.stdout).toContain('--config FILE');
  });
});

describe('the check cache', () => {
  it('rechecks a file that changed, and a changed configuration', async () => {
    const { writeFile } = await import('node:fs/promises');
    const dir = await tempProject({ 'cases/2026/K-2026-001.md': caseText(caseData()) });
    expect(runScript('validate', [], dir).code).toBe(0);
    expect(runScript('validate', [], dir).code).toBe(0); // from the cache
    await writeFile(join(dir, 'cases/2026/K-2026-001.md'), caseText(caseData({ organizer: 'bram' })).replace('bram', 'carla'));
    const changed = runScript('validate', [], dir);
    expect([changed.code, changed.stderr]).toEqual([1, expect.stringContaining('unknown organizer "carla"')]);
    await writeFile(join(dir, 'cases/2026/K-2026-001.md'), caseText(caseData()));
    expect(runScript('validate', [], dir).code).toBe(0);
    await writeFile(join(dir, 'organization.yml'), ORG_TEXT.replace('key: anouk', 'key: anna'));
    const orgChanged = runScript('validate', [], dir);
    expect(orgChanged.stderr).toContain('unknown organizer "anouk"');
    expect(runScript('validate', ['--no-cache'], dir).stderr).toContain('unknown organizer "anouk"');
  });
});
