// Minh Bạch chart script: turns each chart's static SVG into an interactive
// ECharts chart when it scrolls into view. The option of each chart is JSON in
// a <script type="application/json"> next to it, written by the generator.
// Only the chart types and components the site uses are bundled.
//
// The script adds no markup of its own and no style attribute: ECharts sets
// sizes and positions through the CSSOM (element.style), which the site's
// Content Security Policy (style-src 'self') allows. Colours come from the
// stylesheet's custom properties, so a chart follows the light, dark and
// forced-colours schemes as the rest of the page does, and changes with them.
import * as echarts from 'echarts/core';
import { LineChart, BarChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { extensions } from './chart-extensions.js';

echarts.use([
  LineChart, BarChart, AriaComponent, GridComponent, LegendComponent,
  MarkLineComponent, TooltipComponent, SVGRenderer,
]);

const lang = document.documentElement.lang || 'vi';
const numberFormat = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
const schemes = [
  window.matchMedia('(prefers-color-scheme: dark)'),
  window.matchMedia('(forced-colors: active)'),
];

// formatNumber writes a figure the way the page's language does: 213.883 and
// 86,7 in Vietnamese, 213,883 and 86.7 in English.
function formatNumber(v) {
  return typeof v === 'number' && Number.isFinite(v) ? numberFormat.format(v) : '–';
}

// withInterval formats a value, with format (its unit), followed by the
// interval its data item carries, if any: "84,2% (82,3–86,1)".
function withInterval(v, d, format) {
  const iv = d && typeof d === 'object' && Array.isArray(d.interval) ? d.interval : null;
  return iv ? `${format(v)} (${formatNumber(iv[0])}–${formatNumber(iv[1])})` : format(v);
}

// list is x as an array: ECharts takes one component or several.
const list = (x) => (Array.isArray(x) ? x : x ? [x] : []);

// localised turns a label template of the generator ("{c}%", "{value}%",
// "{b}: {c}%") into a formatter that writes the number in the page's language.
function localised(template) {
  return (p) => {
    const value = p !== null && typeof p === 'object' ? p.value : p;
    const name = p !== null && typeof p === 'object' ? p.name : '';
    return template
      .replaceAll('{value}', formatNumber(value))
      .replaceAll('{c}', formatNumber(value))
      .replaceAll('{b}', name || '');
  };
}

// withUnit turns the template of a tooltip's value ("{c}%", "{c} per
// 100,000 population") into a formatter: a figure with its unit, or '–'
// where there is none.
function withUnit(template) {
  const write = localised(template);
  return (v) => (typeof v === 'number' && Number.isFinite(v) ? write(v) : formatNumber(v));
}

// localiseLabel replaces the template of a label or axis label, if any.
function localiseLabel(label) {
  if (label && typeof label.formatter === 'string') {
    label.formatter = localised(label.formatter);
  }
}

// palette reads the colours of the stylesheet: each custom property is
// resolved by the browser (through a hidden probe element), so system
// colours in forced-colours mode come back as real colours ECharts can draw
// with.
function palette() {
  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.append(probe);
  const read = (name) => {
    probe.style.color = `var(${name})`;
    return getComputedStyle(probe).color;
  };
  const colours = {
    fg: read('--fg'), muted: read('--muted'), line: read('--line'), panel: read('--panel'), bg: read('--bg'),
    series: [0, 1, 2, 3, 4, 5].map((i) => read(`--s${i}`)),
    map: [0, 1, 2, 3, 4].map((i) => read(`--m${i}`)),
  };
  probe.remove();
  return colours;
}

// themed returns the parts of an option that take the page's colours.
function themed(option, c) {
  const axis = () => ({
    axisLabel: { color: c.fg },
    nameTextStyle: { color: c.fg },
    axisLine: { lineStyle: { color: c.muted } },
    axisTick: { lineStyle: { color: c.muted } },
    splitLine: { lineStyle: { color: c.line } },
  });
  return {
    color: c.series,
    backgroundColor: 'transparent',
    textStyle: { color: c.fg, fontFamily: getComputedStyle(document.body).fontFamily },
    // Only a chart with a legend gets one: a legend option alone would
    // make ECharts draw one.
    legend: option.legend ? { textStyle: { color: c.fg } } : undefined,
    tooltip: { backgroundColor: c.panel, borderColor: c.muted, textStyle: { color: c.fg } },
    xAxis: list(option.xAxis).map(axis),
    yAxis: list(option.yAxis).map(axis),
    series: list(option.series).map((s, i) => ({
      label: { color: c.fg },
      // Mark lines (targets, references) are drawn in the text's colour,
      // but for a trend's intervals, in their series' (generator/chart).
      markLine: s.markLine ? {
        lineStyle: { color: c.fg },
        label: { color: c.fg },
        data: list(s.markLine.data).map((d) => (Array.isArray(d) && d[0] && d[0].range
          ? [Object.assign({}, d[0], { lineStyle: Object.assign({}, d[0].lineStyle, { color: c.series[i % c.series.length] }) }), d[1]]
          : d)),
      } : undefined,
      data: (s.data || []).map((d) => {
        if (!d || typeof d !== 'object') return d;
        // An emphasised bar (the unit a page is about) keeps its own colour
        // from the palette; its label also says it in words.
        if (d.itemStyle) return Object.assign({}, d, { itemStyle: Object.assign({}, d.itemStyle, { color: c.series[1] }) });
        // A hollow point (a figure that is not a normal value) is its
        // series' shape outlined in its colour and filled with the page's
        // background, as in the static SVG: ECharts' own empty symbols are
        // filled white, whatever the scheme.
        if (typeof d.symbol === 'string' && d.symbol.startsWith('empty')) {
          return Object.assign({}, d, {
            symbol: d.symbol.charAt(5).toLowerCase() + d.symbol.slice(6),
            symbolSize: 9,
            itemStyle: { color: c.bg, borderColor: c.series[i % c.series.length], borderWidth: 2 },
          });
        }
        return d;
      }),
    })),
  };
}

// prepare reads a figure's option and adapts it to the page: numbers in the
// page's language, tooltips formatted with Intl, animation only for readers
// who did not ask for reduced motion, and an accessible name from the
// figure's caption (the summary and the table follow the chart as text).
function prepare(figure, source) {
  const option = JSON.parse(source.textContent);
  // On a line chart, the first label of the period axis starts at its
  // point and the last ends at its point, so that, whatever the font, the
  // first period never runs into the lowest label of the value axis.
  const lines = list(option.series).every((s) => s.type === 'line');
  list(option.xAxis).forEach((a) => {
    if (lines && a.type === 'category') a.axisLabel = Object.assign({ alignMinLabel: 'left', alignMaxLabel: 'right' }, a.axisLabel);
  });
  list(option.xAxis).concat(list(option.yAxis)).forEach((a) => {
    localiseLabel(a.axisLabel);
    // On a narrow chart, labels of a value axis that would overlap are
    // left out (every unit of a ranking keeps its label).
    if (a.type === 'value') a.axisLabel = Object.assign({}, a.axisLabel, { hideOverlap: true });
  });
  // A unit too long to follow each number is the value axis' name
  // (generator/chart): on a trend, from the top of the axis rightwards,
  // clear of the chart's left edge.
  list(option.yAxis).forEach((a) => {
    if (a.type === 'value' && a.name) a.nameTextStyle = Object.assign({ align: 'left' }, a.nameTextStyle);
  });
  const tooltip = option.tooltip || {};
  const valueFormat = typeof tooltip.valueFormatter === 'string' ? withUnit(tooltip.valueFormatter) : formatNumber;
  list(option.series).forEach((s) => {
    localiseLabel(s.label);
    if (s.markLine) localiseLabel(s.markLine.label);
    (s.data || []).forEach((d) => d && typeof d === 'object' && localiseLabel(d.label));
    const data = s.data || [];
    if (data.length > 0 && data.every((d) => d === '-')) {
      // A series with no value of its own (a ranking's intervals, drawn as
      // lines) takes no line in the tooltip.
      s.tooltip = Object.assign({}, s.tooltip, { show: false });
    } else if (data.some((d) => d && typeof d === 'object' && Array.isArray(d.interval))) {
      // A value with an interval is followed by it: "84,2% (82,3–86,1)".
      s.tooltip = Object.assign({}, s.tooltip, { valueFormatter: (v, i) => withInterval(v, data[i], valueFormat) });
    }
  });
  const caption = figure.querySelector('figcaption');
  option.aria = Object.assign({}, option.aria, {
    enabled: true,
    label: { description: caption ? caption.textContent.trim() : '' },
  });
  option.animation = !reduceMotion.matches;
  option.tooltip = Object.assign({}, tooltip, {
    // Tooltips are drawn inside the chart (no HTML with style attributes),
    // each figure with its unit.
    renderMode: 'richText',
    valueFormatter: valueFormat,
  });
  return option;
}

// minHeight is the least height of a live chart, in CSS pixels: below it
// the labels of a value axis run into each other.
const minHeight = 260;

// rowHeight is the least height of a ranking's row, and gridMargins the
// room above and below its rows (the grid's top and bottom, in
// generator/chart/option.go, and the value axis labels), in CSS pixels.
const rowHeight = 24;
const gridMargins = 96;

// narrow is the width below which the legend of a chart of several series
// lists them one under the other rather than wrapping over the axis
// labels; legendRow is the height each then takes.
const narrow = 600;
const legendRow = 24;

// legendRows is how many rows of the chart's height its legend takes at
// width: one a series on a narrow chart, else none (the legend shares the
// space ECharts leaves below the axis).
function legendRows(option, width) {
  return option.legend && width < narrow ? list(option.series).length : 0;
}

// laidOut remembers, for each chart, how many rows its legend was last
// laid out in.
const laidOut = new WeakMap();

// fitLegend lays the legend of a chart of several series out for its
// width: in a row where it fits, as the option has it, else one series a
// line below the plot, which the grid makes room for.
function fitLegend(chart, option, width) {
  if (!option.legend) return;
  const rows = legendRows(option, width);
  if ((laidOut.get(chart) || 0) === rows) return;
  laidOut.set(chart, rows);
  const grid = list(option.grid)[0] || {};
  chart.setOption(rows > 0
    ? { legend: { orient: 'vertical', left: 0, bottom: 0 }, grid: { bottom: rows * legendRow + 36 } }
    : { legend: { orient: 'horizontal', left: 'center', bottom: option.legend.bottom },
      grid: { bottom: grid.bottom === undefined ? 80 : grid.bottom } }); // 80: ECharts' default
}

// charts are the charts drawn so far, to re-colour when the scheme changes.
const charts = [];

// draw puts a live chart in place of a figure's static SVG.
function draw(figure) {
  const source = document.getElementById(figure.dataset.option);
  const canvas = figure.querySelector('.chart-canvas');
  if (!source || !canvas) return;
  // A figure in a part of the page the browser has not laid out yet
  // (content-visibility: auto) has no width: ECharts would draw it empty.
  // It keeps its static SVG until it has one.
  if (canvas.clientWidth === 0 && 'ResizeObserver' in window) {
    const sized = new ResizeObserver(() => {
      if (canvas.clientWidth === 0) return;
      sized.disconnect();
      draw(figure);
    });
    sized.observe(canvas);
    return;
  }
  const option = prepare(figure, source);
  const colours = palette();
  const drawnWidth = Number(figure.dataset.width) || 640;
  const drawnHeight = Number(figure.dataset.height) || drawnWidth / 2;
  // A ranking (bars along a category axis, one row per unit) keeps the
  // height it was drawn with, so that its rows never run into each other
  // on a narrow screen, and at least rowHeight a unit besides the grid's
  // margins (a ranking of two units); any other chart keeps its
  // proportions, but at least minHeight, so that its axis labels stay apart.
  const categories = list(option.yAxis).filter((a) => a.type === 'category');
  const rows = categories.length > 0;
  const least = rows ? list(categories[0].data).length * rowHeight + gridMargins : 0;
  const height = () => (rows ? Math.max(drawnHeight, least)
    : Math.max(minHeight, Math.round(canvas.clientWidth * (drawnHeight / drawnWidth))))
    + legendRows(option, canvas.clientWidth) * legendRow;
  // The static SVG stays, hidden from view and from assistive technology
  // (the hidden attribute; an SVG element has no hidden property), so that
  // the page still prints it.
  const live = document.createElement('div');
  live.className = 'chart-live';
  const fit = () => {
    live.style.height = `${height()}px`;
  };
  for (const svg of canvas.querySelectorAll(':scope > svg')) svg.setAttribute('hidden', '');
  canvas.append(live);
  fit();
  const chart = echarts.init(live, null, { renderer: 'svg' });
  // A kind of figure of its own (a map) draws itself.
  const ext = extensions.find((e) => e.handles(option));
  if (ext) {
    ext.draw(chart, figure, canvas, option, colours, palette);
  } else {
    chart.setOption(option, { lazyUpdate: true });
    chart.setOption(themed(option, colours));
    fitLegend(chart, option, canvas.clientWidth);
  }
  charts.push({ option, chart, ext, figure });
  figure.dataset.animated = String(option.animation);
  figure.dataset.rendered = 'true';
  if ('ResizeObserver' in window) {
    let width = canvas.clientWidth;
    new ResizeObserver(() => {
      if (canvas.clientWidth === width) return;
      width = canvas.clientWidth;
      fit();
      chart.resize();
      if (!ext) fitLegend(chart, option, width);
    }).observe(canvas);
  }
}

// recolour gives every drawn chart the colours of the current scheme.
function recolour() {
  for (const { option, chart, ext, figure } of charts) {
    if (ext) ext.recolour(chart, figure, option, palette());
    else chart.setOption(themed(option, palette()));
  }
}
schemes.forEach((m) => m.addEventListener('change', recolour));

// Figures the chart loader saw near the screen are drawn at once; the others
// as they come into view.
const figures = [...document.querySelectorAll('figure.chart[data-option]')];
figures.filter((f) => f.dataset.near === 'true').forEach(draw);
if ('IntersectionObserver' in window) {
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        draw(entry.target);
      }
    }
  }, { rootMargin: '200px 0px' });
  figures.filter((f) => !f.dataset.rendered).forEach((f) => observer.observe(f));
} else {
  figures.filter((f) => !f.dataset.rendered).forEach(draw);
}
