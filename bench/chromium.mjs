// Starts Debian's Chromium headless through playwright-core (as the browser tests do) and a static
// server for a folder (scripts/serve.mjs). Used by every browser measurement of the benchmarks.
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Resolves to {browser, url, close()} with `root` served at url. */
export async function startChromium(root) {
  const { server, url } = await startServer({ root, port: 0 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    browser,
    url,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Opens `address` in a fresh page and waits until document.body.dataset.ready is 'true'. */
export async function openReady(browser, address, { viewport = { width: 1280, height: 720 }, timeout = 60000 } = {}) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(address);
  await page.waitForFunction(() => document.body?.dataset.ready === 'true', null, { timeout })
    .catch((error) => { throw new Error(`${address} was not ready: ${errors.join('; ') || error.message}`); });
  return { page, errors };
}
