// Globals that tsc (npm run lint) cannot find in an import: the scripts that pages load with a
// <script> tag, and what the test and benchmark pages put on `window` for the browser tests and
// benchmarks, whose page.evaluate() callbacks run in the page.

// Chart.js 4 (web/vendor/chart.umd.js) and KaTeX (web/vendor/katex). `any`: Chart.js's own types
// reject the option objects that the charts assemble piece by piece, which its runtime accepts.
declare var Chart: any;
declare var katex: any;

interface Window {
  /** web/test-pages/charts.html: the drawing components under test. */
  components: {
    palette: typeof import('../web/js/ui/palette.js');
    createLineChart: typeof import('../web/js/ui/line-chart.js').createLineChart;
    createScatterChart: typeof import('../web/js/ui/scatter-chart.js').createScatterChart;
    drawPointMap: typeof import('../web/js/ui/point-map.js').drawPointMap;
    renderConfusionTable: typeof import('../web/js/ui/confusion-table.js').renderConfusionTable;
    renderImageGrid: typeof import('../web/js/ui/image-grid.js').renderImageGrid;
    renderClassBalance: typeof import('../web/js/ui/class-balance.js').renderClassBalance;
  };
  /** axe-core, added to the page by tests/browser/axe.mjs. */
  axe: any;
  /** TensorFlow.js (bench/browser/bench.html loads it with a script tag). */
  tf: any;
  /** bench/browser/bench-page.mjs: the workloads that bench/browser.mjs runs. */
  bench: any;
  /** Timestamps and long tasks that bench/page-metrics.mjs and bench/profile-page.mjs record. */
  __readyAt: number;
  __long: { start: number; ms: number }[];
  __clickAt: number;
}
