// @ts-check
import { defineConfig } from 'astro/config';

// The INTERNAL report: a second Astro build, separate from the public site (astro.config.mjs).
// Its pages live only under site/report/, and it writes only to dist/report/. It reads the case files
// at build time (site/report/data/report.ts) and ships no JavaScript to the browser.
export default defineConfig({
  srcDir: './site/report',
  // Never the public site's public/ folder, and no public folder of its own.
  publicDir: './site/report/public',
  outDir: './dist/report',
  cacheDir: './node_modules/.astro-report',
  // Pages as files (index.html, jaar/2026.html) with relative links: the artifact opens straight from disk.
  build: { format: 'file', inlineStylesheets: 'always', assets: '_report' },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
  compressHTML: true,
});
