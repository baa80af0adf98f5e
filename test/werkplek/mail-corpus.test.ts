// The corpus of real-world mail shapes (test/fixtures/mail): every one prefills its text and offers its attachments.
// Run once (not per time zone): the dates here are read in the organization's zone, never the machine's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../lib/cases/attachments.ts';
import { MAX_MAIL_READ, MAX_TEXT_LINES, mailValues, textLinesEnd } from '../../werkplek/mail-intake.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'mail');
const bytes = (text: string) => new Blob([text]);

/** The corpus (test/fixtures/mail): real-world shapes, each with what the form must show. */
const CORPUS: [file: string, text: RegExp, attachments: [name: string, type: string, inline: boolean][], received?: string][] = [
  ['html-only.eml', /^Onderwerp: Klacht over de opruiming\n\nBeste Bram,\n\nDe spullen op zolder zijn weggegooid zonder overleg\./, []],
  ['alternative.eml', /te hoog: er staan 12 uur op, het waren er 8\. Graag een correctie, en excuses voor de “vergeten” afspraak\.$/, []],
  ['utf7.eml', /^Onderwerp: Klacht over de fröbel\n\nDe kast is beschädigd bij het verhuizen\. Kosten: € 250\.$/, []],
  ['latin1-no-charset.eml', /^Onderwerp: Klacht über die Umzüge\n\n.*geïnventariseerde spullen waren zoëk\. Frösche groet\.$/, []],
  ['windows-1252.eml', /Het “plan” kostte € 80 – veel te veel\.$/, []],
  ['base64-body.eml', /Mijn dossier is zoekgeraakt; ik wil weten wat er nu gebeurt\./, []],
  [
    'with-pdf.eml',
    /In de bijlage de factuur waar het om gaat\.$/,
    [
      ['factuur-2026-118.pdf', 'application/pdf', false],
      ['foto kast beschädigd.jpg', 'image/jpeg', false],
    ],
  ],
  [
    'nested-rfc822.eml',
    /Hierbij stuur ik de klacht van mijn moeder door\.[\s\S]*Truus de Vries[\s\S]*De begeleiding was onvriendelijk en mijn foto's zijn kwijt\. Groet, Truus é$/,
    [['brief.pdf', 'application/pdf', false]],
  ],
  [
    'outlook-html.eml',
    /^Onderwerp: Klacht afrekening\n\nGeachte heer De Wit,\n\nHierbij mijn klacht over de afrekening:\n\nDatum +Uren\n3 november +12\n\nMet vriendelijke groet,\nMarieke de Vriës$/,
    [['image001.png', 'image/png', true]],
  ],
  ['implausible-date.eml', /De afspraak is drie keer verzet\.$/, [], ''],
  ['old-date.eml', /Dit is een heel oude e-mail\.$/, [], ''],
];

describe('the corpus: every mail prefills its text and offers its attachments', () => {
  it.each(CORPUS)('%s', async (file, text, attachments, received = '2026-11-23') => {
    const r = await mailValues(new Blob([readFileSync(join(FIXTURES, file))]), 'Europe/Amsterdam', '2026-12-06');
    if (!r.ok) throw new Error(r.message);
    expect(r.values.klacht).toMatch(text);
    expect(r.values.klacht).not.toMatch(/\uFFFD|<\/?[a-z]+[\s>]|\+A[A-Za-z0-9]{2}-|mso|MsoNormal/);
    expect(r.values['complainant.email']).toMatch(/@example\.org$/);
    expect(r.values.received).toBe(received);
    expect(r.attachments.map((a) => [a.name, a.type, a.inline])).toEqual(attachments);
    for (const a of r.attachments) expect(a.size).toBeGreaterThan(0);
  });

  it('a date in the future or long ago is a question beside the field, not a value', async () => {
    for (const [file, words] of [
      ['implausible-date.eml', /1 januari 9999: dat is na vandaag/],
      ['old-date.eml', /1 januari 1970: meer dan een jaar geleden/],
    ] as const) {
      const r = await mailValues(new Blob([readFileSync(join(FIXTURES, file))]), 'Europe/Amsterdam', '2026-12-06');
      expect(r).toMatchObject({ ok: true, values: { received: '' }, remarks: { received: [expect.stringMatching(words)] } });
    }
  });

  it('the PDF comes out byte for byte', async () => {
    const r = await mailValues(new Blob([readFileSync(join(FIXTURES, 'with-pdf.eml'))]), 'UTC', '2026-12-06');
    const pdf = r.ok ? r.attachments[0]! : undefined;
    expect(Buffer.from(pdf!.bytes).toString('latin1')).toMatch(/^%PDF-1\.4\n[\s\S]*%%EOF\n$/);
  });

  it('an attachment over 10 MB is offered with a Dutch refusal', async () => {
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 1)
      .toString('base64')
      .replace(/.{76}/g, '$&\r\n');
    const mail = `From: a@example.org\r\nContent-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\nzie bijlage\r\n--m\r\nContent-Type: application/pdf; name=groot.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n${big}\r\n--m--\r\n`;
    const r = await mailValues(bytes(mail), 'UTC', '2026-12-06');
    expect(r.ok && r.attachments.map((a) => a.refusal)).toEqual([
      expect.stringMatching(/^groot\.pdf is te groot \(10,0 MB\): een bijlage mag hoogstens 10 MB zijn\./),
    ]);
  });
});

describe('a mail too costly to parse whole', () => {
  it('a worker that runs out of its heap limit reads the start: without attachments', async () => {
    const mail = `From: Jan <jan@example.org>\r\nSubject: lang\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${'Een regel van de klacht, en nog veel meer woorden erbij, zodat hij lang is.\r\n'.repeat(35_000)}`;
    const enc = new TextEncoder().encode(mail);
    expect(textLinesEnd(enc, MAX_TEXT_LINES)).toBe(enc.length); // not the line rule: the heap limit
    const r = await mailValues(bytes(mail), 'UTC', '2026-12-01', { heapMb: 16 });
    expect(r).toMatchObject({ ok: true, partial: true, attachments: [], values: { 'complainant.email': 'jan@example.org' } });
    expect(r.ok && r.values.klacht!.length).toBeLessThanOrEqual(MAX_MAIL_READ);
  });

  it(`a mail of more than ${MAX_TEXT_LINES} lines of text is read up to the last of them`, async () => {
    const mail = `From: Jan <jan@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${'een regel\r\n'.repeat(300_000)}`;
    const r = await mailValues(bytes(mail), 'UTC', '2026-12-01');
    expect(r).toMatchObject({ ok: true, partial: true, attachments: [] });
    expect(r.ok && r.values.klacht!.split('\n').length).toBeLessThan(MAX_TEXT_LINES);
  });

  it('counts the lines that are not base64', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(textLinesEnd(enc('QUJD\r\nQUJD\r\n'), 1)).toBe(12);
    expect(textLinesEnd(enc('Beste Bram,\r\nQUJD\r\nmet groet\nnog een\n'), 2)).toBe(29);
  });
});
