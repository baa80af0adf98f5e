// The public build of test/e2e/shared-site.ts (built once for all end-to-end tests by global-setup.ts):
// organization.yml names another organization and cases/ holds a canary case. The site must show the new
// facts everywhere, and nothing of the case.
import { readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite, projectCopy, SITE_PAGES } from '../../tools/site-build.ts';
import { CANARY, CANARY_ID, otherOrganization } from './shared-site.ts';
import { SECOND_REGULATION } from '../helpers/second-practice.ts';
import { DUTCH_ONLY } from '../../site/components/ui-text.ts';

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

describe('privacy: the public build never reads cases/ (art. 4.4, confidential)', () => {
  it.each([CANARY_ID, ...CANARY])('no file under dist/site/ contains %j', (needle) => {
    expect(files.length).toBeGreaterThan(6);
    for (const f of files) expect(f.text.includes(needle), f.path).toBe(false);
  });
});

describe('the sitemap (@astrojs/sitemap)', () => {
  it('lists every page at its address under site_url, and the pages point to it', () => {
    const siteUrl = /^site_url:\s*(\S+)/m.exec(otherOrganization(readFileSync('organization.yml', 'utf8')))![1]!;
    const index = files.find((f) => f.path === join(dist, 'sitemap-index.xml'));
    expect(index?.text).toContain(`<loc>${siteUrl}sitemap-0.xml</loc>`);
    const sitemap = files.find((f) => f.path === join(dist, 'sitemap-0.xml'))!.text;
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]).sort();
    const pages = SITE_PAGES.filter((p) => p.path !== '404.html').map((p) => `${siteUrl}${p.path}`);
    expect(listed).toEqual(pages.sort());
    expect(page('')).toContain(`<link rel="sitemap" href="${new URL(siteUrl).pathname}sitemap-index.xml">`);
  });
});

describe('numbers and names come from organization.yml', () => {
  it('replaces every name of the default organization and escalation body', () => {
    for (const f of files) expect(f.text, f.path).not.toMatch(/Organize4all|Solopartners/i);
  });
  it("shows the regulation's deadlines in the summary, the regulation and the complaint page", () => {
    const nl = page('');
    expect(nl).toMatch(/Tot uiterlijk 30 werkdagen nadat de opdracht is afgerond/);
    expect(nl).toMatch(/binnen 20 werkdagen een schriftelijk antwoord/);
    expect(nl).toMatch(/De klacht kan maximaal 30 werkdagen na afronding van de opdracht worden ingediend/); // art. 4.1
    expect(nl).toMatch(/De klacht dient binnen maximaal 20 werkdagen schriftelijk door Ordelijk Thuis afgehandeld te zijn/); // art. 6.2
    expect(page('en/')).toMatch(/at most 30 working days after the assignment was completed/);
    expect(page('klacht-indienen/')).toMatch(/data-workdays="30"/);
    expect(page('en/making-a-complaint/')).toMatch(/data-workdays="20"/);
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
  it("tells the committee's route as organization.yml does (here: the complainant submits), like the letters (art. 4.7)", () => {
    const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    const nl = text(page('klacht-indienen/'));
    expect(nl).toContain(
      'Dan kunt u uw klacht zelf voorleggen aan de Commissie van Geschillenhuis Noord, met het formulier op geschillenhuis-noord.example/indienen (artikel 4).',
    );
    for (const s of [
      'Eerst bemiddelt een klachtenfunctionaris van het Geschillenhuis.',
      'Dat kan tot zes maanden na ons antwoord.',
      'Het kost u 25 euro.',
    ])
      expect(nl).toContain(s);
    expect(nl).not.toContain('Die legt uw klacht dan voor');
    expect(text(page(''))).toContain('Dan kunt u uw klacht zelf voorleggen aan de Commissie van Geschillenhuis Noord (artikel 4).');
    // no English texts given: the Dutch ones, marked as Dutch
    expect(page('en/making-a-complaint/')).toContain('<span lang="nl">met het formulier op geschillenhuis-noord.example/indienen</span>');
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
    expect(html).toMatch(
      /Zo telt u werkdagen\.<\/strong> Wij tellen zoals de Algemene termijnenwet\. Die wet geldt voor wettelijke termijnen; deze\s+regeling volgt haar naar analogie/,
    );
    expect(html).not.toMatch(/\.js"/);
    expect(files.filter((f) => f.path.endsWith('.js'))).toEqual([]);
  });
});

describe('how days are counted (Atw by analogy, decreed days, receipt, oral complaints, Wkkgz)', () => {
  it.each([
    [
      'klacht-indienen/',
      /gelijkstelt \(artikel 3 lid 3 van die wet\), zoals [^.]*\d+ (januari|mei) \d{4}/,
      /het telt wanneer uw klacht\s+binnenkomt/,
      /Een mondelinge klacht telt vanaf de dag waarop u haar deed/,
      /zes weken[\s\S]*hooguit 36 kalenderdagen/,
    ],
    [
      'en/making-a-complaint/',
      /decrees equal to\s+them \(article 3\(3\) of that act\), such as [^.]*\d{4}/,
      /what counts is when\s+it reaches us/,
      /An oral complaint counts from the day you made it/,
      /six weeks[\s\S]*at most 36 calendar days/,
    ],
  ])('%s states it', (path, ...patterns) => {
    const html = page(path);
    for (const p of patterns) expect(html).toMatch(p);
  });
  it('lists the decreed days among the non-working days (2 January and 15 May 2026 are no working days)', () => {
    const html = page('klacht-indienen/');
    expect(html).toMatch(/Feestdagen en gelijkgestelde dagen op een doordeweekse dag in/);
    if (html.includes('in 2026:')) expect(html).toMatch(/2 januari \(gelijkgesteld\)[\s\S]*15 mei \(gelijkgesteld\)/);
    expect(html).toMatch(/data-holidays="[^"]*2026-01-02[^"]*2026-05-15/); // the calculator's table
  });
});

describe("the practice's own regulation, word for word (test/helpers/second-practice.ts)", () => {
  /** The words a reader sees, without the numbering and markup the page turns into structure. */
  const MARKUP = /^(#+|[-*•–—:]|\d+(\.\d+)*[.):]?|\(\d+\)|artikel|art\.|article|lid)$/i;
  const words = (text: string) => text.split(/\s+/).filter((w) => w && !MARKUP.test(w));
  const textOf = (html: string) =>
    html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"');
  it('the Dutch page shows the text as the practice wrote it, article by article, with anchors', () => {
    const html = page('');
    const shown = /<div class="regulation">([\s\S]*)<\/div>\s*<\/main>/.exec(html)?.[1] ?? '';
    const articles = shown.replace(/<nav class="toc"[\s\S]*?<\/nav>/, '');
    expect(words(textOf(articles))).toEqual(words(SECOND_REGULATION));
    expect(html).toContain('id="artikel-2-2"');
    expect(html).toContain('id="artikel-4"');
  });
  it('the English page, without an English text, says the regulation is in Dutch only and links to it', () => {
    const html = page('en/');
    expect(html).toContain(DUTCH_ONLY);
    expect(html).not.toContain('class="articles"');
    expect(html).toMatch(/href="\/" hreflang="nl" lang="nl"/);
  });
  it('cites the articles of its own text: filing 2.2, handling 3.3, confidentiality 3.2, the complaints body 4', () => {
    const nl = textOf(page('klacht-indienen/')).replace(/\s+/g, ' ');
    expect(nl).toContain('nadat de opdracht is afgerond (artikel 2.2).');
    expect(nl).toContain('een schriftelijk antwoord (artikel 3.3).');
    expect(nl).toContain('Uw klacht wordt vertrouwelijk behandeld (artikel 3.2).');
    expect(textOf(page('en/making-a-complaint/')).replace(/\s+/g, ' ')).toContain('after the assignment was completed (article 2.2).');
  });
});

describe("the terms are the regulation's own text (art. 4.1, 5.4, 6.2)", () => {
  it('a build with other terms in organization.yml fails, naming the file, the field and the article', async () => {
    const copy = await projectCopy();
    try {
      const yml = await readFile(join(copy.dir, 'organization.yml'), 'utf8');
      await writeFile(join(copy.dir, 'organization.yml'), yml.replace('filing_workdays: 30', 'filing_workdays: 25'));
      const failure = await buildSite(copy.dir).then(
        () => '',
        (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
      );
      expect(failure).toMatch(
        /organization\.yml:\d+: deadlines\.filing_workdays: is 25 werkdagen, maar artikel 4\.1 van de klachtenregeling zegt: “De klacht kan maximaal 30 werkdagen/,
      );
    } finally {
      await copy.remove();
    }
  }, 120_000);
});

describe('the privacy notice (art. 13 AVG) on the complaint pages', () => {
  /** The notice's own text: the section after its heading, tags removed, spaces normalized. */
  const notice = (path: string) => {
    const html = page(path);
    const section = /<section class="privacy"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const text = section
      .replace(/<[^>]+>/g, '')
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ');
    return { html: section.replace(/\s+/g, ' '), text };
  };
  it.each([
    [
      'klacht-indienen/',
      [
        ['heading', 'Wat wij met uw gegevens doen'],
        // art. 13(1)(a): the controller, from organization.yml
        [
          'controller',
          'Ordelijk Thuis is verantwoordelijk voor uw gegevens (verwerkingsverantwoordelijke): Ordelijk Thuis, Antwoordnummer 555, 2000 ZZ Haarlem',
        ],
        ['data', 'Klaagt u namens een cliënt, dan ook uw relatie met de cliënt, en de naam en contactgegevens van de cliënt'],
        // art. 13(1)(c): purposes and legal bases, also for a representative or a third party
        ['purpose', 'Alleen om uw klacht te behandelen zoals onze klachtenregeling voorschrijft'],
        ['basis (b)', 'art. 6 lid 1 onder b AVG'],
        ['basis (f), representative or third party', 'Klaagt iemand namens de cliënt, of noemt een klacht iemand anders'],
        ['special categories', 'art. 9 lid 2 onder f AVG'],
        // art. 13(2)(e)
        ['required', 'Moet u gegevens geven? Nee. Maar zonder uw naam en een adres of e-mailadres'],
        // art. 13(1)(e)(f): every recipient, with the transfer ground
        [
          'every organizer',
          'Alle Professional Organizers & Coaches van Ordelijk Thuis (nu twee) kunnen elk klachtdossier openen, niet alleen wie uw klacht behandelt',
        ],
        ['processor', 'GitHub, Inc. bewaart de dossiers in een afgeschermde (privé-)opslagplaats, in de Verenigde Staten'],
        ['agreement', 'volgens onze verwerkersovereenkomst, de GitHub Data Protection Agreement (art. 28 AVG)'],
        ['transfer', 'EU-VS Data Privacy Framework (adequaatheidsbesluit van de Europese Commissie van 10 juli 2023, art. 45 AVG)'],
        ['committee', 'Wordt uw klacht voorgelegd aan de Commissie van Geschillenhuis Noord, dan krijgt die het dossier en onze brieven'],
        // art. 13(2)(a), from organization.yml
        ['retention', 'Tot 3 jaar nadat uw klacht is afgehandeld'],
        // art. 13(2)(b)(f)
        [
          'access, rectification, erasure',
          'U mag uw gegevens inzien (art. 15 AVG), laten verbeteren (art. 16) en laten verwijderen (art. 17)',
        ],
        ['restriction', 'beperken (art. 18)'],
        ['portability', 'in een gangbaar bestand, om aan een ander te geven (art. 20)'],
        ['objection only under legitimate interest', '(gerechtvaardigd belang), dan mag u ook bezwaar maken (art. 21)'],
        ['no automated decisions', 'Geen besluit over u wordt alleen door een computer genomen'],
        // art. 13(2)(d)
        ['authority', 'Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens'],
      ],
    ],
    [
      'en/making-a-complaint/',
      [
        ['heading', 'What we do with your data'],
        ['controller', 'Ordelijk Thuis is responsible for your data (the controller): Ordelijk Thuis, Antwoordnummer 555, 2000 ZZ Haarlem'],
        ['data', "If you complain on a client's behalf, also your relation to the client, and the client's name and contact details"],
        ['purpose', 'Only to handle your complaint as our complaints regulation prescribes'],
        ['basis (b)', 'Art. 6(1)(b) GDPR'],
        ['basis (f), representative or third party', "If someone complains on the client's behalf, or a complaint names someone else"],
        ['special categories', 'Art. 9(2)(f) GDPR'],
        ['required', 'Must you give your data? No. But without your name and a postal or e-mail address'],
        [
          'every organizer',
          'All Professional Organizers & Coaches of Ordelijk Thuis (currently two) can open every complaint file, not only the one handling your complaint',
        ],
        ['processor', 'GitHub, Inc. stores the case files in a private repository, in the United States'],
        ['agreement', 'under our processing agreement, the GitHub Data Protection Agreement (Art. 28 GDPR)'],
        ['transfer', 'EU-U.S. Data Privacy Framework (adequacy decision of the European Commission of 10 July 2023, Art. 45 GDPR)'],
        ['committee', 'If your complaint is put before the Commissie van Geschillenhuis Noord, it receives the file and our letters'],
        ['retention', 'Up to 3 years after your complaint was closed'],
        [
          'access, rectification, erasure',
          'You may see your data (Art. 15 GDPR), have it corrected (Art. 16) and have it removed (Art. 17)',
        ],
        ['restriction', 'restrict the use of your data (Art. 18)'],
        ['portability', 'in a common file format, to pass on to someone else (Art. 20)'],
        ['objection only under legitimate interest', '(legitimate interest), you may also object (Art. 21)'],
        ['no automated decisions', 'No decision about you is made by a computer alone'],
        ['authority', 'Then you can complain to the Dutch Data Protection Authority, the Autoriteit Persoonsgegevens'],
      ],
    ],
    [
      'klachtformulier/',
      [
        ['heading', 'Wat wij met uw gegevens doen'],
        ['retention', 'Tot 3 jaar'],
      ],
    ],
    [
      'en/complaint-form/',
      [
        ['heading', 'What we do with your data'],
        ['retention', 'Up to 3 years'],
      ],
    ],
  ])('%s holds every element of art. 13, filled from organization.yml', (path, elements) => {
    const { text } = notice(path);
    for (const [element, words] of elements) expect(text, element).toContain(words);
  });

  it.each(['klacht-indienen/', 'en/making-a-complaint/'])('%s links the privacy address and the Autoriteit Persoonsgegevens', (path) => {
    const { html } = notice(path);
    expect(html).toContain('href="mailto:zorgen@ordelijk-thuis.example"');
    expect(html).toMatch(/<a href="https:\/\/www\.autoriteitpersoonsgegevens\.nl\/"[^>]*>Autoriteit Persoonsgegevens<\/a>/);
  });

  it.each(['klacht-indienen/', 'en/making-a-complaint/'])('%s promises nothing the system does not do', (path) => {
    const { text } = notice(path);
    // every organizer's werkplek opens every case: no "only the organizer concerned"
    expect(text).not.toMatch(/Alleen de betrokken|Only the Professional Organizer & Coach concerned|alleen wie uw klacht behandelt ziet/i);
    // objection (art. 21) only where the basis is legitimate interest, never as a general right
    expect(text).not.toMatch(/laten verwijderen, en bezwaar maken|removed, and object/);
    expect(text.match(/art\. 21|Art\. 21/g)).toHaveLength(1);
    // the files are kept outside the EU: never "nobody outside" or "within the EU"
    expect(text).not.toMatch(/Niemand buiten|No one outside|binnen de EU|within the EU/i);
  });
});
