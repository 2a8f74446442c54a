// Shared setup of the browser tests: serves web/ (or another site) on a free port and launches
// Debian's Chromium headless through playwright-core. Screenshots go to tests/artifacts/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const artifacts = fileURLToPath(new URL('../artifacts', import.meta.url));
/** The window widths no lab may be wider than: a projector, a laptop, a tablet, a phone. */
export const WIDTHS = [1280, 1024, 768, 390];

/** Resolves to {url, browser, openPage(options), close()}; serves `root` (web/ unless told). */
export async function startBrowser({ root = fileURLToPath(new URL('../../web', import.meta.url)) } = {}) {
  mkdirSync(artifacts, { recursive: true });
  const { server, url } = await startServer({ root, port: 0 });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    url,
    browser,
    /** A new page (1280×720 unless told) that records uncaught page errors in `errors`. */
    async openPage(options = {}) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, ...options });
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, errors };
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}
