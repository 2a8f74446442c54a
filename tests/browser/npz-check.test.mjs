// "Check your own numbers" in the Step-through lab (issue 18, item 6): a student's NumPy code for
// seed 001, written from scratch with one row per sample (tests/fixtures/numpy/make_student_npz.py),
// agrees with the lab array by array once transposed; six copies with one classic mistake each
// are shown first disagreeing where the mistake starts, with the mistake named (issue 18, item 7);
// the lab's own export, re-saved by NumPy, agrees exactly; and files that cannot be read are named.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startBrowser } from './harness.mjs';
import { openStepLab } from './step-helpers.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });

const fixture = (name) => fileURLToPath(new URL(`../fixtures/numpy/${name}`, import.meta.url));

/** Gives the card (its ids start with `prefix`) `files` and returns its verdict, problems and table rows. */
async function check(page, files, prefix = 'check-') {
  await page.setInputFiles(`[data-testid="${prefix}files"]`, files);
  await page.waitForFunction((p) => /: /.test(document.querySelector(`[data-testid="${p}status"]`).textContent), prefix);
  return page.evaluate((p) => ({
    status: document.querySelector(`[data-testid="${p}status"]`).textContent,
    problems: [...document.querySelectorAll(`[data-testid="${p}problems"] li`)].map((li) => li.textContent),
    rows: Object.fromEntries([...document.querySelectorAll(`[data-testid="${p}table"] tbody tr`)].map((tr) => [
      /** @type {HTMLElement} */ (tr).dataset.name,
      { agree: /** @type {HTMLElement} */ (tr).dataset.agree === 'true', cells: [...tr.children].map((c) => c.textContent) },
    ])),
  }), prefix);
}

test('seed 001 from scratch in NumPy: every array agrees, read with one row per sample', { timeout: 120000 }, async () => {
  const { page, errors } = await openStepLab(lab, '#lab=step&preset=seed001');
  const right = await check(page, fixture('seed001_rows.npz'));
  assert.equal(right.status, 'seed001_rows.npz: All 23 arrays agree with the lab\'s.');
  assert.deepEqual(right.problems, []);
  assert.deepEqual(right.rows.W1.cells.slice(1, 3), ['transposed', '✓ 6 of 6']);
  assert.equal(right.rows.b1.cells[1], 'flat');
  assert.equal(right.rows.loss.cells[1], 'as the lab');

  // one file per mistake (make_student_npz.py): the first array that disagrees, and the mistake it fits exactly
  for (const [file, first, mistake] of [
    ['seed001_sigma.npz', 'fprime2', 'The sigmoid derivative is computed as σ(z) instead of σ(z)(1 − σ(z))'],
    ['seed001_sigma_on_z.npz', 'fprime2', 'The sigmoid derivative x(1 − x) is evaluated on z instead of on a = σ(z)'],
    ['seed001_sign.npz', 'delta2', 'every gradient has the wrong sign (for example a − y written as y − a)'],
    ['seed001_no_eta.npz', 'W1_new', 'the learning rate is left out of the update: W − ∂L/∂W'],
    ['seed001_eta_twice.npz', 'W1_new', 'the learning rate is applied twice: W − η² ∂L/∂W'],
    ['seed001_ascent.npz', 'W1_new', 'the update goes up the gradient: W + η ∂L/∂W'],
  ]) {
    const found = await check(page, fixture(file));
    assert.match(found.status, new RegExp(`^${file.replace('.', '\\.')}: \\d+ of 23 arrays agree with the lab's; `), found.status);
    assert.ok(found.status.endsWith(`the first that does not is ${first}. It is exactly what this mistake gives: ${mistake}.`), found.status);
    assert.equal(found.rows[first].cells[7], mistake);
  }
  // σ(z) where σ′(z) belongs: the forward pass agrees, every derivative from f′ on does not
  const wrong = await check(page, fixture('seed001_sigma.npz'));
  const disagreeing = Object.entries(wrong.rows).filter(([, r]) => !r.agree).map(([name]) => name).sort();
  assert.deepEqual(disagreeing, ['W1_new', 'W2_new', 'b1_new', 'b2_new', 'dW1', 'dW2', 'db1', 'db2', 'delta1', 'delta2', 'fprime1', 'fprime2']);
  assert.ok(wrong.rows.z1.agree && wrong.rows.a2.agree && wrong.rows.loss.agree);
  // every one of them fits the same mistake: written once, then "the same" below it
  assert.deepEqual(Object.values(wrong.rows).filter((r) => !r.agree).map((r) => r.cells[7]), ['The sigmoid derivative is computed as σ(z) instead of σ(z)(1 − σ(z))', ...Array(11).fill('the same, as above')]);
  assert.match(wrong.rows.delta1.cells[2], /^✗ 0 of 3$/);
  assert.match(wrong.rows.delta1.cells[4], /^\[\d, 0\]$/);
  assert.match(`${wrong.rows.delta1.cells[5]} ${wrong.rows.delta1.cells[6]}`, /^−?[0-9.e−]+ −?[0-9.e−]+$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a pasted array, as print() shows it, is compared and its mistake named; a bad paste is named', { timeout: 120000 }, async () => {
  const { page, errors } = await openStepLab(lab, '#lab=step&preset=seed001');
  const worked = JSON.parse(readFileSync(new URL('../fixtures/check/answers.json', import.meta.url), 'utf8'));
  const numpy = worked.find((w) => w.exercise === 's001-backward' && w.seed === 0).answers;
  const paste = async (name, values) => {
    await page.fill('[data-testid="check-paste-name"]', name);
    await page.fill('[data-testid="check-paste-values"]', values);
    await page.click('[data-testid="check-paste-add"]');
  };
  await page.click('.check-paste summary');
  // W2's gradient with the wrong sign, one row per sample as NumPy prints (3, 1): named
  await paste('dW2', `[[${numpy.dW2.map((v) => (-v).toFixed(8)).join(']\n [')}]]`);
  await page.waitForFunction(() => /pasted dW2/.test(document.querySelector('[data-testid="check-status"]').textContent));
  const status = await page.textContent('[data-testid="check-status"]');
  assert.match(status, /^pasted dW2: 0 of 1 arrays agree with the lab's; the first that does not is dW2\. It is exactly what this mistake gives: every gradient has the wrong sign/);
  // the right δ⁽¹⁾ pasted too: both are compared
  await paste('delta1', numpy.delta1.map((v) => v.toFixed(8)).join(' '));
  await page.waitForFunction(() => /pasted delta1/.test(document.querySelector('[data-testid="check-status"]').textContent));
  assert.match(await page.textContent('[data-testid="check-status"]'), /^pasted dW2, pasted delta1: 1 of 2 arrays agree/);
  await paste('2x', '1 2');
  assert.match(await page.textContent('[data-testid="check-paste-error"]'), /Name the pasted array as the lab names its arrays .*: "2x" is not a name\./);
  await paste('W1', '[[1, 2], [3]]');
  assert.equal(await page.textContent('[data-testid="check-paste-error"]'), 'The numbers pasted for W1 cannot be read: row 2 has 1 numbers but row 1 has 2: every row needs the same count.');
  assert.deepEqual(errors, []);
  await page.close();
});

test('softmax regression on a digit with the softmax Jacobian applied twice: named at δ', { timeout: 120000 }, async () => {
  const { page, errors } = await openStepLab(lab, '#lab=step&preset=digits');
  const found = await check(page, fixture('digits_jacobian.npz'));
  assert.ok(found.status.startsWith('digits_jacobian.npz: 6 of 11 arrays agree with the lab\'s; the first that does not is delta1. It is exactly what this mistake gives: the softmax Jacobian is applied on top of the cross-entropy gradient (a − y)/B, which already is ∂L/∂z.'), found.status);
  assert.ok(found.rows.a1.agree && found.rows.z1.agree);
  assert.deepEqual(['dW1', 'db1'].map((name) => found.rows[name].cells[7]), ['the same, as above', 'the same, as above']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the Gradient-test lab\'s batch of 8: right, a sum for the mean, a mean for the bias sum, dW without the mean', { timeout: 120000 }, async () => {
  const { page, errors } = await lab.openPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${lab.url}#lab=gradient&gnet=seed001&gseed=1`);
  await page.locator('[data-testid="gradient-verdict"]').filter({ hasText: /\w/ }).waitFor();
  // the file a student gets from this lab holds this very batch
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="g-npz"]')]);
  assert.equal(download.suggestedFilename(), 'backprop-lab-seed001-seed1-step.npz');
  const right = await check(page, fixture('batch_right.npz'), 'g-check-');
  assert.equal(right.status, 'batch_right.npz: All 20 arrays agree with the lab\'s.');
  assert.deepEqual(right.problems, []);
  assert.equal(right.rows.X.cells[1], 'transposed');
  for (const [file, first, mistake] of [
    ['batch_sum.npz', 'delta2', 'the gradients are 8 times too large: a sum over the batch where the loss takes the mean'],
    ['batch_bias_mean.npz', 'db2', 'the bias gradient is averaged over the batch, but δ already holds the mean\'s 1/8: sum it'],
    ['batch_dw_sum.npz', 'dW2', 'dW forgets the 1/m of the mean loss, so it is m times too large (invisible with one sample)'],
  ]) {
    const found = await check(page, fixture(file), 'g-check-');
    assert.ok(found.status.endsWith(`the first that does not is ${first}. It is exactly what this mistake gives: ${mistake}.`), found.status);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('the round trip: the lab\'s export, re-saved by NumPy, agrees exactly; bad files are named', { timeout: 120000 }, async () => {
  const { page, errors } = await openStepLab(lab, '#lab=step&preset=seed001');
  const resaved = await check(page, fixture('seed001_lab_resaved.npz'));
  assert.match(resaved.status, /^seed001_lab_resaved\.npz: All \d+ arrays agree with the lab's\.$/);
  for (const [name, row] of Object.entries(resaved.rows)) {
    assert.equal(row.cells[1], 'as the lab', name);
    assert.equal(row.cells[3], '0', `${name}: largest relative error`);
  }
  // a ragged JSON array, a text file and a broken .npz: each named, what can be read still compared
  const bad = await check(page, [
    { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ W1: [[0.4, 0.3], [0.6]], z1: [[1.7], [2.5], [1.7]], extra: 1 })) },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
    { name: 'broken.npz', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip at all') },
  ]);
  assert.deepEqual(bad.problems.slice(0, 3), [
    'mine.json: "W1": the rows must all have 2 entries (a rectangular array)',
    'notes.txt: choose .npz, .npy or .json files',
    bad.problems[2].startsWith('broken.npz: not a .npz (a zip of .npy files, as np.savez writes)') ? bad.problems[2] : 'broken.npz named',
  ]);
  assert.equal(bad.problems[3], 'Not among the lab\'s arrays for this step, so not compared: extra.');
  assert.equal(bad.rows.z1.cells[1], 'as the lab');
  assert.ok(bad.rows.z1.agree);
  assert.deepEqual(errors, []);
  await page.close();
});
