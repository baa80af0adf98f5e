import { KNOWN_BODIES, type Escalation } from '../../lib/organization/escalation-bodies.ts';
import { countOf, newKey, type Settings } from '../../lib/organization/settings.ts';
import type { FormValues } from '../form-controls.ts';
import { str } from './form-values.ts';

/** The escalation choice of a body described by hand. */
export const OTHER_BODY = 'anders';

/** The indices of a list's rows the form sent (`organizers.0.name`, `organizers.1.github`, …), in order. */
function rowsOf(values: FormValues, list: string): number[] {
  const found = new Set<number>();
  for (const k of Object.keys(values)) {
    const m = new RegExp(`^${list}\\.(\\d+)\\.`).exec(k);
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

const text = (values: FormValues, k: string) => str(values, k).trim();

/** The labelled list (categories, causes) from its rows: an empty row is skipped; a kept row keeps its key, a new one gets one. */
function labelled(values: FormValues, list: 'categories' | 'causes'): { key: string; label: string }[] {
  const rows = rowsOf(values, list).map((i) => ({ key: text(values, `${list}.${i}.key`), label: text(values, `${list}.${i}.label`) }));
  const taken = rows.map((r) => r.key).filter(Boolean);
  const out: { key: string; label: string }[] = [];
  for (const r of rows) {
    if (!r.label) continue;
    const key = r.key || newKey(r.label, [...taken, ...out.map((o) => o.key)]);
    out.push({ key, label: r.label });
  }
  return out;
}

/** The escalation body chosen: a known one's block as it is, or the fields of another (its English texts kept while its name stays). */
function escalationOf(values: FormValues, current: Escalation): Escalation {
  const chosen = KNOWN_BODIES.find((b) => b.id === str(values, 'escalation.choice'));
  if (chosen) return structuredClone(chosen.escalation) as Escalation;
  const f = (k: string) => text(values, `escalation.${k}`);
  const same = f('name') === current.name;
  const submitted = f('procedure.submitted_by');
  return {
    name: f('name'),
    committee: f('committee'),
    website: f('website'),
    description: f('description'),
    ...(same && current.description_en ? { description_en: current.description_en } : {}),
    procedure: {
      submitted_by: (submitted === 'complainant' ? 'complainant' : 'organizer') as 'organizer' | 'complainant',
      how: f('procedure.how'),
      officer: f('procedure.officer'),
      disputes_body: f('procedure.disputes_body'),
      term: f('procedure.term'),
      cost: f('procedure.cost'),
      ...(same && current.procedure.en ? { en: current.procedure.en } : {}),
    },
  };
}

/**
 * Inrichten's form values as settings: texts trimmed, counts as typed (the schema refuses what is no whole number, in
 * Dutch), empty rows skipped, a new organizer's key from her first name. Pure; `current` gives what the form does not
 * show (an English text).
 */
export function settingsFromForm(values: FormValues, current: Settings): Settings {
  const organizers: Settings['organizers'] = [];
  const rows = rowsOf(values, 'organizers').map((i) => ({
    key: text(values, `organizers.${i}.key`),
    name: text(values, `organizers.${i}.name`),
    github: text(values, `organizers.${i}.github`).replace(/^@/, ''),
  }));
  for (const r of rows) {
    if (!r.name && !r.github) continue;
    const key = r.key || newKey(r.name || r.github, [...rows.map((x) => x.key).filter(Boolean), ...organizers.map((o) => o.key)], true);
    organizers.push({ key, name: r.name, github: r.github });
  }
  const phone = text(values, 'organization.phone');
  const opening = text(values, 'letters.opening');
  const closing = text(values, 'letters.closing');
  return {
    organization: {
      name: text(values, 'organization.name'),
      email: text(values, 'organization.email'),
      ...(phone ? { phone } : {}),
      postal_address: text(values, 'organization.postal_address'),
      website: text(values, 'organization.website'),
    },
    site_url: text(values, 'site_url'),
    organizers,
    escalation: escalationOf(values, current.escalation),
    deadlines: {
      filing_workdays: countOf(str(values, 'deadlines.filing_workdays')),
      handling_workdays: countOf(str(values, 'deadlines.handling_workdays')),
    },
    categories: labelled(values, 'categories'),
    causes: labelled(values, 'causes'),
    retention: { years_after_closing: countOf(str(values, 'retention.years_after_closing')) },
    letters: { ...(opening ? { opening } : {}), ...(closing ? { closing } : {}) },
  };
}
