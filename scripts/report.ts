import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium, PDF_STRUCTURE } from '../io/chromium.ts';
import { COMMON_OPTIONS, parseCommandLine, runMain, UsageError } from '../io/cli.ts';
import { assertPrivateOutput, assertReplaceableOutput, buildIntoFolder, OUTPUT_MARKER, PROJECT_ROOT as ROOT } from '../io/output-folder.ts';
import { loadReport, REPORT_ENV } from '../io/report-data.ts';

const HELP = `Usage: npm run report -- [options]

Builds the INTERNAL report (Dutch, static HTML with SVG charts, no JavaScript) into dist/report/:
open cases and deadlines, a page per year (the annual complaints review) and an overview, timeliness,
outcomes, causes (Pareto), per organizer, improvement actions and regulation compliance.
It reads and validates the case files first; any invalid case stops the build with the same messages
as npm run validate. It never shows the complainant, contact details, the complaint text or notes.
Open dist/report/index.html in a browser; the pages link to each other relatively and work from disk.

Options:
  --today YYYY-MM-DD   report as if it were this date (default: today in the organization's time zone, organization.yml)
  --out DIR            where to write the report (default: dist/report). Inside the repository only
                       a folder Git ignores; an existing folder only when it is empty or holds this
                       command's earlier output (${OUTPUT_MARKER}): it is built beside it and swapped
                       in, so no file this command did not write is ever deleted
  --pdf                also print each year page (the yearly review) to jaar/YYYY.pdf, A4, with page
                       numbers, by Debian's Chromium; the year page then links to it
  --cases DIR          folder with the case files (default: cases)
  --config FILE        the organization's configuration (default: organization.yml)
  -h, --help           show this help`;

await runMain('report', async () => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    ...COMMON_OPTIONS,
    today: { type: 'string' },
    out: { type: 'string', default: 'dist/report' },
    pdf: { type: 'boolean', default: false },
  });
  if (values.help) return void console.log(HELP);
  const out = resolve(values.out);
  // The report must never land in (or replace) the public site's output or the project itself.
  const inside = (dir: string) => out === dir || out.startsWith(dir + sep) || dir.startsWith(out + sep);
  if (inside(resolve(ROOT, 'dist/site')) || out === resolve(ROOT) || out === resolve(ROOT, 'dist'))
    throw new UsageError(`--out ${values.out} would mix the internal report with the public site or the project; choose its own folder`);
  assertPrivateOutput(values.out, '--out');
  assertReplaceableOutput(values.out, '--out');

  const report = await loadReport({ cases: values.cases, config: values.config, today: values.today });
  const work = await mkdtemp(join(tmpdir(), 'klachten-report-'));
  try {
    const data = join(work, 'report.json');
    await writeFile(data, JSON.stringify({ ...report, pdf: values.pdf }));
    process.env[REPORT_ENV.data] = data;
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    const { build } = await import('astro');
    // Astro empties its outDir: it only ever gets a fresh folder of our own
    await buildIntoFolder(values.out, '--out', async (dir) => {
      await build({ root: ROOT, configFile: 'astro.report.config.mjs', outDir: dir, logLevel: 'warn' });
      if (values.pdf)
        await printYearPages(
          dir,
          report.years.map((y) => y.year),
        );
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const total = report.all.cases;
  console.log(
    `report: ${total} case(s), as of ${report.today}, ${report.years.length} year page(s): ${relative(process.cwd(), join(out, 'index.html'))}`,
  );
});

/** Print each year page to jaar/YYYY.pdf beside it: A4 as its print style sets it, with "pagina X van Y" below. */
async function printYearPages(dir: string, years: readonly number[]): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    for (const year of years) {
      // the page is self-contained (inline style, inline SVG): nothing is fetched
      await page.goto(pathToFileURL(join(dir, 'jaar', `${year}.html`)).href, { waitUntil: 'load' });
      await page.pdf({
        path: join(dir, 'jaar', `${year}.pdf`),
        printBackground: true,
        preferCSSPageSize: true,
        ...PDF_STRUCTURE,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font: 8pt sans-serif; width: 100%; text-align: center; color: #555;">Jaaroverzicht klachten ${year} · vertrouwelijk · pagina <span class="pageNumber"></span> van <span class="totalPages"></span></div>`,
      });
    }
  } finally {
    await browser.close();
  }
}
