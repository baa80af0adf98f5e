import { t } from '../../schemas/language.ts';

/** One thing wrong (or worth a look) in a file, at a line and a field. */
export interface Problem {
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** Dotted path of the field, e.g. `response.findings`, or `(file)` for the whole file. */
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

// C0 and C1 controls, DEL, and the line and paragraph separators: anything that can start a new line
// (a `::error::` or `::add-mask::` workflow command) or move the cursor on a terminal.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from a case file or a path made safe to print on one line: every control character becomes a
 * visible escape (`\n`, `\u001b`), so no input can add a line to the output, where GitHub Actions would
 * run it as a workflow command. The one place output is escaped: every format goes through it.
 * @example escapeForOutput('x\n::error::y') // 'x\\n::error::y'
 */
export function escapeForOutput(s: string): string {
  return s.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `path:line: field: message`, the format of `npm run validate`. Warnings are marked as such. */
export function formatProblem(p: Problem): string {
  return escapeForOutput(
    `${p.file}:${p.line}: ${p.field}: ${p.severity === 'warning' ? t('waarschuwing: ', 'warning: ') : ''}${p.message}`,
  );
}

// the workflow command's own escapes (%, CR, LF) on top of the visible ones for every other control character
const escapeData = (s: string) => escapeForOutput(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** A GitHub Actions workflow command: `::error file=…,line=…,title=…::message`. */
export function formatAnnotation(p: Problem): string {
  return `::${p.severity} file=${escapeProperty(p.file)},line=${p.line},title=${escapeProperty(p.field)}::${escapeData(p.message)}`;
}

/** Problems ordered by file, then line. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** Thrown when input cannot be used; carries every problem found. Scripts print them and exit 1. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(message: string, problems: Problem[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InputError';
    this.problems = problems;
  }
}
