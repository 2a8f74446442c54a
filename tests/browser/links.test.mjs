// Links a teacher hands out: the page follows a link pasted into an open tab and the back button
// without a reload, and "Open in Step-through" gives a link that shows the same network, sample
// and numbers in a fresh page (or says why it cannot).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser } from './harness.mjs';
import { exportedCurves, openTrain, trainToEnd } from './train-helpers.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });

const selectedTab = (page) => page.getAttribute('[role="tab"][aria-selected="true"]', 'data-lab');
/** What the Step-through lab shows: the operation's title, its numbers and the preset's note. */
const stepView = (page) => page.evaluate(() => ({
  title: document.getElementById('op-title').textContent,
  values: Array.from(document.querySelectorAll('[data-testid="op-result"] td'), (c) => c.textContent),
  note: document.getElementById('step-note').textContent,
}));

test('a pasted link and the back button change the lab and its settings without a reload', { timeout: 120000 }, async () => {
  const { page, errors } = await lab.openPage();
  await page.goto(`${lab.url}#lab=step&preset=two_out`);
  await page.waitForSelector('#step-lab[data-ready="true"]');
  await page.evaluate(() => { document.body.dataset.notReloaded = 'yes'; });
  // a link pasted into the open tab: another lab with its own settings
  await page.evaluate(() => { window.location.hash = '#lab=train&tdata=xor&tep=7'; });
  await page.locator('#train-start:not([disabled])').waitFor({ timeout: 30000 });
  assert.equal(await selectedTab(page), 'train');
  await page.waitForFunction(() => /Ready · epoch 0 of 7/.test(document.getElementById('train-status').textContent), null, { timeout: 30000 });
  // a second pasted link changes a setting of the lab shown
  await page.evaluate(() => { window.location.hash = '#lab=train&tdata=xor&tep=9'; });
  await page.waitForFunction(() => /epoch 0 of 9/.test(document.getElementById('train-status').textContent), null, { timeout: 30000 });
  // back twice: the first link's settings, then the Step-through lab with its preset
  await page.goBack();
  await page.waitForFunction(() => /epoch 0 of 7/.test(document.getElementById('train-status').textContent), null, { timeout: 30000 });
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[role="tab"][aria-selected="true"]').getAttribute('data-lab') === 'step');
  assert.equal(await page.inputValue('#step-preset'), 'two_out');
  // a pasted link with a bad value says so, as on a fresh load
  await page.evaluate(() => { window.location.hash = '#lab=step&preset=two_out&decimals=x'; });
  await page.waitForFunction(() => /decimals must be/.test(document.getElementById('state-note').textContent));
  assert.equal(await page.evaluate(() => document.body.dataset.notReloaded), 'yes');
  assert.deepEqual(errors, []);
  await page.close();
});

test('"Open in Step-through" gives a link that shows the same network and numbers in a fresh page', { timeout: 120000 }, async () => {
  const { page, errors } = await openTrain(lab, '&tdata=circles&tarch=d8_tanh&tep=4');
  await trainToEnd(page);
  // samples are counted from 1, as everywhere on the page; a number beyond the part is named
  await page.fill('#tv-step-index', '0');
  await page.click('#tv-step-through');
  assert.match(await page.textContent('#tv-step-error'), /sample number must be a whole number from 1; "0"/);
  await page.fill('#tv-step-index', '1000');
  await page.click('#tv-step-through');
  await page.waitForFunction(() => /must be a whole number in 1\.\.100 \(the validation part has 100 samples\); got 1000/.test(document.getElementById('tv-step-error').textContent));
  await page.fill('#tv-step-index', '5');
  await page.click('#tv-step-through');
  await page.waitForFunction(() => !document.getElementById('panel-step').hidden && /hnet=/.test(window.location.hash));
  await page.waitForSelector('#step-lab[data-ready="true"]');
  await page.click('#step-end');
  const link = page.url();
  assert.match(link, /preset=train/);
  const shown = await stepView(page);
  assert.match(shown.note, /after 4 epochs, on sample 5 of the validation part/);
  assert.ok(shown.values.length > 0);

  const fresh = await lab.openPage();
  await fresh.page.goto(link);
  await fresh.page.waitForSelector('#step-lab[data-ready="true"]');
  assert.deepEqual(await stepView(fresh.page), shown);
  assert.equal(await fresh.page.inputValue('#step-preset'), 'train');
  assert.equal(await fresh.page.isVisible('#step-error'), false);
  assert.deepEqual(fresh.errors, []);
  await fresh.page.close();

  // a tampered link (a weight missing) is refused with the reason, and seed 001 is shown
  const broken = link.replace(/hw=([^&,]+),/, 'hw=');
  const third = await lab.openPage();
  await third.page.goto(broken);
  await third.page.waitForFunction(() => /could not be opened from this link: .*weights/.test(document.getElementById('step-error')?.textContent ?? ''));
  await third.page.waitForFunction(() => /** @type {HTMLSelectElement} */ (document.getElementById('step-preset')).value === 'seed001');
  assert.deepEqual(third.errors, []);
  await third.page.close();
  assert.deepEqual(errors, []);
  await page.close();
});

/** The page's sweep tables without the wall-time column: [[row cells]] per table. */
const sweepTables = (page) => page.$$eval('[data-testid="sweep-table"]', (tables) => tables.map((table) => {
  const heads = Array.from(table.querySelectorAll('thead th'), (th) => th.textContent);
  const time = heads.findIndex((h) => /time/.test(h));
  return Array.from(table.querySelectorAll('tbody tr'), (row) => Array.from(row.cells, (c) => c.textContent).filter((_, i) => i !== time));
}));

test('a link carries two pinned runs and a sweep; "Run all" in a fresh page draws the same curves and scores', { timeout: 300000 }, async () => {
  const { page, errors } = await openTrain(lab, '&tdata=circles&tep=4&tlr=0.1');
  const ready = () => ['ready', 'finished'].includes(document.getElementById('train-lab').dataset.runState);
  for (const lr of [0.1, 0.3]) {
    await page.evaluate((hash) => { window.location.hash = hash; }, `#lab=train&tdata=circles&tep=4&tlr=${lr}`);
    await page.waitForFunction((v) => new RegExp(`tlr=${v}(&|$)`).test(window.location.hash), lr);
    await page.waitForFunction(ready, null, { timeout: 60000 });
    await trainToEnd(page);
    await page.click('#tv-pin');
  }
  // the link's own run, and a sweep of L2 on it
  await page.evaluate(() => { window.location.hash = '#lab=train&tdata=circles&tep=4&tlr=0.2'; });
  await page.waitForFunction(() => /tlr=0\.2/.test(window.location.hash) && /tpins=tlr~0\.1!tlr~0\.3/.test(window.location.hash));
  await page.waitForFunction(ready, null, { timeout: 60000 });
  await page.selectOption('#tv-sweep-key', 'l2');
  await page.fill('#tv-sweep-values', '0, 0.01');
  await page.click('#tv-sweep-run');
  await page.waitForFunction(() => /Sweep done/.test(document.getElementById('tv-sweep-status').textContent), null, { timeout: 120000 });
  const link = page.url();
  assert.match(link, /tsweep=l2~0,0\.01/);
  const pinnedRows = (rows) => rows.filter((r) => /^"?pinned/.test(r.run));
  const made = { curves: pinnedRows(await exportedCurves(page)), sweeps: await sweepTables(page) };
  assert.equal(new Set(made.curves.map((r) => r.run)).size, 2);
  assert.equal(made.curves.length, 8);

  const fresh = await openTrain(lab, link.slice(link.indexOf('#') + '#lab=train'.length));
  await fresh.page.waitForFunction(() => /This link holds a comparison: this run, 2 pinned runs \(η 0\.1; η 0\.3\) and a sweep of L2 λ over 0, 0\.01/
    .test(document.querySelector('[data-testid="link-comparison"]').textContent));
  await fresh.page.click('#tv-run-all');
  await fresh.page.waitForFunction(() => document.getElementById('train-lab').dataset.comparison === 'done', null, { timeout: 180000 });
  assert.match(await fresh.page.textContent('#tv-comparison-status'), /Done: every run/);
  const opened = { curves: pinnedRows(await exportedCurves(fresh.page)), sweeps: await sweepTables(fresh.page) };
  assert.deepEqual(opened, made);
  assert.equal(await fresh.page.locator('#tv-legend li[data-kind="pinned"]').count(), 2);
  assert.equal(fresh.page.url(), link.replace(/^[^#]*/, fresh.page.url().replace(/#.*$/, '')));
  assert.deepEqual(fresh.errors, []);
  await fresh.page.close();

  // with "start at once" the link trains the comparison without a click
  await page.check('#tv-start-now');
  await page.waitForFunction(() => /tstart=now/.test(window.location.hash));
  const started = await openTrain(lab, page.url().slice(page.url().indexOf('#') + '#lab=train'.length));
  await started.page.waitForFunction(() => document.getElementById('train-lab').dataset.comparison === 'done', null, { timeout: 180000 });
  assert.deepEqual(pinnedRows(await exportedCurves(started.page)), made.curves);
  await started.page.close();
  assert.deepEqual(errors, []);
  await page.close();
});
