import { describe, expect, it } from 'vitest';
import { escapeForOutput, formatAnnotation, formatProblem } from '../../../lib/problems/problems.ts';
import { textTable } from '../../../lib/problems/text-table.ts';
import { inlineCode } from '../../../lib/github/markdown.ts';
import { flagSubjects, invalidFilesSubject } from '../../../lib/github/desired-issues.ts';
import { planSync } from '../../../lib/github/plan.ts';
import { renderSummary } from '../../../lib/github/summary.ts';
import { loadFixture } from '../../helpers/case-fixtures.ts';

// Issue 13: every place text from a case file or its path reaches (a terminal, a workflow log, an issue, the
// step summary) shows it as it is and adds nothing: no extra line (a workflow command), no live Markdown
// (a backtick ending a code span turns on an @mention and a #123 reference). The rows are the sinks, counted
// in the closing note (injection sinks / safe).

const HOSTILE_PATH = 'cases/a`@owner #12`\n::error::x/K-2026-001.md';

/** The code spans of a Markdown line, as CommonMark reads them: a run of N backticks up to the next run of exactly N. */
function codeSpans(line: string): string[] {
  const spans: string[] = [];
  const re = /`+/g;
  let open: RegExpExecArray | null;
  while ((open = re.exec(line))) {
    const n = open[0].length;
    const close = new RegExp(`(?<!\`)\`{${n}}(?!\`)`, 'g');
    close.lastIndex = open.index + n;
    const end = close.exec(line);
    if (!end) continue;
    let content = line.slice(open.index + n, end.index);
    if (content.startsWith(' ') && content.endsWith(' ') && content.trim()) content = content.slice(1, -1);
    spans.push(content);
    re.lastIndex = end.index + n;
  }
  return spans;
}
/** Markdown text outside code spans: where GitHub would link @mentions and #references. */
const outsideCode = (line: string) => {
  let rest = line;
  for (const s of codeSpans(line)) rest = rest.replace(s, '');
  return rest;
};

const one = { file: HOSTILE_PATH, line: 3, field: 'x\n::error::y', message: 'm\r\n::add-mask::z', severity: 'error' as const };

interface Sink {
  name: string;
  render: () => string;
  /** Markdown: the path must be one code span with the path in it. */
  markdown?: boolean;
}

export const INJECTION_SINKS: Sink[] = [
  { name: 'validate text (formatProblem)', render: () => formatProblem(one) },
  { name: 'validate --format github (formatAnnotation)', render: () => formatAnnotation(one) },
  { name: 'deadlines table (textTable)', render: () => textTable(['case'], [['K-2026-001\n::error::t']]) },
  { name: 'runMain message (escapeForOutput)', render: () => `validate: ${escapeForOutput(`cannot read ${HOSTILE_PATH}`)}` },
  {
    name: 'flag issue body (Bestand)',
    markdown: true,
    render: () => {
      const { org, cal, cases } = loadFixture([{ id: 'K-2026-001', received: '2026-10-01' }]);
      const subject = flagSubjects([{ ...cases[0]!, file: HOSTILE_PATH }], org, cal, '2026-11-24').find((s) => s.kind === 'deadline')!;
      return subject.flag!.body.split('\n').find((l) => l.startsWith('| Bestand'))!;
    },
  },
  {
    name: '"Ongeldig dossier" issue body',
    markdown: true,
    render: () =>
      invalidFilesSubject([{ file: HOSTILE_PATH, problems: [{ line: 3, field: 'received' }] }])
        .flag!.body.split('\n')
        .find((l) => l.includes('K-2026-001'))!,
  },
  {
    name: 'step summary table',
    render: () => {
      const subjects = [invalidFilesSubject([{ file: HOSTILE_PATH, problems: [{ line: 1, field: 'id' }] }])];
      const plan = planSync(subjects, []);
      return renderSummary(
        {
          repository: 'o/r',
          today: '2026-11-24',
          timeZone: 'Europe/Amsterdam',
          dryRun: true,
          results: plan.actions.map((action) => ({ action, outcome: { status: 'failed', message: 'boom\n::error::s' } })),
          reads: 0,
          writes: 0,
          notes: [],
        },
        subjects,
      );
    },
  },
];

describe.each(INJECTION_SINKS)('$name', ({ render, markdown }) => {
  it('adds no line of its own', () => {
    const out = render();
    for (const line of out.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/)) {
      expect(line).not.toMatch(/^::(add-mask|error::|warning::)/);
      if (line.startsWith('::')) expect(line).toMatch(/^::(error|warning) file=[^:]*,line=\d+,title=[^:]*::/);
    }
    expect(out).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/); // only line ends stay raw
  });
  if (markdown)
    it('shows the path in one code span: no live @mention or #reference', () => {
      const line = render();
      expect(codeSpans(line)).toContain(escapeForOutput(HOSTILE_PATH).replace(/\|/g, '\\|'));
      expect(outsideCode(line)).not.toMatch(/@owner|#12/);
    });
});

describe('inlineCode', () => {
  it.each([
    ['cases/2026/K-2026-001.md', '`cases/2026/K-2026-001.md`'],
    ['a`b', '`` a`b ``'],
    ['a``b`', '``` a``b` ```'],
    ['x|y', '`x\\|y`'],
  ])('%s → %s', (input, expected) => expect(inlineCode(input)).toBe(expected));
});
