// The public build of test/e2e/shared-site.ts (built once for all end-to-end tests by global-setup.ts):
// organization.yml names another organization and cases/ holds a canary case. The site must show the new
// facts everywhere, and nothing of the case.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { SITE_PAGES } from '../../tools/site-build.ts';
import { CANARY, CANARY_ID, otherOrganization } from './shared-site.ts';

let dist = '';
let files: { path: string; text: string }[] = [];

beforeAll(async () => {
  const dir = inject('siteDir');
  // the shared build really is of another organization, with the canary case in cases/
  expect(await readFile(join(dir, 'organization.yml'), 'utf8')).toBe(otherOrganization(await readFile('organization.yml', 'utf8')));
  expect(await readFile(join(dir, 'cases/2026', `${CANARY_ID}.md`), 'utf8')).toContain(CANARY[0]);
  dist = join(dir, 'dist/site');
  const paths = (await readdir(dist, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  files = await Promise.all(paths.map(async (path) => ({ path, text: await readFile(path, 'latin1') })));
});

const page = (path: string) => {
  const file = files.find((f) => f.path === join(dist, path.endsWith('.html') ? path : `${path}index.html`));
  if (!file) throw new Error(`no page ${path}`);
  return Buffer.from(file.text, 'latin1').toString('utf8');
};

describe('privacy: the public build never reads cases/', () => {
  it.each([CANARY_ID, ...CANARY])('no file under dist/site/ contains %j', (needle) => {
    expect(files.length).toBeGreaterThan(6);
    for (const f of files) expect(f.text.includes(needle), f.path).toBe(false);
  });
});

describe('numbers and names come from organization.yml', () => {
  it('replaces every name of the default organization and escalation body', () => {
    for (const f of files) expect(f.text, f.path).not.toMatch(/Organize4all|Solopartners/i);
  });
  it('shows the new deadlines in the summary, the regulation and the complaint page', () => {
    const nl = page('');
    expect(nl).toMatch(/Tot uiterlijk 25 werkdagen nadat de opdracht is afgerond/);
    expect(nl).toMatch(/binnen 15 werkdagen een schriftelijk antwoord/);
    expect(nl).toMatch(/De klacht kan maximaal 25 werkdagen na afronding van de opdracht worden ingediend/); // art. 4.1
    expect(nl).toMatch(/De klacht dient binnen maximaal 15 werkdagen schriftelijk door Ordelijk Thuis afgehandeld te zijn/); // art. 6.2
    expect(nl).not.toMatch(/\b(30|20) werkdagen/);
    expect(page('en/')).toMatch(/at most 25 working days after the assignment was completed/);
    expect(page('en/')).not.toMatch(/\b(30|20) working days/);
    expect(page('klacht-indienen/')).toMatch(/data-workdays="25"/);
    expect(page('en/making-a-complaint/')).toMatch(/data-workdays="15"/);
  });
  it('shows the new contact details, e-mail link and address', () => {
    const html = page('klacht-indienen/');
    expect(html).toContain(
      'href="mailto:zorgen@ordelijk-thuis.example?subject=Klacht%20over%20de%20dienstverlening%20van%20Ordelijk%20Thuis&amp;body=',
    );
    expect(html).toContain('Ordelijk Thuis<br/>Antwoordnummer 555<br/>2000 ZZ Haarlem');
    expect(html).toContain('href="https://geschillenhuis-noord.example/klachten"');
    expect(html).toContain('+31 20 7654321');
    expect(page('en/making-a-complaint/')).toContain('<span lang="en">Geschillenhuis Noord decides independently on complaints.</span>');
    expect(page('klachtformulier/')).toContain('Ordelijk Thuis, Antwoordnummer 555, 2000 ZZ Haarlem');
  });
  it('takes canonical addresses and the base path from site_url (here a custom domain, base /)', () => {
    expect(page('en/making-a-complaint/')).toContain(
      '<link rel="canonical" href="https://klachten.ordelijk-thuis.example/en/making-a-complaint/">',
    );
    expect(page('')).toContain('<link rel="alternate" hreflang="en" href="https://klachten.ordelijk-thuis.example/en/">');
    expect(page('')).toContain('<link rel="icon" href="/favicon.svg"');
  });
});

describe('JavaScript budget', () => {
  it.each(SITE_PAGES)('$path ships JavaScript only if it has the calculator ($js)', ({ path, js }) => {
    const scripts = page(path).match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
    expect(scripts.length).toBe(js ? 1 : 0);
  });
  it('the pages without JavaScript are complete: the calculator is hidden and the counting rule is written out', () => {
    const html = page('klacht-indienen/');
    expect(html).toMatch(/<form class="calc" hidden/);
    expect(html).toMatch(/Zo telt u werkdagen\.<\/strong> Werkdagen zijn maandag tot en met vrijdag/);
    expect(html).not.toMatch(/\.js"/);
    expect(files.filter((f) => f.path.endsWith('.js'))).toEqual([]);
  });
});
