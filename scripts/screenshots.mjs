// Makes the README's screenshots in docs/screenshots/: each lab at 1280 × 720 and at 768 px wide,
// projector mode, and a four-run comparison. Run after `npm run build` (it needs the wasm module):
// `node scripts/screenshots.mjs`. Not part of `npm test`; look at every image before committing it.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startBrowser } from '../tests/browser/harness.mjs';
import { trainToEnd } from '../tests/browser/train-helpers.mjs';

const out = fileURLToPath(new URL('../docs/screenshots', import.meta.url));
const lab = await startBrowser();

/** A page at `hash` and `width` (× 720) once the lab shown is ready. */
async function open(hash, width) {
  const { page } = await lab.openPage({ viewport: { width, height: 720 } });
  await page.goto(`${lab.url}${hash}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return page;
}
const trainReady = (page) => page.locator('#train-start:not([disabled])').waitFor({ timeout: 60000 });
const shoot = (page, name, options = {}) => page.screenshot({ path: join(out, `${name}.png`), ...options });

try {
  for (const [width, suffix] of [[1280, ''], [768, '-768']]) {
    let page = await open('#lab=step&preset=seed001&op=8', width);
    await page.waitForSelector('#step-lab[data-ready="true"]');
    await shoot(page, `step-lab${suffix}`);
    await page.close();

    page = await open('#lab=step&preset=digits&op=3', width);
    await page.waitForSelector('#step-lab[data-ready="true"]');
    await shoot(page, `step-lab-digits${suffix}`);
    await page.close();

    page = await open('#lab=gradient', width);
    await page.locator('[data-testid="gradient-verdict"]').filter({ hasText: /\w/ }).waitFor();
    await shoot(page, `gradient-lab${suffix}`);
    await page.close();

    page = await open('#lab=train&tdata=peaks&tclasses=5&tep=60', width);
    await trainReady(page);
    await trainToEnd(page, 180000);
    await page.waitForTimeout(500);
    await shoot(page, `train-lab${suffix}`);
    await page.close();
  }

  // projector mode: larger type, thicker lines, strong boundary colours
  let page = await open('#lab=train&tdata=circles&view=projector', 1280);
  await trainReady(page);
  await trainToEnd(page, 180000);
  await page.waitForTimeout(500);
  await shoot(page, 'train-projector');
  await page.close();

  // the data views: digits' mistakes with their confidence, iris on its principal components
  for (const [hash, name, shown] of [['#lab=train&tdata=digits&timages=mistakes', 'train-mistakes', '#tv-images'], ['#lab=train&tdata=iris', 'train-iris-pca', '#tv-map']]) {
    page = await open(hash, 1280);
    await trainReady(page);
    await trainToEnd(page, 180000);
    await page.waitForTimeout(800);
    // the view's top just under the sticky training bar
    await page.evaluate((selector) => {
      const top = document.querySelector(selector).getBoundingClientRect().top;
      window.scrollBy(0, top - 260);
    }, shown);
    await shoot(page, name);
    await page.close();
  }

  // four pinned runs: one legend under both charts, short names
  page = await open('#lab=train&tdata=circles&tep=30', 1280);
  for (const lr of [0.03, 0.1, 0.3, 1]) {
    await page.evaluate((hash) => { window.location.hash = hash; }, `#lab=train&tdata=circles&tep=30&tlr=${lr}`);
    await page.waitForFunction((v) => window.location.hash.includes(`tlr=${v}`), lr);
    await trainReady(page);
    await trainToEnd(page, 180000);
    await page.click('#tv-pin');
  }
  // the charts and the legend of the five runs, just under the sticky training bar
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.waitForTimeout(500);
  await page.evaluate(() => window.scrollBy(0, document.getElementById('tv-loss-title').getBoundingClientRect().top - 130));
  await shoot(page, 'train-four-runs');
  await page.close();

  // seed 002 part 6: Fashion-MNIST's ten classes named in the confusion matrix
  page = await open('#lab=train&tdata=fashion_mnist&tep=5&teval=test', 1280);
  await trainReady(page);
  await trainToEnd(page, 180000);
  await page.waitForTimeout(500);
  await page.locator('[data-testid="confusion"]').screenshot({ path: join(out, 'train-fashion-confusion.png') });
  await page.close();

  // seed 004 C.3: a 3-fold grid search over η × batch with Adam on Fashion-MNIST
  page = await open('#lab=train&tdata=fashion_mnist&topt=adam&tep=3&tgrid=lr~0.0003,0.001,0.003!batch~32,128&tfolds=3', 1280);
  await trainReady(page);
  await page.click('#tg-run');
  await page.locator('[data-testid="grid-status"]').filter({ hasText: /^Grid done/ }).waitFor({ timeout: 600000 });
  // the sticky training bar would cover the card's top in a picture of the card alone
  await page.addStyleTag({ content: '.train-bar { position: static !important; }' });
  await page.locator('.grid-card').screenshot({ path: join(out, 'train-grid-search.png') });
  await page.close();

  // issue 17: why a network learns or not, zero initialisation against ReLU with He (seed 004
  // section B), and the loss around each one's weights on the plane of its training path
  for (const [name, hash] of [
    ['zero-init', 'tarch=d256_sigmoid,d128_sigmoid,d64_sigmoid,d32_sigmoid&tinit=zeros&tep=3'],
    ['relu-he', 'tarch=d256_relu,d128_relu,d64_relu,d32_relu&tinit=he&topt=adam&tlr=0.001&tep=3'],
  ]) {
    page = await open(`#lab=train&tdata=mnist_1k&${hash}`, 1280);
    await trainReady(page);
    await trainToEnd(page, 300000);
    await page.waitForTimeout(500);
    await page.addStyleTag({ content: '.train-bar { position: static !important; }' });
    await page.locator('.diagnostics-card').screenshot({ path: join(out, `train-why-${name}.png`) });
    await page.selectOption('#tl-plane', 'path');
    await page.click('[data-testid="landscape-compute"]');
    await page.locator('[data-testid="landscape-status"]').filter({ hasText: /^At epoch/ }).waitFor({ timeout: 300000 });
    await page.waitForTimeout(300);
    await page.locator('[data-testid="landscape"]').screenshot({ path: join(out, `train-landscape-${name}.png`) });
    await page.close();
  }

  // issue 18: a student's NumPy code for seed 001 with σ(z) for σ′(z), checked against the step
  page = await open('#lab=step&preset=seed001', 1280);
  await page.waitForSelector('#step-lab[data-ready="true"]');
  await page.setInputFiles('[data-testid="check-files"]', fileURLToPath(new URL('../tests/fixtures/numpy/seed001_sigma.npz', import.meta.url)));
  await page.locator('[data-testid="check-table"] table').waitFor();
  await page.locator('.check-card').screenshot({ path: join(out, 'step-check.png') });
  await page.close();

  // seed 004 C.4: an MNIST autoencoder's reconstructions and the hand-off of its codes
  page = await open('#lab=train&tdata=mnist&ttask=reconstruct&tep=5', 1280);
  await trainReady(page);
  await trainToEnd(page, 300000);
  await page.waitForTimeout(500);
  await page.addStyleTag({ content: '.train-bar { position: static !important; }' });
  await page.locator('.view-card').screenshot({ path: join(out, 'train-autoencoder.png') });
  await page.close();
} finally {
  await lab.close();
}
