// Minh Bạch map script: the chart script with ECharts' map series, loaded
// in its place on the pages that have maps (and only there). Modules run in
// the order of their imports: the map series is added before the chart
// script draws the figures.
import './map-series.js';
import './charts.js';
