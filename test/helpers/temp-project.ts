import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { caseText as fileText } from './fixtures.ts';

/** The repository root (where package.json is). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A case file as an object literal: its frontmatter fields, plus an optional Markdown `body`. */
export type CaseLiteral = Record<string, unknown> & { id: string; received: string; body?: string };

/** The text of a case file built from an object literal (dates as plain YYYY-MM-DD). */
export function caseText({ body = '', ...fields }: CaseLiteral): string {
  return fileText(fields, `${body}${body && !body.endsWith('\n') ? '\n' : ''}`);
}

/** Result of running a script as a process. */
export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A temporary project folder with organization.yml (and templates/) copied from the repository and the given
 * cases written to cases/YYYY/<id>.md. `run` starts a script of the repository as a process in it, no terminal.
 */
export function tempProject(cases: CaseLiteral[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'klachten-'));
  cpSync(join(ROOT, 'organization.yml'), join(dir, 'organization.yml'));
  cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
  cpSync(join(ROOT, 'regulation'), join(dir, 'regulation'), { recursive: true });
  for (const c of cases) {
    mkdirSync(join(dir, 'cases', c.received.slice(0, 4)), { recursive: true });
    writeFileSync(join(dir, 'cases', c.received.slice(0, 4), `${c.id}.md`), caseText(c));
  }
  return {
    dir,
    run(script: string, args: string[] = [], env: Record<string, string> = {}): RunResult {
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], {
        cwd: dir,
        encoding: 'utf8',
        input: '',
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    read: (path: string) => readFileSync(join(dir, path), 'utf8'),
    write: (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    /** Every file under the folder with its contents, to prove what changed and what did not. */
    snapshot(): Map<string, string> {
      const files = (readdirSync(dir, { recursive: true }) as string[]).filter((p) => !p.startsWith('documents'));
      const out = new Map<string, string>();
      for (const p of files.sort()) {
        try {
          out.set(p, readFileSync(join(dir, p), 'utf8'));
        } catch {
          // a folder
        }
      }
      return out;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A valid resolved case with fictional canary personal data, for the tests to derive variants from. */
export function resolvedCase(overrides: Partial<CaseLiteral> = {}): CaseLiteral {
  return {
    id: 'K-2024-001',
    organizer: 'anouk',
    received: '2024-01-08',
    assignment_completed: '2023-12-22',
    channel: 'email',
    acknowledged: '2024-01-09',
    client_informed: '2023-10-02',
    status: 'resolved',
    complainant: { name: 'Canary Kanarie Persoon', email: 'canary.kanarie@example.org', phone: '06 12121212' },
    categories: ['communicatie'],
    causes: ['informatie'],
    steps: [
      { kind: 'information_given', date: '2024-01-10' },
      { kind: 'complainant_heard', date: '2024-01-15', note: 'Canary belde over haar buurvrouw.' },
    ],
    response: {
      date: '2024-01-30',
      findings: 'De afspraak was niet schriftelijk bevestigd.',
      conclusions: 'De klacht is gegrond.',
      mediation: 'In een gesprek is een extra sessie afgesproken.',
    },
    satisfied: true,
    improvements: [{ action: 'Afspraken per e-mail bevestigen.', owner: 'anouk', due: '2024-03-01' }],
    body: 'Canary Kanarie Persoon schrijft: de sessie werd zonder overleg verzet.\n\n## Notities\n\nCanary notitie.',
    ...overrides,
  } as CaseLiteral;
}
