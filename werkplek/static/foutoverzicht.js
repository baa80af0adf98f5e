// The error summary of a refused save (NL Design System / GOV.UK): the focus moves to it, so a screen reader reads it
// first; a link in it focuses its field, with the field's label in view. Without this script the form's
// #foutoverzicht still brings the summary into view.
const summary = document.getElementById('foutoverzicht');
if (summary) {
  summary.focus();
  summary.addEventListener('click', (e) => {
    const link = e.target.closest('a[href^="#"]');
    const target = link && document.getElementById(link.getAttribute('href').slice(1));
    if (!target) return;
    e.preventDefault();
    const details = target.closest('details');
    if (details) details.open = true;
    const label = document.querySelector(`label[for="${target.id}"]`) || target.closest('fieldset')?.querySelector('legend');
    target.focus({ preventScroll: true });
    (label || target).scrollIntoView({ block: 'start' });
  });
}
