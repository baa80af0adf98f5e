import { isMap, isScalar, parseDocument, Pair, Scalar, type YAMLMap } from 'yaml';
import type { IsoDate } from '../dates/iso-date.ts';
import { splitFrontmatter } from './frontmatter.ts';

/** The dates a document records when it is made: the acknowledgement and the oral complaint's written confirmation. */
export type RecordedDateField = 'acknowledged' | 'written_confirmation';

/** Where a new date field goes: after the first of these keys the file has (else at the end). */
const AFTER: Record<RecordedDateField, readonly string[]> = {
  written_confirmation: ['channel', 'received'],
  acknowledged: ['written_confirmation', 'channel', 'received'],
};

/** A case file's text with `field: date` set, or why nothing changes. */
export type DateRecording = { changed: true; text: string } | { changed: false; current: IsoDate };

/**
 * Record `field: date` in a case file's frontmatter through the `yaml` Document API: comments, key order,
 * quoting, the body, CRLF line ends and a BOM stay as they were. A date already there is kept (running
 * twice changes nothing). Throws when the file has no frontmatter.
 * @example recordCaseDate(text, 'acknowledged', '2026-11-04') // { changed: true, text: '---\n…acknowledged: 2026-11-04\n…' }
 */
export function recordCaseDate(text: string, field: RecordedDateField, date: IsoDate): DateRecording {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const crlf = /\r\n/.test(text);
  const lf = text.replace(/\r\n/g, '\n');
  const split = splitFrontmatter(lf);
  if (!split.ok) throw new Error('no frontmatter block (--- … ---) at the start of the file');
  const doc = parseDocument(split.yamlText.replace(/^\n/, ''));
  if (doc.errors.length) throw new Error(`the frontmatter cannot be read: ${doc.errors[0]!.message}`);
  const root = doc.contents as YAMLMap<unknown, unknown> | null;
  if (!isMap(root)) throw new Error('the frontmatter is not a list of fields');
  const existing = root.get(field);
  if (existing !== undefined && existing !== null) return { changed: false, current: String(existing) };
  const keyIndex = (k: string) => root.items.findIndex((p) => isScalar(p.key) && p.key.value === k);
  const anchor = AFTER[field].map(keyIndex).find((i) => i >= 0);
  const pair = new Pair(new Scalar(field), new Scalar(date));
  if (keyIndex(field) >= 0) root.set(field, date);
  else if (anchor === undefined) root.items.push(pair);
  else root.items.splice(anchor + 1, 0, pair);
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const out = `---\n${yaml}---\n${split.body}`;
  return { changed: true, text: bom + (crlf ? out.replace(/\n/g, '\r\n') : out) };
}
