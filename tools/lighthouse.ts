import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseOrganization } from '../lib/organization/organization.ts';
import { ROUTES } from '../lib/regulation/routes.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.ts';
import { serveStatic } from './static-server.ts';
import { parseCommandLine, runMain, UsageError } from '../io/cli.ts';

/** The Lighthouse version installed on demand (it brings chrome-launcher). */
const LIGHTHOUSE = '13.5.0';
const HELP = `Usage: npm run lighthouse [-- --runs N] [--dist DIR] [--config FILE]

Lighthouse (about 110 packages, 128 MB) is no dependency of the project: the first run installs
lighthouse@${LIGHTHOUSE} into node_modules/.cache/lighthouse (npm install), later runs reuse it.

Serves the built public site (default dist/site; build it first with npm run build:site) on
127.0.0.1 under its base path and runs Lighthouse (mobile, default settings) on every page with
Debian's Chromium (CHROME_PATH, default /usr/bin/chromium). Runs each page N times (default 3) and
prints the run with the median performance score: the four scores, FCP, LCP, TBT and CLS, and for
any score under 100 the audits that cost points. Exits 1 when a score is under 100.

Performance is measured with simulated mobile throttling, so it moves with the machine's load:
run it on a quiet machine.`;

const PREFIX = join(import.meta.dirname, '../node_modules/.cache/lighthouse');

/** The parts of Lighthouse and chrome-launcher used here. */
interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, { score: number | null; numericValue?: number; title: string } | undefined>;
}
type RunLighthouse = (url: string, flags: Record<string, unknown>) => Promise<{ lhr: Lhr } | undefined>;
type LaunchChrome = (options: { chromePath: string; chromeFlags: string[] }) => Promise<{ port: number; kill(): void }>;

/** Lighthouse and chrome-launcher from node_modules/.cache/lighthouse, installed there first when missing or of another version. */
async function loadLighthouse(): Promise<{ lighthouse: RunLighthouse; launch: LaunchChrome }> {
  const manifest = join(PREFIX, 'node_modules/lighthouse/package.json');
  const installed = existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  if (installed !== LIGHTHOUSE) {
    console.error(`Installing lighthouse@${LIGHTHOUSE} into node_modules/.cache/lighthouse (once) …`);
    execFileSync(
      'npm',
      ['install', '--prefix', PREFIX, '--no-save', '--no-audit', '--no-fund', '--loglevel', 'error', `lighthouse@${LIGHTHOUSE}`],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
  }
  const require = createRequire(join(PREFIX, 'node_modules/lighthouse/package.json'));
  const url = (name: string) => pathToFileURL(require.resolve(name)).href;
  const [{ default: lighthouse }, { launch }] = (await Promise.all([import(url('lighthouse')), import(url('chrome-launcher'))])) as [
    { default: RunLighthouse },
    { launch: LaunchChrome },
  ];
  return { lighthouse, launch };
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

await runMain('lighthouse', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    dist: { type: 'string', default: 'dist/site' },
    runs: { type: 'string', default: '3' },
    config: { type: 'string', default: 'organization.yml' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return void console.log(HELP);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs must be a whole number ≥ 1, got ${values.runs}`);
  if (!existsSync(`${values.dist}/index.html`)) throw new UsageError(`${values.dist}/index.html not found: run npm run build:site first`);
  const { lighthouse, launch } = await loadLighthouse();
  const org = parseOrganization(values.config, readFileSync(values.config, 'utf8'));
  const server = await serveStatic(values.dist, new URL(org.site_url).pathname);
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS });
  const paths = [...Object.values(ROUTES).flatMap((r) => [r.nl, r.en]), '404.html'];
  let below = 0;
  try {
    console.log(['page'.padEnd(26), 'perf', 'a11y', 'best', ' seo', '    FCP', '    LCP', '  TBT', '  CLS'].join('  '));
    for (const path of paths) {
      const results = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(server.url + path, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
        });
        if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
        results.push(result.lhr);
      }
      results.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
      const { categories, audits } = results[Math.floor(results.length / 2)]!;
      const scores = CATEGORIES.map((c) => Math.round((categories[c]?.score ?? 0) * 100));
      const metric = (id: string, digits = 0) => (audits[id]?.numericValue ?? NaN).toFixed(digits);
      console.log(
        [
          `/${path}`.padEnd(26),
          ...scores.map((s) => String(s).padStart(4)),
          `${metric('first-contentful-paint')} ms`.padStart(7),
          `${metric('largest-contentful-paint')} ms`.padStart(7),
          `${metric('total-blocking-time')} ms`.padStart(5),
          metric('cumulative-layout-shift', 3).padStart(5),
        ].join('  '),
      );
      for (const c of CATEGORIES.filter((_, i) => scores[i]! < 100)) {
        below++;
        for (const ref of categories[c]!.auditRefs.filter((r) => r.weight > 0 && (audits[r.id]?.score ?? 1) < 1))
          console.log(`    ${c}: ${audits[ref.id]!.title}`);
      }
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return below ? 1 : 0;
});
