import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addDays, toDayNumber, fromDayNumber, type IsoDate } from '../lib/dates/iso-date.ts';

/** A small deterministic random generator (mulberry32), so every run writes the same cases. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Write `count` clearly fictional, valid case files into `dir/YYYY/`, received over the ten years before
 * `today`, for benchmarks. Organizers, categories and causes are those of the project's organization.yml.
 */
export async function writeSyntheticCases(dir: string, count: number, today: IsoDate): Promise<void> {
  const rnd = random(count);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const first = toDayNumber(today) - 3650;
  const received = Array.from({ length: count }, () => fromDayNumber(first + Math.floor(rnd() * 3640))).sort();
  const perYear = new Map<string, number>();
  const files: { path: string; text: string }[] = [];
  for (const [i, day] of received.entries()) {
    const year = day.slice(0, 4);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const id = `K-${year}-${String(n).padStart(4, '0')}`;
    const recent = toDayNumber(today) - toDayNumber(day) < 40;
    const roll = rnd();
    const status = recent && roll < 0.6 ? 'open' : roll < 0.05 ? 'withdrawn' : roll < 0.1 ? 'escalated' : 'resolved';
    const responded = addDays(day, 3 + Math.floor(rnd() * 30));
    const lines = [
      '---',
      `id: ${id}`,
      `organizer: ${pick(['anouk', 'bram'])}`,
      `received: ${day}`,
      // about 1 in 100 filed late (art. 4.1), as rare as in practice
      `assignment_completed: ${addDays(day, rnd() < 0.01 ? -60 : -1 - Math.floor(rnd() * 28))}`,
      `channel: ${pick(['email', 'letter', 'form'])}`,
      `client_informed: ${addDays(day, -60)}`,
      `status: ${status}`,
      'complainant:',
      `  name: Synthetische Klant ${i + 1}`,
      `  email: klant${i + 1}@example.org`,
      `categories: [${pick(['communicatie', 'afspraken', 'werkwijze', 'kosten', 'privacy'])}]`,
      `causes: [${pick(['verwachtingen', 'informatie', 'informatie', 'planning', 'planning', 'planning', 'uitvoering', 'tarief'])}]`,
      'steps:',
      `  - kind: complainant_heard`,
      `    date: ${addDays(day, 2)}`,
    ];
    if (status === 'withdrawn') lines.push(`withdrawn_on: ${addDays(day, 3)}`);
    if (status === 'resolved' || status === 'escalated') {
      lines.push(
        'response:',
        `  date: ${responded}`,
        '  findings: Synthetische bevindingen.',
        '  conclusions: Synthetische conclusies.',
        `satisfied: ${status === 'resolved'}`,
      );
      if (status === 'escalated') lines.push('escalation:', `  date: ${addDays(responded, 10)}`);
      if (rnd() < 0.3)
        lines.push(
          'improvements:',
          '  - action: Synthetische verbeteractie.',
          '    owner: anouk',
          `    due: ${addDays(responded, 60)}`,
          ...(rnd() < 0.7 ? [`    done: ${addDays(responded, 30)}`] : []),
        );
    }
    lines.push('---', '', 'Synthetische klacht (fictief).', '');
    files.push({ path: join(dir, year, `${id}.md`), text: lines.join('\n') });
  }
  for (const year of perYear.keys()) await mkdir(join(dir, year), { recursive: true });
  // in bounded batches: 100,000 writes at once run out of file descriptors (EMFILE)
  for (let i = 0; i < files.length; i += 256) await Promise.all(files.slice(i, i + 256).map((f) => writeFile(f.path, f.text)));
}
