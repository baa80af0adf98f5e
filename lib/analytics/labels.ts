import type { ImprovementState } from './improvements.ts';
import type { ComplianceCheck, Outcome } from './report-case.ts';

/** Dutch labels of the outcomes. */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  consultation: 'Opgelost in overleg',
  mediation: 'Opgelost via bemiddeling',
  escalated: 'Voorgelegd aan de klachtencommissie',
  withdrawn: 'Ingetrokken',
  open: 'Nog in behandeling',
};

/** Dutch labels of the improvement states. */
export const IMPROVEMENT_LABELS: Record<ImprovementState, string> = {
  done: 'gedaan',
  open: 'open',
  overdue: 'open, streefdatum verstreken',
};

/** Dutch names of the compliance checks: the short one for chart labels and table headers, the full one for sentences. */
export const COMPLIANCE_LABELS: Record<ComplianceCheck, { short: string; label: string }> = {
  client_informed: {
    short: 'Cliënt vooraf gewezen op regeling',
    label: 'Cliënt bij de start van de opdracht gewezen op de klachtenregeling',
  },
  acknowledged: { short: 'Ontvangst op tijd bevestigd', label: 'Ontvangst binnen de eigen termijn bevestigd aan de klager' },
  oral_confirmation: { short: 'Mondelinge klacht bevestigd', label: 'Mondelinge klacht schriftelijk bevestigd' },
  information_given: { short: 'Informatie gegeven', label: 'Voldoende informatie gegeven aan de klager' },
  complainant_heard: { short: 'Klager gehoord', label: 'Klager in de gelegenheid gesteld de klacht toe te lichten' },
  third_party_information: { short: 'Derden gevraagd', label: 'Informatie gevraagd aan derden (mag, hoeft niet)' },
  written_response: { short: 'Schriftelijk afgehandeld', label: 'Schriftelijke afhandeling met bevindingen en conclusies' },
};

/** A Dutch list: "a", "a en b", "a, b en c". */
export function listNl(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}
