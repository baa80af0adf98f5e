import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolvedCase, tempProject } from '../helpers/temp-project.ts';
import { messagesIn } from '../helpers/language.ts';

// The developers' English messages (KLACHTEN_LANG=en); the organizer's Dutch ones: test/scripts/dutch-messages.test.ts.
messagesIn('en');

const projects: ReturnType<typeof tempProject>[] = [];
const project = (...args: Parameters<typeof tempProject>) => {
  const p = tempProject(...args);
  projects.push(p);
  return p;
};
afterEach(() => {
  for (const p of projects.splice(0)) p.cleanup();
});

const FLAGS = [
  '--organizer',
  'anouk',
  '--channel',
  'email',
  '--name',
  'Canary Nieuw',
  '--email',
  'nieuw@example.org',
  '--category',
  'afspraken',
];
const frontmatter = (text: string) => parse(text.split(/^---$/m)[1]!) as Record<string, unknown>;

describe('npm run new-case with flags only', () => {
  it('art. 3: records when the client was told of the regulation, a fact of the assignment (--client-informed)', () => {
    const p = project();
    const r = p.run('new-case.ts', [...FLAGS, '--received', '2026-03-02', '--client-informed', '2025-11-03', '--today', '2026-03-03']);
    expect(r.status, r.stderr).toBe(0);
    expect(p.read('cases/2026/K-2026-001.md')).toMatch(/^client_informed: 2025-11-03$/m);
    const bad = p.run('new-case.ts', [...FLAGS, '--received', '2026-03-02', '--client-informed', '3-11-2025', '--today', '2026-03-03']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--client-informed: expected a real date as YYYY-MM-DD');
  });
  it('writes the first case of a year, prints the deadlines, and the result validates', () => {
    const p = project();
    const r = p.run('new-case.ts', [...FLAGS, '--received', '2026-03-02', '--assignment-completed', '2026-02-20', '--today', '2026-03-03']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(join('cases', '2026', 'K-2026-001.md'));
    // Mon 2 March 2026 + 20 working days (no holidays in March) = Mon 30 March
    expect(r.stdout).toContain('Handling deadline: 30 March 2026 (2026-03-30)');
    // Fri 20 Feb + 30 working days, skipping Goede Vrijdag 3 April and Tweede Paasdag 6 April = Tue 7 April
    expect(r.stdout).toContain('Filing window: within it (filing deadline 2026-04-07');
    expect(r.stdout).not.toContain('Canary');

    const text = p.read('cases/2026/K-2026-001.md');
    expect(text).toMatch(/^received: 2026-03-02$/m); // a plain date, no quotes, no time
    expect(text).toMatch(/^assignment_completed: 2026-02-20$/m);
    expect(frontmatter(text)).toMatchObject({
      id: 'K-2026-001',
      organizer: 'anouk',
      status: 'open',
      channel: 'email',
      complainant: { name: 'Canary Nieuw', email: 'nieuw@example.org' },
      categories: ['afspraken'],
    });
    const v = p.run('validate.ts');
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout).toContain('0 error(s)');
  });

  it('says when the complaint came in after the filing window (flagged, not refused)', () => {
    const p = project();
    const r = p.run('new-case.ts', [...FLAGS, '--received', '2026-05-11', '--assignment-completed', '2026-02-20', '--today', '2026-05-11']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('FILED LATE: received 2026-05-11, after the filing deadline 2026-04-07');
    expect(existsSync(join(p.dir, 'cases/2026/K-2026-001.md'))).toBe(true);
  });

  it('defaults received to today and takes the next number of that year, not reusing gaps', () => {
    const in2026 = {
      assignment_completed: '2025-12-19',
      acknowledged: undefined,
      steps: [],
      response: { date: '2026-01-20', findings: 'f', conclusions: 'c' },
    };
    const p = project([
      resolvedCase({ id: 'K-2026-001', received: '2026-01-05', ...in2026 }),
      resolvedCase({ id: 'K-2026-003', received: '2026-01-12', ...in2026 }),
    ]);
    expect(p.run('validate.ts').status).toBe(0);
    const r = p.run('new-case.ts', [...FLAGS, '--today', '2026-06-15']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('K-2026-004');
    expect(r.stdout).toContain('Filing window: unknown');
    expect(frontmatter(p.read('cases/2026/K-2026-004.md'))).toMatchObject({ received: '2026-06-15' });
    // a complaint received in another year starts that year's numbering
    const r2 = p.run('new-case.ts', [...FLAGS, '--received', '2025-12-30', '--today', '2026-06-15']);
    expect(r2.status, r2.stderr).toBe(0);
    expect(existsSync(join(p.dir, 'cases/2025/K-2025-001.md'))).toBe(true);
    expect(p.run('validate.ts').status).toBe(0);
  });

  it('keeps the representative, several categories, awkward characters and a pasted complaint', () => {
    const p = project();
    p.write('klacht.txt', 'Geachte,\n\n---\nIk ben #1 ontevreden: "echt".\n');
    const r = p.run('new-case.ts', [
      '--organizer',
      'bram',
      '--channel',
      'letter',
      '--name',
      'O\'Brien: #1 "Klant"',
      '--phone',
      '0612345678',
      '--address',
      'Straat 1, 1234 AB Stad',
      '--representative',
      'Dochter Een',
      '--representative-relation',
      'dochter',
      '--category',
      'kosten,werkwijze',
      '--category',
      'privacy',
      '--complaint-file',
      'klacht.txt',
      '--received',
      '2026-03-02',
      '--today',
      '2026-03-02',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const text = p.read('cases/2026/K-2026-001.md');
    expect(frontmatter(text)).toMatchObject({
      complainant: {
        name: 'O\'Brien: #1 "Klant"',
        phone: '0612345678',
        address: 'Straat 1, 1234 AB Stad',
        representative: { name: 'Dochter Een', relation: 'dochter' },
      },
      categories: ['kosten', 'werkwijze', 'privacy'],
    });
    expect(text).toContain('Ik ben #1 ontevreden: "echt".');
    expect(p.run('validate.ts').status).toBe(0);
  });
});

describe('npm run new-case refuses', () => {
  it('to overwrite an existing case', () => {
    const p = project([resolvedCase({ id: 'K-2024-001' })]);
    const before = p.read('cases/2024/K-2024-001.md');
    const r = p.run('new-case.ts', [...FLAGS, '--received', '2024-02-01', '--id', 'K-2024-001', '--today', '2024-02-01']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('K-2024-001 already exists');
    expect(r.stderr).toContain('never overwrites');
    expect(p.read('cases/2024/K-2024-001.md')).toBe(before);
  });

  it.each([
    ['missing answers without a terminal', ['--organizer', 'anouk'], 2, 'missing --channel, --name, --category'],
    ['missing answers with --no-input', ['--no-input', '--name', 'X'], 2, 'missing --organizer, --channel, --category'],
    ['an unknown category', [...FLAGS, '--category', 'bestaatniet'], 2, '--category: unknown category "bestaatniet"'],
    [
      'an unknown organizer',
      [...FLAGS.slice(2), '--organizer', 'zz'],
      2,
      '--organizer: unknown organizer "zz"; expected one of anouk, bram',
    ],
    ['an impossible date', [...FLAGS, '--received', '2026-02-30'], 2, '--received: expected a real date as YYYY-MM-DD'],
    ['a date in the future', [...FLAGS, '--received', '2026-07-01'], 2, '--received: 2026-07-01 is after today (2026-06-15)'],
    ['an unknown channel', [...FLAGS.slice(0, 2), ...FLAGS.slice(4), '--channel', 'fax'], 2, '--channel: unknown channel "fax"'],
    ['an id of another year', [...FLAGS, '--received', '2026-03-02', '--id', 'K-2025-001'], 2, 'does not match the year'],
  ])('%s, writing nothing', (_, args, status, message) => {
    const p = project();
    const r = p.run('new-case.ts', [...args, '--today', '2026-06-15']);
    expect(r.status).toBe(status);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(p.dir, 'cases'))).toBe(false);
  });
});
