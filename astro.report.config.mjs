// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { loadReport, reportInputFromEnv, REPORT_ENV } from './io/report-data.ts';

// The INTERNAL report: a second Astro build beside the public site (astro.config.mjs), with its own srcDir
// report/, writing only to dist/report/. Its pages never read the cases: the figures are handed in as the
// virtual module below (as Starlight hands over its user config), computed once per build.

const VIRTUAL_ID = 'virtual:klachtenregeling/report';

/**
 * `npm run report` has already read and validated the cases and names a JSON file with the figures; a bare
 * `astro build/dev --config astro.report.config.mjs` computes them here, through the same loader.
 * @returns {import('astro').AstroIntegration}
 */
function reportData() {
  return {
    name: 'klachtenregeling:report-data',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'klachtenregeling:report-data',
                resolveId: (id) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
                async load(id) {
                  if (id !== `\0${VIRTUAL_ID}`) return undefined;
                  const file = process.env[REPORT_ENV.data];
                  const report = file ? JSON.parse(readFileSync(file, 'utf8')) : await loadReport(reportInputFromEnv(process.env));
                  return `export const report = ${JSON.stringify(report)};`;
                },
              },
            ],
          },
        });
      },
    },
  };
}

export default defineConfig({
  srcDir: './report',
  // Never the public site's public/ folder, and no public folder of its own.
  publicDir: './report/public',
  outDir: './dist/report',
  cacheDir: './node_modules/.astro-report',
  // Pages as files (index.html, jaar/2026.html) with relative links: the artifact opens straight from disk.
  build: { format: 'file', inlineStylesheets: 'always', assets: '_report' },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
  compressHTML: true,
  integrations: [reportData()],
});
