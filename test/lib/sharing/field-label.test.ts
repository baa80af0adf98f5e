import { describe, expect, it } from 'vitest';
import { conflictFieldLabel } from '../../../lib/sharing/field-label.ts';

const words = { 'complainant.email': 'E-mailadres', 'steps.note': 'Notitie', 'improvements.action': 'Actie' };

describe('conflictFieldLabel', () => {
  it.each([
    ['complainant.email', 'E-mailadres'],
    ['steps.2.note', 'Notitie (stap 3)'],
    ['steps.0', 'stap 1'],
    ['improvements.1.action', 'Actie (verbeteractie 2)'],
    ['body.Klacht', 'de tekst onder "Klacht"'],
    ['body', 'de tekst bovenaan het dossier'],
    ['(file)', 'het dossier als geheel'],
    ['unknown.field', 'unknown.field'],
  ])('%s', (field, said) => expect(conflictFieldLabel(field, words)).toBe(said));
});
