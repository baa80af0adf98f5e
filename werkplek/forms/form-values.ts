import { parseDateInput } from '../../lib/dates/date-input.ts';
import type { Problem } from '../../lib/problems/problems.ts';
import type { FieldErrors, FormValues } from '../form-controls.ts';
import { formMessage } from '../labels.ts';

const ARRAY_FIELDS = new Set(['categories', 'causes', 'bijlage']);
const DATE_FIELDS = /(^|\.)(received|assignment_completed|client_informed|written_confirmation|date|withdrawn_on|due|done)$/;

/** Form values from a submitted body; textarea line ends (CRLF) become `\n`, so text reads back as typed. */
export function valuesOf(form: FormData): { values: Record<string, string | string[]>; files: Record<string, File> } {
  const values: Record<string, string | string[]> = {};
  const files: Record<string, File> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v !== 'string') {
      files[k] = v;
      continue;
    }
    const text = v.replace(/\r\n?/g, '\n');
    if (ARRAY_FIELDS.has(k)) values[k] = [...((values[k] as string[] | undefined) ?? []), text];
    else values[k] = text;
  }
  return { values, files };
}

/** A submitted text ('' when absent). */
export const str = (values: FormValues, k: string): string => {
  const v = values[k];
  return typeof v === 'string' ? v : '';
};
/** A submitted text, or undefined when left empty (an empty field removes the value). */
export const opt = (values: FormValues, k: string): string | undefined => (str(values, k).trim() === '' ? undefined : str(values, k));
/** A submitted list (checkboxes). */
export const list = (values: FormValues, k: string): string[] => {
  const v = values[k];
  return Array.isArray(v) ? [...v] : typeof v === 'string' ? [v] : [];
};

/**
 * Read the date fields as people type them (`24-11-2026` as well as the date picker's `2026-11-24`) into ISO
 * dates; a date that cannot be read gets a Dutch message with an example.
 */
export function readDates(values: FormValues): { values: Record<string, string | readonly string[]>; errors: Record<string, string[]> } {
  const out: Record<string, string | readonly string[]> = { ...values };
  const errors: Record<string, string[]> = {};
  for (const k of Object.keys(values)) {
    const raw = str(values, k);
    if (!DATE_FIELDS.test(k) || raw.trim() === '') continue;
    const d = parseDateInput(raw);
    if (d.ok) out[k] = d.date;
    else
      errors[k] = [
        d.reason === 'nonexistent'
          ? `"${raw}" bestaat niet in de kalender; schrijf dag-maand-jaar, bijv. 24-11-2026`
          : `"${raw}" is geen datum; schrijf dag-maand-jaar, bijv. 24-11-2026`,
      ];
  }
  return { values: out, errors };
}

/** Problems of a refused save, per form field: `categories.0` belongs to `categories`, unknown paths to the form. */
export function errorsByField(problems: readonly Problem[], fieldOf: (path: string) => string): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const p of problems) {
    if (p.severity !== 'error') continue;
    const f = fieldOf(p.field.replace(/\.\d+$/, (m) => (/^(categories|causes)\.\d+$/.test(p.field) ? '' : m)));
    (out[f] ??= []).push(formMessage(p.message));
  }
  return out;
}
