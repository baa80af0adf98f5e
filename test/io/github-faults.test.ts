import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flagId, parseMarker } from '../../lib/github/issue.ts';
import type { CaseSpec } from '../helpers/case-fixtures.ts';
import { startFakeGitHub, type FakeGitHub } from '../../tools/fake-github.ts';
import { runSync, type SyncRun } from '../helpers/run-sync.ts';

// Issue 13: the GitHub faults that left two open issues for one case while every later run said "already in
// step", and the invalid case file that silenced every alert. Each row reproduces the fault on the fake GitHub,
// then runs the sync until it must have converged: exactly one open issue per flag, the expected flags open,
// and a last run that writes nothing. The rows are counted in the closing note of the issue.

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  await fake.close();
});

const TODAY = '2026-11-24'; // a Tuesday
const OVERDUE: CaseSpec = { id: 'K-2026-001', received: '2026-10-01' }; // due 2026-10-29
const DUE_SOON: CaseSpec = { id: 'K-2026-003', received: '2026-11-03' }; // due 2026-12-01
const CASES = [OVERDUE, DUE_SOON];

/** Open issues per flag identity, from the markers (whatever the labels say). */
function openPerFlag(): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const i of fake.issues.filter((i) => i.state === 'open')) {
    const m = parseMarker(i.body ?? '');
    if (!m) continue;
    const id = flagId(m.kind, m.key);
    map.set(id, [...(map.get(id) ?? []), i.number]);
  }
  return map;
}
const duplicated = () => [...openPerFlag().values()].filter((n) => n.length > 1).length;

/** Converged: one open issue per flag, the expected flags, every one labelled, and a run that writes nothing. */
async function expectConverged(expected: string[], run: () => Promise<SyncRun>): Promise<void> {
  const flags = openPerFlag();
  expect([...flags.keys()].sort()).toEqual([...expected].sort());
  for (const [id, numbers] of flags) expect(numbers, id).toHaveLength(1);
  for (const i of fake.issues.filter((i) => i.state === 'open')) expect(i.labels).toContain('klacht-termijn');
  const before = fake.count().writes;
  const last = await run();
  expect(last.error).toBeNull();
  expect(fake.count().writes - before).toBe(0);
  expect(last.log.join('\n')).toContain('GitHub was already in step');
}

const EXPECTED = ['deadline:K-2026-001', 'deadline:K-2026-003'];
const sync = (extra: Partial<Parameters<typeof runSync>[2]> = {}) => runSync(fake, CASES, { today: TODAY, ...extra });

interface Scenario {
  name: string;
  /** Reproduce the fault; returns the run(s) that saw it. */
  fault: () => Promise<void>;
  expected: string[];
  /** The runs after the fault that repair it (before the check for convergence). */
  repairs: number;
  then?: () => void;
  again?: () => Promise<SyncRun>;
}

/** The scenarios; `npm test` counts them (issue 13's closing note: fault scenarios / converged). */
export const FAULT_SCENARIOS: Scenario[] = [
  {
    name: 'a create GitHub completes after the client timed out (the client made it again)',
    fault: async () => {
      // the first create is held until the client, timed out, makes it again (60 s at most)
      const landed = new Promise<void>((landed) =>
        fake.delays.push({ method: 'POST', path: /\/issues$/, times: 1, ms: 60_000, untilRepeated: true, landed }),
      );
      const run = await sync({ today: TODAY, env: { DEADLINES_GITHUB_TIMEOUT_MS: '200' } });
      expect(run.error).toBeNull();
      await landed; // the slow create lands
      // the fault reproduced: two open issues for a case (on a busy machine another create may time out too)
      expect(duplicated()).toBeGreaterThanOrEqual(1);
    },
    expected: EXPECTED,
    repairs: 1,
  },
  {
    name: 'two runs at once (a local run beside the scheduled one)',
    fault: async () => {
      const [a, b] = await Promise.all([sync(), sync()]);
      expect(a.error).toBeNull();
      expect(b.error).toBeNull();
      expect(duplicated()).toBeGreaterThan(0);
    },
    expected: EXPECTED,
    repairs: 1,
  },
  {
    name: 'the base label removed by hand',
    fault: async () => {
      await sync();
      for (const i of fake.issues) i.labels = i.labels.filter((l) => l !== 'klacht-termijn');
    },
    expected: EXPECTED,
    repairs: 1,
  },
  {
    name: 'a second issue with the same marker made by hand (a copy)',
    fault: async () => {
      await sync();
      const first = fake.issues[0]!;
      fake.seedIssue({ title: first.title, body: first.body, labels: [...first.labels] });
      expect(duplicated()).toBe(1);
    },
    expected: EXPECTED,
    repairs: 1,
  },
  {
    name: 'one invalid case file (received: 2026-11-3): the valid cases are still flagged',
    fault: async () => {
      const run = await runSync(fake, [OVERDUE], {
        today: TODAY,
        invalid: [{ file: 'cases/2026/K-2026-003.md', problems: [{ line: 3, field: 'received' }] }],
      });
      expect(run.error).toBeNull();
    },
    expected: ['deadline:K-2026-001', 'invalid:invalid'],
    repairs: 0,
    again: () =>
      runSync(fake, [OVERDUE], {
        today: TODAY,
        invalid: [{ file: 'cases/2026/K-2026-003.md', problems: [{ line: 3, field: 'received' }] }],
      }),
  },
  {
    name: 'a flagged case whose file turns invalid keeps its issue; fixed, the invalid-file issue closes',
    fault: async () => {
      await sync();
      await runSync(fake, [OVERDUE], {
        today: TODAY,
        invalid: [{ file: 'cases/2026/K-2026-003.md', problems: [{ line: 3, field: 'received' }] }],
      });
      expect([...openPerFlag().keys()].sort()).toEqual([...EXPECTED, 'invalid:invalid'].sort()); // not closed as "gone"
    },
    expected: EXPECTED,
    repairs: 1, // the file is fixed: the next ordinary run closes the invalid-file issue
  },
];

describe.each(FAULT_SCENARIOS)('$name', (s) => {
  it('converges: one open issue per flag, and a run that writes nothing', async () => {
    await s.fault();
    for (let k = 0; k < s.repairs; k++) expect((await sync()).error).toBeNull();
    await expectConverged(s.expected, s.again ?? (() => sync()));
  });
});

describe('the duplicate repair', () => {
  it('keeps the oldest, closes the others with a comment linking it, and names both in the summary', async () => {
    await sync();
    const first = fake.issues.find((i) => parseMarker(i.body ?? '')?.key === 'K-2026-001')!;
    const copy = fake.seedIssue({ title: first.title, body: first.body, labels: [...first.labels] });
    const run = await sync();
    expect(fake.issue(first.number)?.state).toBe('open');
    expect(fake.issue(copy.number)?.state).toBe('closed');
    expect(fake.issue(copy.number)?.comments).toEqual([
      `Dubbel issue: dit signaal wordt bijgehouden in #${first.number}. Dit issue wordt gesloten als duplicaat.`,
    ]);
    expect(run.summary).toContain(`#${copy.number} (duplicate of #${first.number})`);
    expect(run.log.join('\n')).toContain(`close issue #${copy.number} for K-2026-001 (deadline) as a duplicate of #${first.number}`);
  });
});

describe('the "Ongeldig dossier" issue', () => {
  it('names each invalid file and field, never a value, and closes when they are fixed', async () => {
    const invalid = [
      { file: 'cases/2026/K-2026-003.md', problems: [{ line: 3, field: 'received' }] },
      { file: 'cases/2026/K-2026-007.md', problems: [{ line: 9, field: 'jan@x.nl' }] },
    ];
    await runSync(fake, [OVERDUE], { today: TODAY, invalid });
    const issue = fake.issues.find((i) => parseMarker(i.body ?? '')?.kind === 'invalid')!;
    expect(issue.title).toBe('Ongeldig dossier: 2 bestanden herstellen');
    expect(issue.labels).toEqual(['klacht-termijn', 'ongeldig-dossier']);
    expect(issue.body).toContain('| `cases/2026/K-2026-003.md` | 3 | `received` |');
    expect(issue.body).toContain('| `cases/2026/K-2026-007.md` | 9 | (een onbekend veld; naam niet getoond) |');
    expect(issue.body).not.toContain('jan@x.nl');
    await runSync(fake, [OVERDUE, DUE_SOON], { today: TODAY });
    expect(fake.issue(issue.number)?.state).toBe('closed');
    expect(fake.issue(issue.number)?.comments.at(-1)).toBe('Alle dossierbestanden voldoen weer aan het schema; dit issue wordt gesloten.');
  });
});
