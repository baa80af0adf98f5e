// The search box of every page: when it gets the focus, the werkplek reads what a search needs (the first search
// reads every case file), so the answer is quick once the words are typed. Without this script a search still works.
const box = document.getElementById('zoek');
if (box)
  box.addEventListener(
    'focus',
    () => fetch('/zoeken/voorbereiden', { method: 'POST', body: new URLSearchParams() }).catch(() => undefined),
    {
      once: true,
    },
  );
