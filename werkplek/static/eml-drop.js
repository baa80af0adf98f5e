const drop = document.querySelector('.drop'),
  input = document.getElementById('f-eml'),
  status = document.getElementById('eml-status');
// reading a mail with attachments takes a moment: say so where a screen reader hears it
input.form.addEventListener('submit', () => (status.textContent = 'De e-mail wordt gelezen…'));
input.addEventListener('change', () => input.form.requestSubmit());
for (const t of ['dragover', 'dragenter'])
  document.addEventListener(t, (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
document.addEventListener('dragleave', () => drop.classList.remove('over'));
document.addEventListener('drop', (e) => {
  e.preventDefault();
  if (e.dataTransfer.files.length) {
    input.files = e.dataTransfer.files;
    input.form.requestSubmit();
  }
});
