// Minh Bạch live maps: ECharts' map series, registered from the shapes of
// the map's own static SVG (drawn by the generator), so the page carries
// the geometry once. Tooltips, zoom and pan, a period selector, and the
// keyboard: the map takes focus, the arrow keys go from unit to unit (Home
// and End to the first and last), and each unit's figure is announced in
// the map's live region and shown in its tooltip. On an embed page the
// address may pick a unit to outline ("#unit=<code>"), as the static map
// does by CSS alone; the unit picked is announced.
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { extensions } from './chart-extensions.js';

echarts.use([MapChart]);

const lang = document.documentElement.lang || 'vi';
const numberFormat = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });

// text writes a figure with the map's template ("{c}%"), or no data.
function text(m, v) {
  return v === null || v === undefined ? m.nodata : m.template.replaceAll('{c}', numberFormat.format(v));
}

// classOf is the class of v among the breaks, as the generator computes it.
function classOf(m, v) {
  let i = 0;
  while (i < m.breaks.length && v >= m.breaks[i]) i += 1;
  return i;
}

// state is what each live map shows: its period, the unit reached and
// the unit the address picks (-1 for none).
const state = new WeakMap();

// picked is the index of the unit the page's address picks on a map with
// targets ("#unit=<code>", geomap.Target), or -1.
function picked(m) {
  const hash = window.location.hash.slice(1);
  return m.targets && hash.startsWith('unit=') ? m.units.indexOf(hash.slice('unit='.length)) : -1;
}

// series is the map series of a period, in the page's colours.
function series(figure, m, period, c) {
  const values = m.values[period];
  const s = state.get(figure);
  const outlined = s && s.picked >= 0 ? m.units[s.picked] : m.highlight;
  return [{
    type: 'map',
    map: figure.id,
    roam: true,
    selectedMode: false,
    label: { show: false },
    itemStyle: { borderColor: c.bg, borderWidth: 0.5 },
    // The unit reached keeps its colour and gets a heavy border.
    emphasis: { label: { show: false }, itemStyle: { borderColor: c.fg, borderWidth: 2 } },
    data: m.units.map((unit, i) => {
      const v = values[i];
      // A map region is filled with areaColor. No data is hatched as on the
      // static map: the decal is drawn in the SVG's units (the SVG renderer
      // scales it with the shapes), lines a third of its period.
      const style = v === null
        ? { areaColor: c.bg, decal: { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [m.hatch / 3, (2 * m.hatch) / 3], rotation: -Math.PI / 4, color: c.muted } }
        : { areaColor: c.map[m.colours[classOf(m, v)]] };
      if (unit === outlined) Object.assign(style, { borderColor: c.fg, borderWidth: 3 });
      // The unit reached keeps its colour; the border says it.
      return { name: unit, value: v === null ? NaN : v, itemStyle: style, emphasis: { itemStyle: { areaColor: style.areaColor } } };
    }),
  }];
}

// options are the whole option of a live map.
function options(figure, option, m, period, c) {
  return {
    aria: option.aria,
    animation: option.animation,
    backgroundColor: 'transparent',
    tooltip: {
      trigger: 'item',
      renderMode: 'richText',
      backgroundColor: c.panel,
      borderColor: c.muted,
      textStyle: { color: c.fg },
      formatter: (p) => `${m.names[p.dataIndex]}: ${text(m, m.values[period][p.dataIndex])}`,
    },
    series: series(figure, m, period, c),
  };
}

// svgShapes is the static SVG as ECharts reads a map: each unit's path
// named by its unit, without the titles, the patterns, the highlight or the
// outlines the address picks.
function svgShapes(canvas) {
  const copy = canvas.querySelector(':scope > svg').cloneNode(true);
  copy.removeAttribute('hidden');
  copy.querySelectorAll('title, desc, defs, .hl, .targets').forEach((e) => e.remove());
  copy.querySelectorAll('path[data-unit]').forEach((p) => {
    p.setAttribute('name', p.dataset.unit);
    p.removeAttribute('class');
  });
  return new XMLSerializer().serializeToString(copy);
}

// keyboard lets the live map be read unit by unit.
function keyboard(chart, figure, live, m, colours) {
  const status = document.getElementById(`${figure.id}-status`);
  const keys = document.getElementById(`${figure.id}-keys`);
  if (keys) keys.hidden = false;
  live.tabIndex = 0;
  live.setAttribute('role', 'group');
  live.setAttribute('aria-label', figure.querySelector('figcaption').textContent.trim());
  if (keys) live.setAttribute('aria-describedby', keys.id);
  live.addEventListener('keydown', (e) => {
    const s = state.get(figure);
    const n = m.units.length;
    const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    let i = s.unit;
    if (e.key in moves) i = i < 0 ? 0 : (i + moves[e.key] + n) % n;
    else if (e.key === 'Home') i = 0;
    else if (e.key === 'End') i = n - 1;
    else return;
    e.preventDefault();
    if (s.unit >= 0) chart.dispatchAction({ type: 'downplay', seriesIndex: 0, dataIndex: s.unit });
    s.unit = i;
    chart.dispatchAction({ type: 'highlight', seriesIndex: 0, dataIndex: i });
    chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: i });
    const said = `${m.names[i]}: ${text(m, m.values[s.period][i])}`;
    if (status) status.textContent = said;
    live.dataset.unit = m.units[i];
  });
  live.addEventListener('blur', () => chart.dispatchAction({ type: 'hideTip' }));
  const select = document.getElementById(`${figure.id}-period`);
  if (select) {
    select.closest('.map-period').hidden = false;
    select.addEventListener('change', () => {
      const s = state.get(figure);
      s.period = Number(select.value);
      chart.setOption({ series: series(figure, m, s.period, colours()) });
      if (status) status.textContent = select.options[select.selectedIndex].textContent;
    });
  }
}

// pick outlines the unit the address picks, if any, and says it in the
// map's live region and its accessible name; the arrow keys go on from it.
function pick(chart, figure, live, m, colours) {
  const s = state.get(figure);
  s.picked = picked(m);
  chart.setOption({ series: series(figure, m, s.period, colours()) });
  const caption = figure.querySelector('figcaption').textContent.trim();
  if (s.picked < 0) {
    live.setAttribute('aria-label', caption);
    return;
  }
  s.unit = s.picked;
  const said = `${m.names[s.picked]}: ${text(m, m.values[s.period][s.picked])}`;
  live.setAttribute('aria-label', `${caption} — ${said}`);
  live.dataset.unit = m.units[s.picked];
  const status = document.getElementById(`${figure.id}-status`);
  if (status) status.textContent = said;
}

extensions.push({
  handles: (option) => Boolean(option.map),
  draw(chart, figure, canvas, option, c, colours) {
    const m = option.map;
    echarts.registerMap(figure.id, { svg: svgShapes(canvas) });
    state.set(figure, { period: m.periods.length - 1, unit: -1, picked: picked(m) });
    chart.setOption(options(figure, option, m, m.periods.length - 1, c));
    keyboard(chart, figure, chart.getDom(), m, colours);
    if (m.targets) {
      pick(chart, figure, chart.getDom(), m, colours);
      window.addEventListener('hashchange', () => pick(chart, figure, chart.getDom(), m, colours));
    }
  },
  recolour(chart, figure, option, c) {
    chart.setOption({ series: series(figure, option.map, state.get(figure).period, c) });
  },
});
