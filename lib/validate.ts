import { caseSchemaFor, type CaseData } from '../schemas/case.ts';
import type { Organization } from '../schemas/organization.ts';
import type { WorkCalendar } from './calendar.ts';
import { parseCaseFile, type CaseRecord } from './case-file.ts';
import { caseDeadline } from './deadlines.ts';
import { formatDate } from './iso-date.ts';
import { lineOf } from './yaml-source.ts';
import { sortProblems, type Problem } from './problems.ts';

/** A file to check: its path (as reported) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** Result of {@link validateCases}: the valid cases, and every error and warning found. */
export interface Validation {
  cases: CaseRecord[];
  problems: Problem[];
  errorCount: number;
  warningCount: number;
}

const baseName = (path: string) => path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
const frontmatterLine = (text: string, field: string) => lineOf(text.replace(/^\uFEFF/, '').replace(/^---[^\n]*\n/, '\n'), [field]);

/**
 * Check case files against the schema and organization.yml, and across files (unique ids).
 * Pure: the caller reads the files. Warnings (a late filing, an oral complaint not confirmed in writing)
 * never make a case invalid.
 */
export function validateCases(files: readonly SourceFile[], org: Organization, cal: WorkCalendar): Validation {
  const schema = caseSchemaFor(org);
  const problems: Problem[] = [];
  const parsed: CaseRecord[] = [];
  for (const f of files) {
    const { record, problems: found } = parseCaseFile(f.path, f.text, schema);
    problems.push(...found);
    if (record) parsed.push(record);
  }
  const textOf = new Map(files.map((f) => [f.path, f.text]));
  const error = (r: CaseRecord, field: string, message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file: r.file, line: frontmatterLine(textOf.get(r.file) ?? '', field), field, message, severity });

  const byId = new Map<string, CaseRecord[]>();
  for (const r of parsed) byId.set(r.data.id, [...(byId.get(r.data.id) ?? []), r]);
  const invalid = new Set<CaseRecord>();
  for (const r of parsed) {
    if (baseName(r.file) !== r.data.id) {
      error(r, 'id', `id "${r.data.id}" differs from the file name "${baseName(r.file)}.md": rename the file or fix the id`);
      invalid.add(r);
    }
    const twins = byId.get(r.data.id) ?? [];
    if (twins.length > 1) {
      error(r, 'id', `duplicate id "${r.data.id}", also in ${twins.filter((t) => t !== r).map((t) => t.file).join(', ')}`);
      invalid.add(r);
    }
  }
  const cases = parsed.filter((r) => !invalid.has(r));
  for (const r of cases) problems.push(...caseWarnings(r, org, cal, (field) => frontmatterLine(textOf.get(r.file) ?? '', field)));
  const sorted = sortProblems(problems);
  const errorCount = sorted.filter((p) => p.severity === 'error').length;
  return { cases, problems: sorted, errorCount, warningCount: sorted.length - errorCount };
}

/** Warnings about a valid case: things to look at that do not make it invalid. */
function caseWarnings(r: CaseRecord, org: Organization, cal: WorkCalendar, line: (field: string) => number): Problem[] {
  const c: CaseData = r.data;
  const out: Problem[] = [];
  const warn = (field: string, message: string) => out.push({ file: r.file, line: line(field), field, message, severity: 'warning' });
  const d = caseDeadline(c, cal, org.deadlines, c.received);
  // art. 4.1: a late filing is flagged, never refused
  if (d.filed_late && d.filing_deadline)
    warn('received', `filed late: received ${c.received}, after the filing deadline ${formatDate(d.filing_deadline)} (${org.deadlines.filing_workdays} working days after ${c.assignment_completed}, art. 4.1)`);
  // art. 4.1: complaints are made in writing
  if (c.channel === 'oral' && !c.written_confirmation)
    warn('channel', 'an oral complaint has no written_confirmation date yet: confirm the complaint in writing (art. 4.1)');
  return out;
}
