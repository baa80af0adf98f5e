import type { Vocabulary } from '../vocabulary/index.ts';
import type { RetentionAction } from './retention-plan.ts';

/** Where an erasure reaches beyond the case file: its earlier versions in Git, its attachments, the shared remote. */
export interface ErasureReach {
  /** Distinct earlier versions of the case file in the history of every branch. */
  versions: number;
  /** Files in the case's attachments folder. */
  attachments: number;
  /** Whether there is a shared remote (and so other computers) to reach. */
  shared: boolean;
}

const COMPLAINANT = ['name', 'email', 'phone', 'address'] as const;
const RESPONSE = ['findings', 'conclusions', 'mediation'] as const;

/**
 * What an erasure removes, in words the organizer reads ("naam en adres van de klager", "de aantekeningen bij 3
 * stappen", "4 eerdere versies in de geschiedenis"): never a field path, never the template's help comments.
 * From the plan's `removed` (field paths, lib/cases/anonymize.ts) and, where Git is, the reach.
 */
export function erasureInWords(a: Pick<RetentionAction, 'removed' | 'ownComments'>, reach: ErasureReach | undefined, v: Vocabulary): string[] {
  const w = v.erasure;
  const has = (p: string) => a.removed.includes(p);
  const lines: string[] = [];
  const part = (k: (typeof COMPLAINANT)[number]) => (k === 'email' ? v.field['complainant.email'].toLowerCase() : w.complainantPart[k]);
  const parts = COMPLAINANT.filter((k) => has(`complainant.${k}`)).map(part);
  if (parts.length) lines.push(w.complainant(parts));
  if (a.removed.some((p) => p.startsWith('complainant.representative.'))) lines.push(w.representative);
  if (a.removed.some((p) => p.startsWith('body ('))) lines.push(w.complaintText);
  const notes = a.removed.filter((p) => /^steps\.\d+\.note$/.test(p)).length;
  if (notes) lines.push(w.stepNotes(notes));
  const response = RESPONSE.filter((k) => has(`response.${k}`)).map((k) => w.responsePart[k]);
  if (response.length) lines.push(w.response(response));
  if (has('escalation.reference')) lines.push(w.escalationReference);
  if (has('no_escalation_reason')) lines.push(w.noEscalationReason);
  if (a.ownComments) lines.push(w.ownComments(a.ownComments));
  if (reach) {
    if (reach.attachments) lines.push(w.attachments(reach.attachments));
    if (reach.versions) lines.push(w.versions(reach.versions));
    lines.push(reach.shared ? w.everywhere : w.localOnly);
  }
  return lines;
}
