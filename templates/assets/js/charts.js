// Minh Bạch chart script: turns each chart's static SVG into an interactive
// ECharts chart when it scrolls into view. The option of each chart is JSON in
// a <script type="application/json"> next to it, written by the generator.
// Only the chart types and components the site uses are bundled.
import * as echarts from 'echarts/core';
import { LineChart, BarChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  LineChart, BarChart, AriaComponent, GridComponent, LegendComponent,
  MarkLineComponent, TitleComponent, TooltipComponent, SVGRenderer,
]);

const lang = document.documentElement.lang || 'vi';
const numberFormat = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

// draw replaces a figure's static SVG with a live chart.
function draw(figure) {
  const source = document.getElementById(figure.dataset.option);
  const canvas = figure.querySelector('.chart-canvas');
  if (!source || !canvas) return;
  const option = JSON.parse(source.textContent);
  option.animation = !reduceMotion.matches;
  option.tooltip = Object.assign({}, option.tooltip, {
    valueFormatter: (v) => (typeof v === 'number' ? numberFormat.format(v) : '–'),
  });
  const ratio = Number(figure.dataset.height) / Number(figure.dataset.width) || 0.5;
  const width = canvas.clientWidth;
  canvas.replaceChildren();
  canvas.style.height = Math.round(width * ratio) + 'px';
  const chart = echarts.init(canvas, null, { renderer: 'svg' });
  chart.setOption(option);
  figure.dataset.rendered = 'true';
  if ('ResizeObserver' in window) {
    new ResizeObserver(() => chart.resize()).observe(canvas);
  }
}

const figures = document.querySelectorAll('figure.chart[data-option]');
if ('IntersectionObserver' in window) {
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        draw(entry.target);
      }
    }
  }, { rootMargin: '200px 0px' });
  figures.forEach((f) => observer.observe(f));
} else {
  figures.forEach(draw);
}
