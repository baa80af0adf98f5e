// The .eml intake: a real mail prefills the form; a hostile one (deeply nested, broken) gets a Dutch message.
import { describe, expect, it } from 'vitest';
import { MAX_MAIL_READ, MAX_MIME_DEPTH, mailValues } from '../../werkplek/mail-intake.ts';

const bytes = (text: string) => new Blob([text]);

/** A mail whose body is `depth` multiparts, each inside the one before. */
function nested(depth: number): string {
  const head = ['From: Jan <jan@example.org>', 'Subject: diep', 'MIME-Version: 1.0'];
  let body = 'Content-Type: text/plain\r\n\r\nbinnenin\r\n';
  for (let i = depth; i > 0; i--) body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
  return `${head.join('\r\n')}\r\n${body}`;
}

describe('mailValues', () => {
  it('reads sender, date (in the organization time zone), subject and text', async () => {
    const mail = [
      'From: "Jan de Vries" <jan@example.org>',
      'To: info@organize4all.nl',
      'Subject: Klacht over de opruiming',
      'Date: Mon, 23 Nov 2026 23:30:00 +0000',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'De spullen zijn weg.',
    ].join('\r\n');
    expect(await mailValues(bytes(mail), 'Europe/Amsterdam', '2026-12-01')).toEqual({
      ok: true,
      partial: false,
      values: {
        channel: 'email',
        'complainant.name': 'Jan de Vries',
        'complainant.email': 'jan@example.org',
        received: '2026-11-24', // 00:30 in Amsterdam
        klacht: 'Onderwerp: Klacht over de opruiming\n\nDe spullen zijn weg.',
      },
      remarks: {},
      attachments: [],
    });
  });

  it('a mail without a date is received today', async () => {
    const r = await mailValues(bytes('From: a@example.org\r\n\r\nhallo'), 'Europe/Amsterdam', '2026-12-01');
    expect(r).toMatchObject({ ok: true, values: { received: '2026-12-01', klacht: 'hallo' } });
  });

  it(`nesting up to ${MAX_MIME_DEPTH} levels is read`, async () => {
    const r = await mailValues(bytes(nested(MAX_MIME_DEPTH - 1)), 'UTC', '2026-12-01');
    expect(r).toMatchObject({ ok: true, values: { 'complainant.email': 'jan@example.org', klacht: 'Onderwerp: diep\n\nbinnenin' } });
  });

  it.each([MAX_MIME_DEPTH + 5, 1_000, 10_000])('%i nested levels: a Dutch message, no exception', async (depth) => {
    const r = await mailValues(bytes(nested(depth)), 'UTC', '2026-12-01');
    expect(r).toEqual({
      ok: false,
      message: expect.stringMatching(/^Deze e-mail kan niet worden gelezen: .*meer dan 50 .*Vul de gegevens zelf in\.$/),
    });
  });

  it('a large mail is read whole: its attachment is offered', async () => {
    const mail = [
      'From: Jan <jan@example.org>',
      'Subject: met foto',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="m"',
      '',
      '--m',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Zie de foto.',
      '--m',
      'Content-Type: image/jpeg',
      'Content-Transfer-Encoding: base64',
      '',
      `${'QUJD'.repeat(19)}\r\n`.repeat(Math.ceil((2 * MAX_MAIL_READ) / 78)),
      '--m--',
    ].join('\r\n');
    const r = await mailValues(bytes(mail), 'UTC', '2026-12-01');
    expect(r).toMatchObject({ ok: true, partial: false, values: { klacht: 'Onderwerp: met foto\n\nZie de foto.' } });
    expect(r.ok && r.attachments.map((a) => [a.name, a.type, a.size])).toEqual([
      ['bijlage.jpg', 'image/jpeg', 57 * Math.ceil((2 * MAX_MAIL_READ) / 78)],
    ]);
  });

  it('headers over a megabyte: a Dutch message', async () => {
    const r = await mailValues(bytes(`X-Big: ${'a'.repeat(1_100_000)}\r\nFrom: a@example.org\r\n\r\nhallo`), 'UTC', '2026-12-01');
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^Deze e-mail kan niet worden gelezen \(het bestand is beschadigd/) });
  });

  it('bytes that are no mail still give values or a message, never an exception', async () => {
    const r = await mailValues(new Blob([new Uint8Array([0, 255, 1, 2, 3])]), 'UTC', '2026-12-01');
    expect(typeof r.ok).toBe('boolean');
  });
});
