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

/** `path:line: field: message`, the format of `npm run validate`. Warnings are marked as such. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.field}: ${p.severity === 'warning' ? t('waarschuwing: ', 'warning: ') : ''}${p.message}`;
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
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
