import Mustache from 'mustache';
import type { Organization } from '../../schemas/organization.ts';
import type { CaseRecord } from '../cases/case-file.ts';
import { documentPage, escapeHtml } from './html.ts';
import { formatDate } from '../dates/iso-date.ts';
import { letterBase, type LetterBase } from './letter-base.ts';
import { t } from '../../schemas/language.ts';

/** The values the letter template (templates/antwoordbrief.html) can use, with Dutch names. */
export interface LetterView extends LetterBase {
  datum: string;
  bevindingen: string;
  conclusies: string;
  bemiddeling: string;
}

/** The letter, or why it cannot be written yet: every missing piece, named by its field and article. */
export type LetterResult = { ok: true; html: string } | { ok: false; missing: string[] };

/** What the written response of art. 5.5 needs before a letter can be made, as `field (what, article)`. */
export function missingForLetter(record: CaseRecord): string[] {
  const c = record.data;
  const missing: string[] = [];
  if (!c.complainant)
    missing.push(
      t(
        `complainant (het dossier is op ${c.anonymized} geanonimiseerd: er is niemand om de brief aan te richten)`,
        `complainant (the case was anonymized on ${c.anonymized}: there is no one to address)`,
      ),
    );
  if (!c.response?.date)
    missing.push(
      t(
        'response.date (datum van de schriftelijke afhandeling, art. 4.6), bijvoorbeeld date: 2026-11-24',
        'response.date (date of the written response, art. 4.6)',
      ),
    );
  if (!c.response?.findings)
    missing.push(
      t(
        'response.findings (bevindingen, art. 5.5), bijvoorbeeld findings: "De factuur was te hoog."',
        'response.findings (bevindingen, art. 5.5)',
      ),
    );
  if (!c.response?.conclusions)
    missing.push(
      t(
        'response.conclusions (conclusies, art. 5.5), bijvoorbeeld conclusions: "De klacht is gegrond."',
        'response.conclusions (conclusies, art. 5.5)',
      ),
    );
  return missing;
}

/** The template's values for a case that has everything {@link missingForLetter} asks for. */
export function letterView(record: CaseRecord, org: Organization): LetterView {
  const c = record.data;
  // The response letter describes the response only; an escalation gets its own letter (escalatiebrief).
  return {
    ...letterBase(record, org),
    datum: formatDate(c.response!.date),
    bevindingen: c.response!.findings!,
    conclusies: c.response!.conclusions!,
    bemiddeling: c.response!.mediation ?? '',
  };
}

type Token = [string, string, number, number, Token[]?];

/** The shared letterhead every letter template takes over with `{{> briefhoofd}}` (templates/briefhoofd.html). */
export const LETTERHEAD_TEMPLATE = 'briefhoofd.html';

/** Partial templates by the name a letter uses for them (`{{> briefhoofd}}` → `briefhoofd`). */
export type LetterPartials = Readonly<Record<string, string>>;

/** The partials among the templates read (file name → text): the letterhead. */
export const letterPartials = (templates: Readonly<Record<string, string>>): LetterPartials =>
  templates[LETTERHEAD_TEMPLATE] === undefined ? {} : { [LETTERHEAD_TEMPLATE.replace(/\.html$/, '')]: templates[LETTERHEAD_TEMPLATE] };

/**
 * Names the template (and the partials it takes over) uses that the view does not have (typos), and partials
 * that do not exist (`> naam`), so a broken template never yields a half letter.
 */
export function unknownTemplateNames(template: string, view: object, partials: LetterPartials = {}): string[] {
  const known = new Set<string>();
  const collect = (o: object, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      known.add(prefix + k);
      known.add(k); // inside a section {{#organisatie}}…{{/organisatie}}, {{naam}} is organisatie.naam
      if (v && typeof v === 'object') collect(v, `${prefix}${k}.`);
    }
  };
  collect(view, '');
  const unknown = new Set<string>();
  const seen = new Set<string>();
  const walk = (tokens: Token[]) => {
    for (const [type, name, , , children] of tokens) {
      if (['name', '&', '#', '^'].includes(type) && name !== '.' && !known.has(name)) unknown.add(name);
      if (type === '>') {
        const partial = partials[name];
        if (partial === undefined) unknown.add(`> ${name}`);
        else if (!seen.has(name)) {
          seen.add(name);
          walk(Mustache.parse(partial) as unknown as Token[]);
        }
      }
      if (children) walk(children);
    }
  };
  walk(Mustache.parse(template) as unknown as Token[]);
  return [...unknown];
}

/**
 * Fill a letter template with `view` into a printable A4 page. Throws an Error naming the template and the
 * unknown names when the template is broken (a typo never yields a half letter).
 */
export function fillLetterTemplate(
  templateName: string,
  template: string,
  view: object,
  title: string,
  partials: LetterPartials = {},
): string {
  let unknown: string[];
  try {
    unknown = unknownTemplateNames(template, view, partials);
  } catch (error) {
    throw new Error(
      t(
        `het sjabloon templates/${templateName} is niet te lezen: ${(error as Error).message}`,
        `the letter template ${templateName} cannot be read: ${(error as Error).message}`,
      ),
      { cause: error },
    );
  }
  if (unknown.length) {
    const names = unknown.map((n) => `{{${n}}}`).join(', ');
    throw new Error(
      t(
        `het sjabloon templates/${templateName} gebruikt onbekende namen: ${names} (welke namen kunnen, staat in templates/README.md)`,
        `the letter template ${templateName} uses unknown names: ${names} (see templates/README.md for the names it can use)`,
      ),
    );
  }
  return documentPage(title, Mustache.render(template, view, partials, { escape: (value: unknown) => escapeHtml(String(value)) }));
}

/**
 * The written response (art. 4.6, 5.5) of a case as a printable A4 page, from the organization's editable template.
 * Without findings, conclusions or a response date it returns what is missing: never a half-empty letter.
 * Throws an Error naming the problem when the template itself is broken.
 */
export function responseLetterHtml(record: CaseRecord, org: Organization, template: string, partials: LetterPartials = {}): LetterResult {
  const missing = missingForLetter(record);
  if (missing.length) return { ok: false, missing };
  return {
    ok: true,
    html: fillLetterTemplate('antwoordbrief.html', template, letterView(record, org), `Afhandeling klacht ${record.data.id}`, partials),
  };
}
