// Minh Bạch chart loader: the small script a page with charts loads
// (deferred). It fetches the chart script (ECharts, the site's one large
// download) only when a chart comes near the screen, so a page opens as
// fast as one without charts, and a reader who never scrolls to a chart
// never downloads it. The chart script's address and integrity hash are in
// this script element's data-charts and data-charts-integrity attributes;
// the browser checks the hash (subresource integrity) as for any script.
// It also turns each breakdown section into one breakdown at a time,
// with a selector of the breakdown (a native <select>, so the keyboard
// works as everywhere); without scripts every breakdown shows.
document.querySelectorAll('section[data-breakdowns]').forEach((section) => {
  const choose = section.querySelector('.breakdown-choose');
  const select = choose && choose.querySelector('select');
  if (!select) return;
  const show = () => {
    section.querySelectorAll('[data-breakdown]').forEach((panel) => {
      panel.hidden = panel.dataset.breakdown !== select.value;
    });
  };
  select.addEventListener('change', show);
  choose.hidden = false;
  show();
});

(() => {
  const me = document.currentScript;
  const figures = document.querySelectorAll('figure.chart[data-option]');
  if (!me || !me.dataset.charts || figures.length === 0) return;

  let requested = false;
  const load = () => {
    if (requested) return;
    requested = true;
    const script = document.createElement('script');
    script.src = me.dataset.charts;
    script.integrity = me.dataset.chartsIntegrity;
    document.head.append(script);
  };

  if (!('IntersectionObserver' in window)) {
    load();
    return;
  }
  // A figure that came near the screen is marked, so that the chart
  // script draws it even if the reader has scrolled past it meanwhile.
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.isIntersecting) {
        e.target.dataset.near = 'true';
        observer.unobserve(e.target);
        load();
      }
    }
  }, { rootMargin: '300px 0px' });
  figures.forEach((f) => observer.observe(f));
})();
