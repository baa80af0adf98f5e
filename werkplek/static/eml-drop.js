const drop = document.querySelector('.drop'),
  input = document.getElementById('f-eml');
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
