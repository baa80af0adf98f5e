import type { CaseRecord } from './case-file.ts';
import { t } from '../../schemas/language.ts';
import { sortProblems, type Problem } from '../problems/problems.ts';

/** Whether a file name is a case file (`K-….md`); other files in `cases/` are skipped. */
export const isCaseFileName = (name: string): boolean => /^K-.*\.md$/.test(name);

/** The file name without its folder and `.md`: `cases/2026/K-2026-001.md` → `K-2026-001`. */
function baseName(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return name.endsWith('.md') ? name.slice(0, -3) : name;
}

/** What one file's check found: the case when valid, its own errors and warnings, and the line of its id. */
export interface FileCheck {
  file: string;
  record?: CaseRecord;
  problems: Problem[];
  /** Line of the `id` field, for problems found across files. */
  idLine: number;
}

/** Result of {@link validateCases}: the valid cases, and every error and warning found. */
export interface Validation {
  cases: CaseRecord[];
  problems: Problem[];
  errorCount: number;
  warningCount: number;
}

/** Checks across files: an id must match its file name and be unique. Pure; cheap, so never cached. */
export function checkCaseSet(checks: readonly FileCheck[]): Validation {
  const problems: Problem[] = checks.flatMap((c) => c.problems);
  const valid = checks.filter((c): c is FileCheck & { record: CaseRecord } => c.record !== undefined);
  const byId = new Map<string, FileCheck[]>();
  for (const c of valid) {
    const twins = byId.get(c.record.data.id);
    if (twins) twins.push(c);
    else byId.set(c.record.data.id, [c]);
  }
  const invalid = new Set<FileCheck>();
  const error = (c: FileCheck, message: string) => problems.push({ file: c.file, line: c.idLine, field: 'id', message, severity: 'error' });
  for (const c of valid) {
    const id = c.record.data.id;
    if (baseName(c.file) !== id) {
      error(
        c,
        t(
          `id "${id}" verschilt van de bestandsnaam "${baseName(c.file)}.md": hernoem het bestand of verbeter het id, bijvoorbeeld id: ${baseName(c.file)}`,
          `id "${id}" differs from the file name "${baseName(c.file)}.md": rename the file or fix the id`,
        ),
      );
      invalid.add(c);
    }
    const twins = byId.get(id) ?? [];
    if (twins.length > 1) {
      const others = twins
        .filter((o) => o !== c)
        .map((o) => o.file)
        .join(', ');
      error(
        c,
        t(
          `dossiernummer "${id}" komt ook voor in ${others}; geef één van beide een nieuw nummer (bestand en id)`,
          `duplicate id "${id}", also in ${others}`,
        ),
      );
      invalid.add(c);
    }
  }
  const sorted = sortProblems(problems);
  const errorCount = sorted.filter((p) => p.severity === 'error').length;
  return { cases: valid.filter((c) => !invalid.has(c)).map((c) => c.record), problems: sorted, errorCount, warningCount: sorted.length - errorCount };
}

