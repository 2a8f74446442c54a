// Links a teacher hands out: the page follows a link pasted into an open tab and the back button
// without a reload, and "Open in Step-through" gives a link that shows the same network, sample
// and numbers in a fresh page (or says why it cannot).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser } from './harness.mjs';
import { openTrain, trainToEnd } from './train-helpers.mjs';

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
