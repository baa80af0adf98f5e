// Attachment names made safe on every system, collisions numbered, types for a download (lib/cases/attachments.ts).
import { describe, expect, it } from 'vitest';
import {
  attachmentFolderOf,
  attachmentType,
  extensionOf,
  isAttachmentFolderName,
  safeAttachmentName,
  sizeWords,
  uniqueAttachmentName,
} from '../../../lib/cases/attachments.ts';

describe('safeAttachmentName', () => {
  it.each([
    ['factuur.pdf', 'factuur.pdf'],
    ['../../etc/passwd', 'etc-passwd'],
    ['..\\..\\Windows\\win.ini', 'Windows-win.ini'],
    ['/absoluut/pad.pdf', 'absoluut-pad.pdf'],
    ['.bashrc', 'bashrc'],
    ['..', 'bijlage'],
    ['', 'bijlage'],
    ['   ', 'bijlage'],
    ['naam\u0000met\u0007stuur\ntekens.txt', 'naammetstuur tekens.txt'],
    ['foto\u202Egpj.exe', 'fotogpj.exe'], // a right-to-left override hides the real extension
    ['re\u0301sume\u0301.pdf', 'résumé.pdf'], // NFD as macOS writes it becomes NFC
    ['a<b>c:d"e|f?g*h.pdf', 'a-b-c-d-e-f-g-h.pdf'],
    ['eindigt op punt. ', 'eindigt op punt'],
    ['CON', 'bijlage-CON'],
    ['nul.txt', 'bijlage-nul.txt'],
    ['K-2026-001.md', 'bijlage-K-2026-001.md'], // never named like a case file
    ['tab\tin   de  naam.pdf', 'tab in de naam.pdf'],
  ])('%j -> %j', (name, safe) => {
    expect(safeAttachmentName(name)).toBe(safe);
  });

  it('keeps the extension of a long name within 120 characters', () => {
    const safe = safeAttachmentName(`${'x'.repeat(300)}.pdf`);
    expect(safe).toHaveLength(120);
    expect(safe.endsWith('.pdf')).toBe(true);
  });

  it('gives a name without one the extension of its type', () => {
    expect(safeAttachmentName('', extensionOf('application/pdf'))).toBe('bijlage.pdf');
    expect(safeAttachmentName('', extensionOf('application/x-unknown'))).toBe('bijlage');
  });

  it('never yields a path separator, a dot-file or a control character', () => {
    for (const name of ['/', '\\', '.', '...', '\u0000', '.\u0001/.', 'a/../b', '.git/config'])
      expect(safeAttachmentName(name)).toMatch(/^[^./\\\p{Cc}][^/\\\p{Cc}]*$/u);
  });
});

describe('uniqueAttachmentName', () => {
  it('numbers a name taken, without regard to case', () => {
    expect(uniqueAttachmentName('factuur.pdf', [])).toBe('factuur.pdf');
    expect(uniqueAttachmentName('factuur.pdf', ['Factuur.PDF'])).toBe('factuur (2).pdf');
    expect(uniqueAttachmentName('factuur.pdf', ['factuur.pdf', 'factuur (2).pdf'])).toBe('factuur (3).pdf');
    expect(uniqueAttachmentName('notitie', ['notitie'])).toBe('notitie (2)');
  });
});

describe('the folder and the types', () => {
  it('puts the folder beside the case file', () => {
    expect(attachmentFolderOf('cases/2026/K-2026-007.md')).toBe('cases/2026/K-2026-007');
    expect(isAttachmentFolderName('K-2026-007')).toBe(true);
    expect(isAttachmentFolderName('2026')).toBe(false);
    expect(isAttachmentFolderName('K-2026-007.md')).toBe(false);
  });

  it('sends each file with its type, anything unknown as bytes', () => {
    expect(attachmentType('factuur.PDF')).toBe('application/pdf');
    expect(attachmentType('mail.eml')).toBe('message/rfc822');
    expect(attachmentType('pagina.html')).toBe('application/octet-stream'); // never rendered as a page
    expect(attachmentType('geen-extensie')).toBe('application/octet-stream');
  });

  it('says sizes in Dutch', () => {
    expect(sizeWords(900)).toBe('900 bytes');
    expect(sizeWords(12 * 1024)).toBe('12 kB');
    expect(sizeWords(1.4 * 1024 * 1024)).toBe('1,4 MB');
  });
});
