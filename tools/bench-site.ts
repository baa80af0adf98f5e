import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { parseOrganization } from '../lib/organization/organization.ts';
import { REGULATION_FILES } from '../lib/regulation/regulation.ts';
import { splitArticles, type SplitRegulation } from '../lib/regulation/articles.ts';
import { ROUTES } from '../lib/regulation/routes.ts';
import { launchBrowser } from './browser.ts';
import { projectCopy } from './site-build.ts';
import { serveStatic } from './static-server.ts';
import { parseCommandLine, runMain } from '../io/cli.ts';

const HELP = `Usage: npm run bench:site [-- --cases N]

Builds the public site in a temporary copy of the project, with an empty cases/ and then with N
synthetic case files (default 10000), and prints both build times (the public build never reads
cases/, so they should not differ). Then loads every page in Chromium and prints, per page, the
gzipped bytes of HTML, CSS, JavaScript, other files and the total, as a browser fetches them.
Last, it builds the same regulation as the one page of a default Astro Starlight site in a temporary
folder and prints its weight beside ours. Starlight is no dependency of the project: it is installed
on demand (npm install, about 80 packages) into that temporary folder, with the project's Astro version.`;

/** The Starlight version the comparison installs on demand. */
const STARLIGHT = '^0.42.4';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const gz = (s: string | Buffer) => gzipSync(s).length;

/** Run `astro build` in `dir` (with the given Astro); returns the seconds it took. */
function build(dir: string, astro = ASTRO): number {
  const start = performance.now();
  execFileSync(process.execPath, [astro, 'build'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return (performance.now() - start) / 1000;
}

/** Write `n` plausible case files under `dir`/cases. */
async function writeCases(dir: string, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) {
    const year = 2020 + (i % 7);
    const id = `K-${year}-${String(i).padStart(5, '0')}`;
    await mkdir(join(dir, 'cases', String(year)), { recursive: true });
    await writeFile(
      join(dir, 'cases', String(year), `${id}.md`),
      `---\nid: ${id}\norganizer: anouk\nreceived: ${year}-03-02\nchannel: email\nstatus: open\ncomplainant:\n  name: Synthetische Klant ${i}\n  email: klant${i}@example.invalid\ncategories: [communicatie]\n---\nKlachttekst ${i}.\n`,
    );
  }
}

interface Weight {
  html: number;
  css: number;
  js: number;
  other: number;
}

/** What a browser fetches for a page, gzipped per part. Inline <style> and <script> count as CSS and JS. */
async function weigh(context: BrowserContext, url: string): Promise<Weight> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true }); // every page as on a first visit
  const bodies: { type: string; body: Buffer }[] = [];
  page.on('response', async (r) => {
    try {
      bodies.push({ type: r.request().resourceType(), body: await r.body() });
    } catch {
      /* redirects have no body */
    }
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.close();
  const w: Weight = { html: 0, css: 0, js: 0, other: 0 };
  for (const { type, body } of bodies) {
    if (type === 'document') {
      const html = body.toString('utf8');
      const inline = (tag: string) =>
        [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1] ?? '').join('');
      const css = inline('style');
      const js = inline('script');
      w.css += css ? gz(css) : 0;
      w.js += js ? gz(js) : 0;
      w.html += gz(html.replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/g, ''));
    } else if (type === 'stylesheet') w.css += gz(body);
    else if (type === 'script') w.js += gz(body);
    else w.other += gz(body);
  }
  return w;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
const row = (name: string, w: Weight) =>
  [name.padEnd(30), kb(w.html), kb(w.css), kb(w.js), kb(w.other), kb(w.html + w.css + w.js + w.other)].join(' ');

/** The regulation as Markdown, for the Starlight comparison. */
function regulationMarkdown(reg: SplitRegulation): string {
  const articles = reg.articles.map(
    (a) =>
      `## ${a.number}. ${a.title}\n\n${a.blocks.map((b) => (b.kind === 'text' ? `${b.text}\n` : `${b.number}. ${b.paragraphs.join('  \n')}`)).join('\n')}\n`,
  );
  return `---\ntitle: ${JSON.stringify(reg.title ?? '')}\n---\n\n${articles.join('\n')}`;
}

await runMain('bench:site', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    cases: { type: 'string', default: '10000' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return void console.log(HELP);
  const n = Number(values.cases);
  const org = parseOrganization('organization.yml', await readFile('organization.yml', 'utf8'));

  // 1. Build time with 0 and with n cases.
  const copy = await projectCopy();
  // Inside the project (.tmp/ is git-ignored): Astro cannot compile Starlight's components through a linked node_modules.
  await mkdir(join(ROOT, '.tmp'), { recursive: true });
  const starlight = await mkdtemp(join(ROOT, '.tmp', 'starlight-'));
  const { context, close } = await launchBrowser();
  try {
    await rm(join(copy.dir, 'cases'), { recursive: true, force: true });
    await mkdir(join(copy.dir, 'cases'));
    build(copy.dir); // warm-up: the first build on a machine pays for caches
    const empty = build(copy.dir);
    await writeCases(copy.dir, n);
    const full = build(copy.dir);
    console.log(`Public build (astro build): ${empty.toFixed(2)} s with 0 cases, ${full.toFixed(2)} s with ${n} cases in cases/\n`);

    // 2. Weight per page.
    const server = await serveStatic(join(copy.dir, 'dist/site'), new URL(org.site_url).pathname);
    console.log(['gzipped, as fetched'.padEnd(30), '     HTML', '      CSS', '       JS', '    other', '    total'].join(' '));
    const paths = [...Object.values(ROUTES).flatMap((r) => [r.nl, r.en]), '404.html'];
    for (const path of paths) console.log(row(`/${path}`, await weigh(context, server.url + path)));
    await server.close();

    // 3. The same regulation as a default Starlight site.
    const reg = splitArticles(await readFile(REGULATION_FILES.nl, 'utf8'));
    await mkdir(join(starlight, 'src/content/docs'), { recursive: true });
    // Starlight and the project's Astro version, installed into the temporary folder only.
    const astroVersion = (JSON.parse(await readFile(join(ROOT, 'node_modules/astro/package.json'), 'utf8')) as { version: string }).version;
    await writeFile(
      join(starlight, 'package.json'),
      `${JSON.stringify({ type: 'module', private: true, dependencies: { astro: astroVersion, '@astrojs/starlight': STARLIGHT } })}\n`,
    );
    console.log(`\nInstalling @astrojs/starlight@${STARLIGHT} with astro@${astroVersion} into ${starlight} …`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel', 'error'], {
      cwd: starlight,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await writeFile(
      join(starlight, 'astro.config.mjs'),
      `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'Klachtenregeling' })] });\n`,
    );
    await writeFile(
      join(starlight, 'src/content.config.ts'),
      `import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
    );
    await writeFile(join(starlight, 'src/content/docs/index.md'), regulationMarkdown(reg));
    const starlightTime = build(starlight, join(starlight, 'node_modules/astro/bin/astro.mjs'));
    const sl = await serveStatic(join(starlight, 'dist'), '/');
    console.log(row('Starlight, same regulation /', await weigh(context, sl.url)));
    await sl.close();
    console.log(`\n(Starlight build: ${starlightTime.toFixed(2)} s. KB = 1024 bytes, gzip level 6, browser cache off. "other": images, fonts and
 the favicon, which Chromium fetches once per site, so it shows on the first page only.)`);
  } finally {
    await close();
    await copy.remove();
    await rm(starlight, { recursive: true, force: true });
  }
});
