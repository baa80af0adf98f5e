import { existsSync, readFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { parseOrganization } from '../lib/organization/organization.ts';
import { ROUTES } from '../lib/regulation/routes.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.ts';
import { serveStatic } from './static-server.ts';
import { parseCommandLine, runMain, UsageError } from '../io/cli.ts';

const HELP = `Usage: npm run lighthouse [-- --runs N] [--dist DIR] [--config FILE]

Serves the built public site (default dist/site; build it first with npm run build:site) on
127.0.0.1 under its base path and runs Lighthouse (mobile, default settings) on every page with
Debian's Chromium (CHROME_PATH, default /usr/bin/chromium). Runs each page N times (default 3) and
prints the run with the median performance score: the four scores, FCP, LCP, TBT and CLS, and for
any score under 100 the audits that cost points. Exits 1 when a score is under 100.

Performance is measured with simulated mobile throttling, so it moves with the machine's load:
run it on a quiet machine.`;

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
  const org = parseOrganization(values.config, readFileSync(values.config, 'utf8'));
  const server = await serveStatic(values.dist, new URL(org.site_url).pathname);
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS });
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
