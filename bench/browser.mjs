// The Chromium measurements on bench/browser/bench.html: the core's workloads and latencies, and
// the TF.js workloads (wasm and cpu backends, manual loop and model.fit). The repository root is
// served so that the page reaches web/ (engine, module, data) and node_modules/@tensorflow.
import { fileURLToPath } from 'node:url';
import { startChromium, openReady } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs `job(bench)` where bench calls window.bench.<name>(...args) in a fresh bench page.
 * @param job
 * @param {{ engine?: string }} [options] another build's engine.js for the page
 */
export async function withBenchPage(job, { engine } = {}) {
  const chromium = await startChromium(root);
  try {
    const query = engine ? `?engine=${encodeURIComponent(engine)}` : '';
    const { page } = await openReady(chromium.browser, `${chromium.url}bench/browser/bench.html${query}`);
    const call = (name, ...args) => page.evaluate(([n, a]) => window.bench[n](...a), [name, args]);
    return await job({ call, page, version: chromium.browser.version() });
  } finally {
    await chromium.close();
  }
}
