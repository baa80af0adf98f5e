import { LineCounter, Parser, isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Node, type YAMLMap } from 'yaml';
import type { IsoDate } from '../dates/iso-date.ts';
import { splitFrontmatter } from './frontmatter.ts';
import type { RemovalReason } from '../history/erasure-log.ts';
import { vocabulary } from '../vocabulary/index.ts';
import { isTemplateComment } from './new-case.ts';

/** A case file's text with its personal data removed, and exactly what was removed (field paths, never values). */
export interface Anonymization {
  text: string;
  /** Removed fields as dotted paths (`complainant.name`, `steps.1.note`) and `body (…)`. */
  removed: string[];
  /** How many of the removed comments are the organizer's own, not the new-case template's help lines. */
  ownComments: number;
}

/** The body an anonymized case keeps instead of the complaint text and notes: a true note of when and why (in Dutch, as the file). */
export const anonymizedBody = (today: IsoDate, reason: RemovalReason) => `${vocabulary('nl').erasure.note(today, reason)}\n`;

/** A field retention cannot anonymize as it stands: where (1-based line in the file) and why. */
export class AnonymizeError extends Error {
  readonly field: string;
  readonly line: number;
  constructor(field: string, line: number, message: string) {
    super(message);
    this.name = 'AnonymizeError';
    this.field = field;
    this.line = line;
  }
}

/** The offsets of every `# comment` in YAML text (the CST knows a `#` inside a quoted string is no comment). */
function commentOffsets(yaml: string): { offset: number; text: string }[] {
  const found: { offset: number; text: string }[] = [];
  const walk = (token: unknown): void => {
    if (Array.isArray(token)) return token.forEach(walk);
    if (token === null || typeof token !== 'object') return;
    const t = token as { type?: string; offset?: number; source?: string };
    if (t.type === 'comment' && typeof t.offset === 'number') found.push({ offset: t.offset, text: t.source ?? '' });
    for (const v of Object.values(token)) if (v !== null && typeof v === 'object') walk(v);
  };
  for (const doc of new Parser().parse(yaml)) walk(doc);
  const byOffset = new Map(found.map((c) => [c.offset, c]));
  return [...byOffset.values()].sort((a, b) => a.offset - b.offset);
}

/** Anchors (`&name`) defined anywhere under a node. */
function anchorsUnder(node: unknown): Set<string> {
  const names = new Set<string>();
  const walk = (n: unknown): void => {
    if (isScalar(n) || isMap(n) || isSeq(n)) if (n.anchor) names.add(n.anchor);
    if (isMap(n)) n.items.forEach((p) => walk(p.value));
    if (isSeq(n)) n.items.forEach(walk);
  };
  walk(node);
  return names;
}

/** Dotted paths of every leaf under a YAML node, for the report of what was removed. */
function leafPaths(node: unknown, prefix: string): string[] {
  if (isMap(node)) return node.items.flatMap((p) => leafPaths(p.value, `${prefix}.${isScalar(p.key) ? String(p.key.value) : '?'}`));
  if (isSeq(node)) return node.items.flatMap((v, i) => leafPaths(v, `${prefix}.${i}`));
  return [prefix];
}

/** What replaces a free text of the response that a resolved case must keep having (art. 5.5): no personal data. */
export const removedText = (today: IsoDate) => `(verwijderd op ${today})`;

/**
 * Remove a case file's personal data (AVG/GDPR, art. 4.4): the complainant with their contact details and
 * representative, every step's note, every YAML comment (free text that may name people), the Markdown body
 * (the complaint text and free notes), and every other free text that can name people: the response's findings,
 * conclusions and mediation (replaced by "(verwijderd op <today>)", so a resolved case stays valid and a case
 * resolved by mediation still counts as such), the committee's reference and no_escalation_reason (deleted).
 * Sets `anonymized: <today>`. Everything else (dates, organizer, channel, categories, causes, steps' kinds and
 * dates, satisfied, the improvement actions of art. 2.4, key order, quoting) is kept as written, through the
 * `yaml` Document API. Line ends (CRLF) and a UTF-8 BOM are kept. Throws when the file has no frontmatter, and an
 * {@link AnonymizeError} when a kept field repeats (`*name`) an anchor inside the removed data.
 */
export function anonymizeCaseText(text: string, today: IsoDate, reason: RemovalReason = 'retention'): Anonymization {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const crlf = /\r\n/.test(text);
  const split = splitFrontmatter(text.replace(/\r\n/g, '\n'));
  if (!split.ok) throw new Error('no frontmatter block (--- … ---) at the start of the file');
  const { body } = split;

  const yamlText = split.yamlText.replace(/^\n/, '');
  const firstLine = 2; // the line after the opening ---
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { keepSourceTokens: false, lineCounter: lines });
  if (doc.errors.length) throw new Error(`the frontmatter cannot be read: ${doc.errors[0]!.message}`);
  const root = doc.contents;
  if (!isMap(root)) throw new Error('the frontmatter is not a list of fields');
  const removed: string[] = [];
  const lineAt = (offset: number) => lines.linePos(offset).line + firstLine - 1;

  // a kept field that repeats (*name) a value anchored inside a removed one would keep that value, or break
  // the file: stop, naming the field, before anything changes
  const gone = new Set<string>();
  const complainantNode = root.get('complainant', true);
  anchorsUnder(complainantNode).forEach((a) => gone.add(a));
  const stepsNode = root.get('steps', true);
  if (isSeq(stepsNode)) for (const step of stepsNode.items) if (isMap(step)) anchorsUnder(step.get('note', true)).forEach((a) => gone.add(a));
  const findAlias = (node: unknown, path: string): void => {
    if (isAlias(node) && gone.has(node.source))
      throw new AnonymizeError(
        path,
        lineAt(node.range?.[0] ?? 0),
        `repeats *${node.source}, a value inside the personal data that retention removes: write the value out here instead of *${node.source}, then run retention again`,
      );
    if (isMap(node))
      for (const p of node.items) {
        const key = isScalar(p.key) ? String(p.key.value) : '?';
        if (path === '' && key === 'complainant') continue;
        if (path.startsWith('steps.') && key === 'note') continue;
        findAlias(p.value, path ? `${path}.${key}` : key);
      }
    if (isSeq(node)) node.items.forEach((v, i) => findAlias(v, `${path}.${i}`));
  };
  findAlias(root, '');

  // art. 1.2: the complainant, their contact details and representative
  const complainant = root.get('complainant', true);
  if (complainant !== undefined) {
    removed.push(...leafPaths(complainant, 'complainant'));
    root.delete('complainant');
  }
  // the organizer's notes on each handling step
  const steps = root.get('steps', true);
  if (isSeq(steps))
    steps.items.forEach((step, i) => {
      if (isMap(step) && (step as YAMLMap).has('note')) {
        (step as YAMLMap).delete('note');
        removed.push(`steps.${i}.note`);
      }
    });
  // art. 5.5: the response's texts can name the complainant or others; the fact that they existed stays
  const response = root.get('response', true);
  if (isMap(response))
    for (const field of ['findings', 'conclusions', 'mediation'])
      if ((response as YAMLMap).has(field)) {
        (response as YAMLMap).set(field, removedText(today));
        removed.push(`response.${field}`);
      }
  // art. 4.7: the committee's reference identifies the complainant there
  const escalation = root.get('escalation', true);
  if (isMap(escalation) && (escalation as YAMLMap).has('reference')) {
    (escalation as YAMLMap).delete('reference');
    removed.push('escalation.reference');
  }
  if (root.has('no_escalation_reason')) {
    root.delete('no_escalation_reason');
    removed.push('no_escalation_reason');
  }
  // comments are free text too ("# belde boos, zie mail van Jan"): every one goes, listed by line, never by text
  let ownComments = 0;
  for (const c of commentOffsets(yamlText)) {
    removed.push(`comment (line ${lineAt(c.offset)})`);
    if (!isTemplateComment(c.text)) ownComments++;
  }
  doc.commentBefore = null;
  doc.comment = null;
  visit(doc, {
    Node: (_key, n) => {
      const c = n as Node & { commentBefore?: string | null; comment?: string | null; spaceBefore?: boolean };
      c.commentBefore = null;
      c.comment = null;
    },
  });

  const bodyLines = body.split('\n').filter((l) => l.trim() !== '').length;
  removed.push(`body (${bodyLines} line${bodyLines === 1 ? '' : 's'} of complaint text and notes)`);
  doc.set('anonymized', today);

  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const out = `---\n${yaml}---\n\n${anonymizedBody(today, reason)}`;
  return { text: bom + (crlf ? out.replace(/\n/g, '\r\n') : out), removed, ownComments };
}
