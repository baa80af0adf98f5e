// Everything the public pages show that is not prose: read once per build from organization.yml and
// site/content/. This is the site's only input; it never reads cases/ (privacy, art. 4.4).
import { existsSync, readFileSync } from 'node:fs';
import { calendarFor } from '../../lib/calendar/holidays.ts';
import { parseOrganization } from '../../lib/organization/organization.ts';
import { REGULATION_FILES } from '../../lib/regulation/regulation.ts';
import { splitArticles } from '../../lib/regulation/articles.ts';
import { checkRegulation } from '../../lib/regulation/ties.ts';
import { lineOf } from '../../lib/problems/yaml-source.ts';
import { holidayTable } from '../../lib/calendar/browser-holiday-table.ts';
import { longestCalendarSpan } from '../../lib/calendar/calendar.ts';
import { todayIn } from '../../lib/dates/iso-date.ts';
import { InputError, formatProblem } from '../../lib/problems/problems.ts';

const read = (file: string) => readFileSync(file, 'utf8');

/** Run a parser; a bad input file stops the build with every problem as `path:line: field: message`. */
function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InputError) throw new Error([error.message, ...error.problems.map(formatProblem)].join('\n'), { cause: error });
    throw error;
  }
}

const orgText = read('organization.yml');
/** organization.yml, validated: names, contact, deadlines and the escalation body. */
export const org = parsed(() => parseOrganization('organization.yml', orgText));

/**
 * The practice's regulation as it wrote it (regulation/, beside organization.yml), split into its articles: the Dutch
 * text, binding, and the English one when the practice gives it (otherwise the English page says the regulation is
 * in Dutch only).
 */
export const regulation = {
  nl: splitArticles(read(REGULATION_FILES.nl)),
  en: existsSync(REGULATION_FILES.en) ? splitArticles(read(REGULATION_FILES.en)) : undefined,
};

// the deadline checker counts with organization.yml's terms and names its escalation body: they must be the binding text's
parsed(() => {
  const problems = checkRegulation(regulation.nl, REGULATION_FILES.nl, org, 'organization.yml', (field) => lineOf(orgText, field)).filter(
    (p) => p.severity === 'error',
  );
  if (problems.length) throw new InputError('organization.yml en de klachtenregeling zeggen iets anders', problems);
});

/** The year of the build, in Amsterdam: the calculator knows the holidays from the year before to five years on. */
export const buildYear = +todayIn(new Date(), org.time_zone).slice(0, 4);

/** The non-working weekdays the calculator ships (same calendar as the deadline checker). */
export const holidays = holidayTable(calendarFor(org), buildYear - 1, buildYear + 5);

/** The most calendar days the handling term takes between 2000 and 2100: always within the Wkkgz's six weeks. */
export const wkkgzSpan = longestCalendarSpan(calendarFor(org), org.deadlines.handling_workdays, 2000, 2100);
