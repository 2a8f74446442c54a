// The hosted site (scripts/make-dist.mjs: web/ with its page JS printed without comments) works as
// web/ does: each lab loads and computes, formulas render, and a training run in the worker ends.
// The other browser tests run on web/; tests/node/dist.test.mjs checks the copy file by file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDist } from '../../scripts/make-dist.mjs';
import { startBrowser } from './harness.mjs';
import { openTrain, trainToEnd } from './train-helpers.mjs';

let lab;
let folder;
before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'backprop-dist-'));
  lab = await startBrowser({ root: makeDist(join(folder, 'dist')) });
});
after(async () => {
  await lab?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

test('the hosted site has no test pages and its page JS no comments', () => {
  const dist = join(folder, 'dist');
  assert.equal(existsSync(join(dist, 'test-pages')), false);
  for (const file of ['js/main.js', 'js/engine/training-session.js', 'js/ui/line-chart.js']) {
    const text = readFileSync(join(dist, file), 'utf8');
    assert.doesNotMatch(text, /^\s*(\/\/|\/\*)/m, file);
  }
});

test('on the hosted site each lab computes, formulas render and a run trains to its end', { timeout: 120000 }, async () => {
  const { page, errors } = await lab.openPage();
  await page.goto(`${lab.url}#step=4`);
  await page.waitForSelector('#step-lab[data-ready="true"]');
  assert.deepEqual(await page.$$eval('[data-testid="op-result"] td', (cells) => cells.map((c) => c.textContent)), ['0.8221']);
  assert.ok(await page.locator('#step-lab .katex').count() > 0, 'KaTeX drew the formulas');
  await page.goto(`${lab.url}#lab=gradient`);
  await page.locator('[data-testid="gradient-verdict"]').filter({ hasText: /pass/i }).waitFor();
  await page.close();
  const train = await openTrain(lab, '&tdata=xor&tep=300');
  assert.equal(await trainToEnd(train.page), 'finished');
  assert.match(await train.page.textContent('#train-status'), /^Finished · epoch 300 of 300/);
  assert.deepEqual([...errors, ...train.errors], []);
  await train.page.close();
});
