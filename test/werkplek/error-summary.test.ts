// The error summary of a refused save and the words of its messages (issue 25), pure: what the controls showed
// beside their fields is what the summary lists, each a link to its field; dates in words, never a key.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repairCase } from '../../actions/repair-case.ts';
import { workspace } from '../../actions/workspace.ts';
import { textHash } from '../../io/case-write.ts';
import { checkboxes, errorSummary, field, formProblems, select, type FormState } from '../../werkplek/form-controls.ts';
import { formMessage, inWords } from '../../werkplek/labels.ts';
import { caseData, caseText, ORG } from '../helpers/fixtures.ts';

describe('errorSummary', () => {
  const refused = (errors: Record<string, string[]>): FormState => ({ values: { 'stap.note': 'getypt' }, errors });

  it('lists nothing for a form that was not refused', () => {
    const s = refused({});
    field(s, 'stap.date', 'Datum', { type: 'date', prefix: 'stap-' });
    expect(errorSummary(s)).toBe('');
  });

  it.each([
    [1, 'Er is 1 ding dat nog niet klopt'],
    [2, 'Er zijn 2 dingen die nog niet kloppen'],
  ])('counts %i message(s): "%s"', (n, heading) => {
    const s = refused({ 'stap.date': ['eerste'], ...(n > 1 ? { 'stap.kind': ['tweede'] } : {}) });
    field(s, 'stap.date', 'Datum', { type: 'date', prefix: 'stap-' });
    select(s, 'stap.kind', 'Welke stap', [['a', 'A']], { prefix: 'stap-' });
    expect(errorSummary(s).toString()).toContain(`>${heading}</h2>`);
  });

  it('links each message to the field that shows it, in page order, with its label', () => {
    const s = refused({ categories: ['kies er één'], 'stap.date': ['te vroeg'], onbekend: ['buiten de velden'] });
    const rendered = [
      field(s, 'stap.date', 'Datum', { type: 'date', prefix: 'stap-' }),
      checkboxes(s, 'categories', 'Categorie', [['kosten', 'Kosten']], [], 'reg-'),
      formProblems(s, ['stap.date', 'categories'], 'stap-meldingen', { onbekend: 'Iets anders' }),
    ].join('');
    const summary = errorSummary(s).toString();
    const links = [...summary.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['stap-f-stap-date', 'Datum: te vroeg'],
      ['reg-f-categories-kosten', 'Categorie: kies er één'],
      ['stap-meldingen', 'Iets anders: buiten de velden'],
    ]);
    for (const [id] of links) expect(rendered).toContain(`id="${id}"`);
    // the key of a field the form does not show is never printed
    expect(rendered).not.toContain('onbekend');
  });

  it('says how to write a date under every date field', () => {
    expect(field(refused({}), 'received', 'Ontvangen op', { type: 'date' }).toString()).toContain(
      'Schrijf dag-maand-jaar, bijv. 24-11-2026.',
    );
  });
});

describe("messages in the forms' words", () => {
  it.each([
    [
      '2026-11-02 ligt vóór "Ontvangen op" (received: 2026-12-06); schrijf een datum op of na 2026-12-06',
      '2 november 2026 ligt vóór "Ontvangen op" (6 december 2026); schrijf een datum op of na 6 december 2026',
    ],
    [
      '2026-11-30 ligt na "Datum van de afhandeling" (response.date: 2026-11-20); x',
      '30 november 2026 ligt na "Datum van de afhandeling" (20 november 2026); x',
    ],
    ['geen datum hier', 'geen datum hier'],
  ])('%s', (message, said) => {
    expect(inWords(message)).toBe(said);
    expect(formMessage(message)).toBe(said);
  });

  it('names no key in a missing field, and gives an example as the form takes it', () => {
    expect(formMessage('verplicht veld ontbreekt; voeg een regel toe zoals received: 2026-11-24')).toBe(
      'vul dit veld in, bijv. 24-11-2026',
    );
  });
});

describe('repairCase', () => {
  const dir = mkdtempSync(join(tmpdir(), 'herstel-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, '2026', 'K-2026-009.md');
  const broken = caseText(caseData({ id: 'K-2026-009' })).replace('received: 2026-11-03', 'received: 2026-13-03');
  mkdirSync(join(dir, '2026'));
  writeFileSync(file, broken);
  const ws = workspace(dir, ORG, '2026-12-07');

  it('refuses a text that is still broken, and one that changes the number, writing nothing', async () => {
    const still = await repairCase(ws, 'K-2026-009', broken.replace('status: open', 'status: dicht'), { expectedHash: textHash(broken) });
    expect(still.kind).toBe('refused');
    expect(still.kind === 'refused' && still.problems.map((p) => p.field).sort()).toEqual(['received', 'status']);
    const renumbered = await repairCase(ws, 'K-2026-009', broken.replace('2026-13-03', '2026-11-03').replace('K-2026-009', 'K-2026-010'));
    expect(renumbered.kind === 'refused' && renumbered.problems[0]!.message).toBe(
      'het dossiernummer moet K-2026-009 blijven; zet id: K-2026-009 terug',
    );
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });

  it('refuses when the file changed since the page was loaded', async () => {
    expect((await repairCase(ws, 'K-2026-009', 'x', { expectedHash: 'anders' })).kind).toBe('stale');
  });

  it('saves a repaired text as it was typed (without Git: not committed)', async () => {
    const fixed = broken.replace('2026-13-03', '2026-11-03');
    expect(await repairCase(ws, 'K-2026-009', fixed, { expectedHash: textHash(broken) })).toMatchObject({
      kind: 'saved',
      commit: { kind: 'no-repo' },
    });
    expect(readFileSync(file, 'utf8')).toBe(fixed);
  });
});
