// The deadline calculator's browser side: DOM glue only. The counting is lib/calendar's (via
// lib/deadlines/calculator.ts), with the holiday table the build put in data-holidays.
import { calculateDeadline, sentLate, type CalculatorResult } from '../../lib/deadlines/calculator.ts';
import { calendarFromTable } from '../../lib/calendar/browser-holiday-table.ts';
import { formatDate } from '../../lib/dates/iso-date.ts';
import { formatWeekdayDate } from '../../lib/dates/format.ts';

const form = document.querySelector<HTMLFormElement>('form.calc');
if (form) {
  const messages = form.dataset;
  const lang = document.documentElement.lang === 'en' ? 'en' : 'nl';
  const cal = calendarFromTable(JSON.parse(messages.holidays ?? '{}'));
  const fields = [...form.querySelectorAll<HTMLElement>('.field')];
  form.hidden = false;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    let invalid: HTMLInputElement | undefined;
    let answered = 0;
    const results: CalculatorResult[] = [];
    const line = (output: Element, text: string, className: string) => {
      const p = document.createElement('span');
      p.className = className;
      p.textContent = text;
      output.append(document.createElement('br'), p);
    };
    for (const field of fields) {
      const input = field.querySelector('input')!;
      const error = field.querySelector('.error')!;
      const output = field.querySelector('output')!;
      const result = calculateDeadline(cal, input.value, Number(field.dataset.workdays));
      results.push(result);
      output.textContent = '';
      error.textContent = '';
      input.removeAttribute('aria-invalid');
      if (result.ok) {
        const [before = '', after = ''] = (field.dataset.result ?? '').split('{due}');
        const due = document.createElement('time');
        due.dateTime = result.due;
        due.textContent = formatWeekdayDate(result.due, lang);
        const strong = document.createElement('strong');
        strong.append(due);
        output.append(before, strong, after.replace('{start}', formatDate(result.start, lang)));
        if (result.beyondDecrees) line(output, messages.caveat ?? '', 'caveat');
        answered++;
      } else if (result.reason !== 'empty') {
        error.textContent = messages[result.reason] ?? '';
        input.setAttribute('aria-invalid', 'true');
        invalid ??= input;
      }
    }
    // art. 4.1: sent after the filing deadline: late, and still handled
    const [ended, sent] = results;
    if (ended?.ok && sent?.ok && sentLate(sent.start, ended.due))
      line(
        fields[1]!.querySelector('output')!,
        (messages.late ?? '').replace('{sent}', formatDate(sent.start, lang)).replace('{due}', formatDate(ended.due, lang)),
        'late',
      );
    if (!answered && !invalid) {
      invalid = fields[0]?.querySelector('input') ?? undefined;
      if (invalid) {
        invalid.setAttribute('aria-invalid', 'true');
        invalid.parentElement!.querySelector('.error')!.textContent = messages.empty ?? '';
      }
    }
    invalid?.focus();
  });
}
