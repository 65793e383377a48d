// Minh Bạch search: filters the site's prebuilt index (search/index.json)
// as the visitor types. Text is folded as the generator folds it (lower
// case, no diacritics, đ as d), so "go quao" finds "Gò Quao". A query in the
// address (?q=…) runs on load, so a search works from a plain form submit.
const form = document.querySelector('form[data-index]');
const input = document.getElementById('q');
const list = document.getElementById('search-results');
const status = document.getElementById('search-status');
const lang = document.documentElement.lang || 'vi';
// The words come from the page (the site's interface strings), with %d for
// a count; the plural form "one" where the language has one.
const plurals = new Intl.PluralRules(lang);
const say = (template, n) => (template || '').replace('%d', n.toLocaleString(lang));
const words = {
  none: () => (form && form.dataset.none) || '',
  found: (n) => say(plurals.select(n) === 'one' && form.dataset.foundOne ? form.dataset.foundOne : form.dataset.found, n),
  more: (n) => say(form.dataset.more, n),
};
const limit = 50;

function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim().replace(/\s+/g, ' ');
}

let index = null;

function show(query) {
  const terms = fold(query).split(' ').filter(Boolean);
  list.replaceChildren();
  if (!index || terms.length === 0) {
    status.textContent = '';
    return;
  }
  const hits = index.filter((e) => terms.every((t) => e.f.includes(t)));
  for (const e of hits.slice(0, limit)) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = e.u;
    a.textContent = e.t;
    const kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = ' — ' + e.k;
    li.append(a, kind);
    list.append(li);
  }
  status.textContent = hits.length === 0 ? words.none()
    : words.found(hits.length) + (hits.length > limit ? ' ' + words.more(limit) : '');
}

if (form && input && list) {
  const base = new URL(form.dataset.index, window.location.href);
  fetch(base)
    .then((r) => r.json())
    .then((entries) => {
      // Index URLs are relative to the language root, like the index itself.
      const root = new URL('../', base);
      index = entries.map((e) => ({ ...e, u: new URL(e.u, root).pathname }));
      const q = new URLSearchParams(window.location.search).get('q');
      if (q) input.value = q;
      show(input.value);
    });
  input.addEventListener('input', () => show(input.value));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    show(input.value);
    const url = new URL(window.location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
  });
}
