// Draws bench/results.png: median training throughput per implementation, one panel per
// workload, rendered with Chart.js (the page's own chart library) in headless Chromium.
import { fileURLToPath } from 'node:url';
import { throughputRows } from './report.mjs';
import { workloads } from './workloads.mjs';

const chartJs = fileURLToPath(new URL('../node_modules/chart.js/dist/chart.umd.js', import.meta.url));

/** Writes `path` (PNG) from the results, using an open playwright `browser`. */
export async function drawChart(browser, results, path) {
  const rows = throughputRows(results);
  const panels = workloads.map((w) => {
    const mine = rows.filter((row) => row.workload === w.id);
    const native = mine[0].rate.median;
    return {
      title: `${w.title} — samples/s (median; × = relative to native)`,
      labels: mine.map((row) => `${row.name}  ${(row.rate.median / native).toFixed(2)}×`),
      values: mine.map((row) => Math.round(row.rate.median)),
      colors: mine.map((row) => (row.name.startsWith('core') ? '#2f6fb0' : '#e08a2c')),
    };
  });
  const page = await browser.newPage({ viewport: { width: 1100, height: 640 }, deviceScaleFactor: 1 });
  try {
    await page.setContent(`<body style="margin:0;background:#fff;font-family:'DejaVu Sans',sans-serif">
      <div id="charts" style="width:1080px;padding:10px">
        ${panels.map((_, i) => `<div style="height:300px"><canvas id="c${i}"></canvas></div>`).join('')}
      </div></body>`);
    await page.addScriptTag({ path: chartJs });
    await page.evaluate((data) => {
      data.forEach((panel, i) => {
        new window.Chart(document.getElementById(`c${i}`), {
          type: 'bar',
          data: { labels: panel.labels, datasets: [{ data: panel.values, backgroundColor: panel.colors }] },
          options: {
            indexAxis: 'y', animation: false, maintainAspectRatio: false, responsive: true,
            plugins: { legend: { display: false }, title: { display: true, text: panel.title, font: { size: 14 } } },
            scales: { x: { beginAtZero: true, title: { display: true, text: 'samples per second (higher is better)' } } },
          },
        });
      });
    }, panels);
    await page.locator('#charts').screenshot({ path });
  } finally {
    await page.close();
  }
}
