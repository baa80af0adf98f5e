import { t } from '../../schemas/language.ts';
import { KNOWN_BODIES } from './escalation-bodies.ts';
import { countOf, newKey, type Settings } from './settings.ts';

/** What `npm run inrichten` is told to change, flag by flag; what is absent stays as it is. */
export interface SettingsChanges {
  name?: string;
  email?: string;
  /** An empty text removes the phone number. */
  phone?: string;
  postalAddress?: string;
  website?: string;
  siteUrl?: string;
  /** Replaces the organizers: `Naam=github-login` each. */
  organizers?: string[];
  /** Adds organizers (a colleague): `Naam=github-login` each. */
  addOrganizers?: string[];
  /** A known body's id (lib/organization/escalation-bodies.ts). */
  body?: string;
  filingWorkdays?: string;
  handlingWorkdays?: string;
  addCategories?: string[];
  addCauses?: string[];
  retentionYears?: string;
  /** An empty text removes the sentence. */
  letterOpening?: string;
  letterClosing?: string;
}

/** A flag's value that cannot be used, with the flag and what is expected. */
export class ChangeError extends Error {}

/** An organizer as a flag gives her: `Naam=github-login`. */
function organizerOf(value: string, taken: string[]): Settings['organizers'][number] {
  const m = /^(.+?)=@?([^=\s]+)$/.exec(value.trim());
  if (!m)
    throw new ChangeError(
      t(
        `verwacht "Naam=github-gebruikersnaam", bijvoorbeeld "Sanne Visser=sanne-opruimcoach", niet "${value}"`,
        `expected "Name=github-login", e.g. "Sanne Visser=sanne-opruimcoach", got "${value}"`,
      ),
    );
  const name = m[1]!.trim();
  return { key: newKey(name, taken, true), name, github: m[2]! };
}

/**
 * The settings with `changes` applied: the command line's counterpart of Inrichten's form. Counts stay as typed (the
 * schema refuses what is no whole number, in Dutch); a wrong organizer or an unknown body throws {@link ChangeError}.
 * Pure; `current` is not changed.
 */
export function applyChanges(current: Settings, c: SettingsChanges): Settings {
  const s = structuredClone(current);
  const set = <T>(value: T | undefined, apply: (v: T) => void) => value !== undefined && apply(value);
  set(c.name, (v) => (s.organization.name = v.trim()));
  set(c.email, (v) => (s.organization.email = v.trim()));
  set(c.phone, (v) => (v.trim() ? (s.organization.phone = v.trim()) : delete s.organization.phone));
  set(c.postalAddress, (v) => (s.organization.postal_address = v.trim()));
  set(c.website, (v) => (s.organization.website = v.trim()));
  set(c.siteUrl, (v) => (s.site_url = v.trim()));
  if (c.organizers) {
    s.organizers = [];
    for (const o of c.organizers)
      s.organizers.push(
        organizerOf(
          o,
          s.organizers.map((x) => x.key),
        ),
      );
  }
  for (const o of c.addOrganizers ?? [])
    s.organizers.push(
      organizerOf(
        o,
        s.organizers.map((x) => x.key),
      ),
    );
  set(c.body, (id) => {
    const body = KNOWN_BODIES.find((b) => b.id === id);
    if (!body)
      throw new ChangeError(
        t(
          `onbekende instantie "${id}"; kies uit ${KNOWN_BODIES.map((b) => b.id).join(', ')}, of beschrijf een andere in de werkplek (Instellingen)`,
          `unknown body "${id}"; choose from ${KNOWN_BODIES.map((b) => b.id).join(', ')}, or describe another in the werkplek`,
        ),
      );
    s.escalation = structuredClone(body.escalation);
  });
  set(c.filingWorkdays, (v) => (s.deadlines.filing_workdays = countOf(v)));
  set(c.handlingWorkdays, (v) => (s.deadlines.handling_workdays = countOf(v)));
  for (const list of ['categories', 'causes'] as const)
    for (const label of (list === 'categories' ? c.addCategories : c.addCauses) ?? [])
      s[list].push({
        key: newKey(
          label,
          s[list].map((x) => x.key),
        ),
        label: label.trim(),
      });
  set(c.retentionYears, (v) => (s.retention.years_after_closing = countOf(v)));
  set(c.letterOpening, (v) => (v.trim() ? (s.letters.opening = v.trim()) : delete s.letters.opening));
  set(c.letterClosing, (v) => (v.trim() ? (s.letters.closing = v.trim()) : delete s.letters.closing));
  return s;
}
