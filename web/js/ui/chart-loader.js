// Loads Chart.js (vendor/chart.umd.js, the global `Chart`) once, on first need: the Step-through
// lab, which the page opens by default, draws no chart, so its first view loads 70 KB less.

let loading = null;

/** Resolves when the global `Chart` exists (adds the script tag on the first call). */
export function loadChartJs() {
  if (globalThis.Chart) return Promise.resolve(globalThis.Chart);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('../../vendor/chart.umd.js', import.meta.url).href;
    script.onload = () => resolve(globalThis.Chart);
    script.onerror = () => {
      loading = null;
      reject(new Error('[Page] the chart library (vendor/chart.umd.js) did not load; reload the page'));
    };
    document.head.append(script);
  });
  return loading;
}
