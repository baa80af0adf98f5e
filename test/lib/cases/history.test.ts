import { describe, expect, it } from 'vitest';
import { authorOf, changeWords, historyDay, historyLines, historySentence, type HistoryCommit } from '../../../lib/cases/history.ts';
import { caseData, caseText, ORG } from '../../helpers/fixtures.ts';

const base = caseData({ received: '2026-11-24' });
const text = (over: Record<string, unknown> = {}, body?: string) => caseText({ ...base, ...over }, body);
const words = (before: string | undefined, after: string | undefined, subject = 'K-2026-001: iets', date = '2026-12-03') =>
  changeWords({ before, after, subject, date });

describe('what a commit did, in her words', () => {
  it.each([
    ['a registration', undefined, text(), 'klacht geregistreerd'],
    ['a step', text(), text({ steps: [{ kind: 'complainant_heard', date: '2026-12-03' }] }), "stap 'Klager gehoord' vastgelegd"],
    [
      'a step recorded later than it was taken',
      text(),
      text({ steps: [{ kind: 'information_given', date: '2026-12-01' }] }),
      "stap 'Informatie gegeven' vastgelegd (gedaan op 1 december 2026)",
    ],
    ['the acknowledgement', text(), text({ acknowledged: '2026-12-03' }), "stap 'Ontvangst bevestigd' vastgelegd"],
    ['the acknowledgement moved', text({ acknowledged: '2026-12-01' }), text({ acknowledged: '2026-12-02' }), 'Ontvangst bevestigd: datum gewijzigd'],
    [
      'the response',
      text(),
      text({ response: { date: '2026-12-03', findings: 'Geheime bevinding', conclusions: 'C' } }),
      'schriftelijke afhandeling vastgelegd',
    ],
    [
      'a closing',
      text({ response: { date: '2026-12-03', findings: 'B', conclusions: 'C' } }),
      text({ status: 'resolved', satisfied: true, response: { date: '2026-12-03', findings: 'B', conclusions: 'C' } }),
      'status: afgehandeld; uitkomst vastgelegd',
    ],
    ['a withdrawal', text(), text({ status: 'withdrawn', withdrawn_on: '2026-12-03' }), 'status: ingetrokken'],
    ['a reopening', text({ status: 'withdrawn', withdrawn_on: '2026-12-01' }), text(), 'heropend (status: in behandeling)'],
    ['the causes', text(), text({ causes: ['planning'] }), 'oorzaken vastgelegd'],
    [
      'the registration corrected',
      text(),
      text({ received: '2026-11-23', complainant: { name: 'Andere Naam', email: 'x@example.org' } }),
      'registratie gewijzigd: ontvangen op, klager',
    ],
    ['the complaint text', text({}, 'Oud.\n'), text({}, 'Nieuw.\n'), 'klachttekst of notities gewijzigd'],
    ['only a comment', text(), `${text()}\n`, 'dossier bijgewerkt'],
    ['a removal', text(), undefined, 'dossier verwijderd'],
    [
      'an improvement added and done',
      text(),
      text({ improvements: [{ action: 'Bevestigen per mail', owner: 'anouk', done: '2026-12-03' }] }),
      'verbeteractie toegevoegd; verbeteractie afgerond',
    ],
  ])('%s', (_, before, after, expected) => {
    expect(words(before, after)).toBe(expected);
  });

  it('never shows a value: a name, a note or a finding stays out', () => {
    const after = text({
      complainant: { name: 'Geheime Naam', email: 'geheim@example.org' },
      steps: [{ kind: 'mediation', date: '2026-12-03', note: 'Geheime notitie' }],
      response: { date: '2026-12-03', findings: 'Geheime bevinding', conclusions: 'C' },
    });
    expect(words(text(), after)).not.toMatch(/Geheim/i);
  });

  it('never repeats a commit message; reads only a renumbering and an erasure on request from it', () => {
    expect(words(text(), text({ causes: ['planning'] }), 'K-2026-001: mevrouw Jansen belde')).toBe('oorzaken vastgelegd');
    expect(words(undefined, text(), 'K-2026-004: hernummerd, was K-2026-003 (nummer al in gebruik)')).toBe(
      'nummer gewijzigd: K-2026-003 was al in gebruik',
    );
    const anonymized = caseText({ ...base, status: 'resolved', anonymized: '2029-01-01', complainant: undefined });
    expect(words(text(), anonymized, 'K-2026-001: persoonsgegevens verwijderd op verzoek (AVG art. 17)')).toBe(
      'persoonsgegevens verwijderd op verzoek',
    );
    expect(words(text(), anonymized, 'K-2026-001: persoonsgegevens verwijderd (bewaartermijn)')).toBe(
      'persoonsgegevens verwijderd (bewaartermijn)',
    );
  });

  it('a file that is no valid YAML still gets words', () => {
    expect(words('---\nid: [\n---\nTekst\n', text())).toContain('registratie gewijzigd');
  });
});

describe('a line of the history', () => {
  const commit: HistoryCommit = {
    date: '2026-12-03',
    authorName: 'bram',
    authorEmail: 'bram-o4a@users.noreply.github.com',
    subject: 'K-2026-001: klager gehoord (art. 5.2)',
    before: text(),
    after: text({ steps: [{ kind: 'complainant_heard', date: '2026-12-03' }] }),
  };

  it('names the organizer as organization.yml does, else as Git has it', () => {
    expect(authorOf(commit, ORG)).toBe('Bram de Wit');
    expect(authorOf({ authorName: 'Iemand Anders', authorEmail: 'x@example.org' }, ORG)).toBe('Iemand Anders');
  });

  it('reads "3 december, Bram de Wit: stap \'Klager gehoord\' vastgelegd", with the year only when it is not this one', () => {
    const [line] = historyLines([commit], ORG);
    expect(historySentence(line!, '2026-12-06')).toBe("3 december, Bram de Wit: stap 'Klager gehoord' vastgelegd");
    expect(historyDay('2025-12-03', '2026-01-02')).toBe('3 december 2025');
  });
});
