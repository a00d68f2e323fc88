// Small conveniences on top of plain forms; every page works without them.
document.addEventListener('DOMContentLoaded', () => {
  const all = document.querySelector('#select-all');
  if (all) {
    all.addEventListener('change', () => {
      document.querySelectorAll('input[name=leadId]').forEach(box => { box.checked = all.checked; });
    });
  }
  // Live counters and previews in the content editor.
  document.querySelectorAll('[data-limit]').forEach(field => {
    const counters = [document.getElementById(field.id + '-count'), document.getElementById(field.id + '-preview-count')]
      .filter(c => c);
    const preview = document.getElementById(field.id + '-preview');
    const update = () => {
      const limit = Number(field.dataset.limit);
      const length = field.value.length;
      counters.forEach(counter => {
        counter.textContent = length + ' / ' + limit;
        counter.classList.toggle('over', length > limit);
      });
      if (preview) {
        // the same fold the server computes: the last space before the fold, if not too early
        const fold = Number(preview.dataset.fold || 0);
        let cut = field.value.length;
        if (fold > 0 && cut > fold) {
          const space = field.value.lastIndexOf(' ', fold);
          cut = space > fold / 2 ? space : fold;
        }
        preview.querySelector('.visible').textContent = field.value.substring(0, cut);
        preview.querySelector('.folded').textContent = field.value.substring(cut);
      }
    };
    field.addEventListener('input', update);
    update();
  });
});
