import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addDays } from '../../lib/iso-date.ts';

/**
 * Write `count` fictional, valid case files under `dir/YYYY/` for benchmarks: a deterministic mix of
 * open, resolved, escalated and withdrawn cases spread over the years before `end`.
 */
export async function writeSyntheticCases(dir: string, count: number, end = '2026-11-20'): Promise<void> {
  const perYear = new Map<number, number>();
  const files: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    const received = addDays(end, -((i * 7919) % 1800));
    const year = +received.slice(0, 4);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const id = `K-${year}-${String(n).padStart(3, '0')}`;
    const kind = i % 10;
    const status = i < count / 100 ? 'open' : kind < 6 ? 'resolved' : kind < 8 ? 'escalated' : kind < 9 ? 'withdrawn' : 'resolved';
    const response = `response:\n  date: ${addDays(received, 10 + (i % 25))}\n  findings: Bevindingen ${i}.\n  conclusions: Conclusies ${i}.\n${kind === 5 ? '  mediation: In een gesprek opgelost.\n' : ''}`;
    const lines = [
      '---',
      `id: ${id}`,
      `organizer: ${i % 3 === 0 ? 'bram' : 'anouk'}`,
      `received: ${received}`,
      `assignment_completed: ${addDays(received, -(5 + (i % 50)))}`,
      `channel: ${['email', 'letter', 'form', 'email'][i % 4]}`,
      `written_confirmation: ${received}`,
      `acknowledged: ${addDays(received, 1)}`,
      `client_informed: ${addDays(received, -90)}`,
      `status: ${status}`,
      'complainant:',
      `  name: Synthetische Klager ${i}`,
      `  email: klager${i}@example.org`,
      `categories: [${['communicatie', 'afspraken', 'werkwijze', 'kosten', 'privacy'][i % 5]}]`,
      `causes: [${['verwachtingen', 'informatie', 'planning', 'uitvoering', 'tarief'][(i * 3) % 5]}]`,
      'steps:',
      '  - kind: complainant_heard',
      `    date: ${addDays(received, 3)}`,
      status === 'open' ? '' : status === 'withdrawn' ? `withdrawn_on: ${addDays(received, 5)}` : response.trimEnd(),
      status === 'escalated' ? `escalation:\n  date: ${addDays(received, 60)}\n  reference: SP-${i}` : '',
      status === 'resolved' || status === 'escalated' ? `satisfied: ${status === 'resolved'}` : '',
      '---',
      '',
      `Synthetische klacht ${i}: fictief, voor de benchmark.`,
      '',
    ];
    files.push([join(dir, String(year), `${id}.md`), lines.filter((l) => l !== '').join('\n') + '\n']);
  }
  for (const year of perYear.keys()) await mkdir(join(dir, String(year)), { recursive: true });
  for (let i = 0; i < files.length; i += 500) await Promise.all(files.slice(i, i + 500).map(([p, t]) => writeFile(p, t)));
}
