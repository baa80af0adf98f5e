// The Dossier's history while it loads (data-geschiedenis): fetched from the werkplek, which answers once the look
// into the case's past is done (at most a few seconds per request), and put in place. Without this script the
// section keeps its "Vernieuwen" link.
async function load(section, tries) {
  const res = await fetch(section.dataset.geschiedenis, { headers: { Accept: 'text/html' } });
  if (!res.ok) return;
  const t = document.createElement('template');
  t.innerHTML = await res.text();
  const fresh = t.content.querySelector('#geschiedenis');
  if (!fresh) return;
  section.replaceWith(fresh);
  if (fresh.dataset.geschiedenis && tries > 1) await load(fresh, tries - 1);
}
const section = document.querySelector('[data-geschiedenis]');
if (section) load(section, 10).catch(() => undefined);
