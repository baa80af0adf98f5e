import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandLine, runMain, UsageError } from '../io/cli.ts';
import { Git } from '../io/git.ts';
import { Sharing } from '../io/sharing.ts';
import { retention } from '../actions/retention.ts';
import { workspace } from '../actions/workspace.ts';
import { parseOrganization } from '../lib/organization/organization.ts';
import { writeSyntheticCases } from './synthetic-cases.ts';

const HELP = `Usage: npm run bench:erasure -- [--commits N] [--cases N] [--runs N]

Erasure on request through the history (issue 23): a register of N cases (default 300; tools/synthetic-cases.ts)
built in N commits (default 1,000; written with git fast-import, not one git commit each): one commit per
registration, the rest edits of the notes, five of them of the case that is erased, which also has an
attachment. A bare remote, clone a (the register) and clone b (pulled, with one commit of its own not shared).
Per run, on a fresh register:
  - rewrite: in clone a, the erasure's history step (fetch, merge, git fast-export | filter | git fast-import
    over every branch, the leased push, reflog expiry and git gc --prune=now), after the action has anonymized
    and committed the case;
  - sync: clone b's Synchroniseren after it (fetch, recognise the rewrite, rewrite its own history with its
    unshared commit, prune, merge, push).
Wall time and CPU time (this process and the git processes it waited for), the load average beside them.
Targets: rewrite ≤ 10 s, sync ≤ 5 s (median of --runs, default 3). Exits 1 when one is missed.`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TODAY = '2026-06-30';
const IDENTITY = {
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.org',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.org',
};
const ENV = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_'))),
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  ...IDENTITY,
};
const CANARY = 'Bench Kanarie Persoon, 06 55554444';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).trim();
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** CPU seconds of this process and of the children it waited for (/proc/self/stat utime, stime, cutime, cstime). */
const TICKS = 100;
function cpu(): number {
  const f = readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ')
    .map(Number);
  return (f[11]! + f[12]! + f[13]! + f[14]!) / TICKS;
}

/** The fast-import stream of the register: registrations, then edits; the erased case gets five edits and an attachment. */
function registerStream(cases: { path: string; text: string }[], commits: number, erased: number): string {
  const out: string[] = [];
  const texts = cases.map((c) => c.text);
  let time = 1_700_000_000;
  const commit = (message: string, files: [string, string][]) => {
    out.push(
      'commit refs/heads/main',
      `committer Bench <bench@example.org> ${time++} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
    );
    for (const [path, text] of files) out.push(`M 100644 inline ${path}`, `data ${Buffer.byteLength(text)}`, text);
    out.push('');
  };
  cases.forEach((c, i) => commit(`${idOf(c.path)}: klacht geregistreerd (art. 4.5)`, [[c.path, texts[i]!]]));
  const edits = commits - cases.length;
  for (let n = 0; n < edits; n++) {
    const i = n < 5 ? erased : (n * 7919) % cases.length;
    texts[i] = `${texts[i]!}\n- bewerking ${n}${i === erased ? `: gebeld met ${CANARY}` : ''}\n`;
    const files: [string, string][] = [[cases[i]!.path, texts[i]!]];
    if (n === 0) files.push([`${cases[i]!.path.replace(/\.md$/, '')}/brief.txt`, `Brief van ${CANARY}\n`]);
    commit(`${idOf(cases[i]!.path)}: notitie`, files);
  }
  return `${out.join('\n')}\n`;
}
const idOf = (path: string) => path.replace(/^.*\//, '').replace(/\.md$/, '');

await runMain('bench:erasure', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    commits: { type: 'string', default: '1000' },
    cases: { type: 'string', default: '300' },
    runs: { type: 'string', default: '3' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return void console.log(HELP);
  const [commits, caseCount, runs] = [values.commits, values.cases, values.runs].map(Number) as [number, number, number];
  if (!(caseCount > 0 && commits >= caseCount + 5 && runs > 0))
    throw new UsageError('--commits moet minstens --cases + 5 zijn; --runs ≥ 1');
  const org = parseOrganization('organization.yml', readFileSync(join(ROOT, 'organization.yml'), 'utf8'));
  console.log(`bench:erasure: ${caseCount} cases, ${commits} commits, ${runs} run(s); ${load()}`);
  const rewrite: number[] = [];
  const sync: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const root = mkdtempSync(join(tmpdir(), 'bench-erasure-'));
    try {
      // the register's case files, valid and fictional
      const gen = join(root, 'gen');
      await writeSyntheticCases(gen, caseCount, TODAY);
      const cases = (readdirSync(gen, { recursive: true }) as string[])
        .filter((p) => p.endsWith('.md'))
        .sort()
        .map((p) => ({ path: `cases/${p}`, text: readFileSync(join(gen, p), 'utf8') }));
      const erased = cases.findIndex((c) => /^status: resolved$/m.test(c.text));
      const id = idOf(cases[erased]!.path);
      git(root, 'init', '--quiet', '--bare', '-b', 'main', 'remote.git');
      git(root, 'init', '--quiet', '-b', 'main', 'a');
      const a = join(root, 'a');
      execFileSync('git', ['fast-import', '--quiet'], { cwd: a, env: ENV, input: registerStream(cases, commits, erased) });
      git(a, 'checkout', '--quiet', '-f', 'main');
      writeFileSync(join(a, 'organization.yml'), readFileSync(join(ROOT, 'organization.yml')));
      git(a, 'add', 'organization.yml');
      git(a, 'commit', '--quiet', '-m', 'organization.yml');
      git(a, 'remote', 'add', 'origin', join(root, 'remote.git'));
      git(a, 'push', '--quiet', '-u', 'origin', 'main');
      git(root, 'clone', '--quiet', 'remote.git', 'b');
      const b = join(root, 'b');
      writeFileSync(join(b, 'cases', 'eigen-werk.txt'), 'Niet gedeeld.\n');
      git(b, 'add', '.');
      git(b, 'commit', '--quiet', '-m', 'eigen werk');
      const sharingIn = (dir: string) =>
        new Sharing({
          cases: join(dir, 'cases'),
          config: join(dir, 'organization.yml'),
          git: new Git(join(dir, 'cases'), { env: ENV }),
          autoShare: false,
        });

      const r = await retention(workspace(join(a, 'cases'), org, TODAY, sharingIn(a)), { caseId: id, apply: true });
      if (r.kind !== 'applied') throw new Error(`erasure of ${id}: ${r.kind}`);
      const [w0, c0] = [performance.now(), cpu()];
      const h = await r.history;
      const [w1, c1] = [performance.now(), cpu()];
      if (!h?.shared) throw new Error(`the rewrite was not shared: ${h?.failure ?? 'no Git'}`);
      rewrite.push((w1 - w0) / 1000);
      const done = await sharingIn(b).sync();
      const [w2, c2] = [performance.now(), cpu()];
      if (!done.shared) throw new Error(`clone b's sync: ${done.failure}`);
      sync.push((w2 - w1) / 1000);
      const leaked = ['a', 'b'].filter((d) =>
        execFileSync('git', ['cat-file', '--batch-all-objects', '--batch'], { cwd: join(root, d), env: ENV, maxBuffer: 1 << 30 })
          .toString()
          .includes(CANARY),
      );
      if (leaked.length) throw new Error(`the canary is still in clone ${leaked.join(', ')}`);
      console.log(
        `run ${run}: rewrite ${((w1 - w0) / 1000).toFixed(2)} s wall, ${(c1 - c0).toFixed(2)} s CPU (${h.versions} versions, ${h.heads.length} refs); ` +
          `sync of clone b ${((w2 - w1) / 1000).toFixed(2)} s wall, ${(c2 - c1).toFixed(2)} s CPU; ${load()}`,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  const ok = median(rewrite) <= 10 && median(sync) <= 5;
  console.log(
    `median: rewrite ${median(rewrite).toFixed(2)} s (target ≤ 10 s), sync ${median(sync).toFixed(2)} s (target ≤ 5 s): ${ok ? 'within target' : 'TARGET MISSED'}`,
  );
  console.log(execFileSync('uptime', { encoding: 'utf8' }).trim());
  if (!ok) process.exitCode = 1;
});
