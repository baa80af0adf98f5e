// The PUBLIC site: the complaints regulation in Dutch and English, built to dist/site/.
// It reads organization.yml and site/content/ only; never cases/ (privacy: see docs/site-and-report.md, "Public site").
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { parseOrganization } from './lib/organization/organization.ts';
import { assertOnlyPublicAssets } from './io/public-assets.ts';

// site_url decides the canonical addresses and the base path (/klachtenregeling/ on GitHub Pages, / on a custom domain).
const { site_url } = parseOrganization('organization.yml', readFileSync('organization.yml', 'utf8'));

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist/site',
  site: site_url,
  base: new URL(site_url).pathname,
  trailingSlash: 'always',
  integrations: [
    mdx(),
    // sitemap-index.xml and sitemap-0.xml with every page's canonical address (under site_url), for search engines
    sitemap(),
    {
      // site/public/ is copied into the public site as it is: only the site's own assets may be there
      name: 'klachtenregeling:public-assets',
      hooks: { 'astro:config:setup': () => assertOnlyPublicAssets('site/public') },
    },
  ],
  build: { format: 'directory', inlineStylesheets: 'always' },
  // The calculator's script (about 4.9 KB, 2.4 KB gzipped, since it reads written dates) stays inline in its page, as
  // the stylesheets do: no separate request. Vite inlines a processed script below this size (default 4 KB).
  vite: { build: { assetsInlineLimit: 8192 } },
  devToolbar: { enabled: false },
  // No web fonts, no prefetch, no client router: every page but the calculator's ships no JavaScript.
  prefetch: false,
});
