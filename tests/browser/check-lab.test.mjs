// The "Check your work" lab (issue 18, part 1): each exercise answered with the numbers NumPy
// worked (tests/fixtures/check/answers.json) is right, and answered with a classic mistake is
// wrong with that mistake named; the worked step opens in the Step-through lab at its operation;
// a teacher's link fixes the set and the variant and its answer key holds that variant's answers;
// progress survives a reload; bad input is named; and a screenshot of a hint for the README.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WIDTHS, startBrowser } from './harness.mjs';
import { seriousViolations } from './axe.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });

const worked = JSON.parse(readFileSync(new URL('../fixtures/check/answers.json', import.meta.url), 'utf8'));
const numpy = (exercise, seed) => worked.find((w) => w.exercise === exercise && w.seed === seed).answers;
const screenshot = (name) => fileURLToPath(new URL(`../../docs/screenshots/${name}`, import.meta.url));

async function openCheck(hash, options = {}) {
  const { page, errors } = await lab.openPage(options);
  await page.goto(`${lab.url}#lab=check${hash}`);
  await page.locator('#cw-questions li').first().waitFor();
  return { page, errors };
}

/** Types `answer` for question `id` of the exercise shown, presses Check, and returns the feedback's verdict and text. */
async function answer(page, id, text) {
  const item = page.locator(`[data-question="${id}"]`);
  if (typeof text === 'string') {
    await item.locator('.cw-answer').fill(text);
  } else {
    await item.locator(`input[value="${text.choice}"]`).check();
  }
  await item.locator('.cw-submit').click();
  const feedback = item.locator('.cw-feedback');
  await feedback.waitFor();
  return { verdict: await feedback.getAttribute('data-verdict'), text: await feedback.textContent() };
}

/** The numbers of a NumPy answer, rounded as the question asks. */
const typed = (values, decimals) => values.map((v) => v.toFixed(decimals)).join(', ');

/** A wrong answer per exercise (from NumPy's numbers, as a student's slip makes it) and the mistake it must be named as. */
const SLIPS = {
  's001-forward': { question: 'z1', decimals: 4, wrong: (a) => a.z1.map((v, k) => v - [1, 1, 1][k]), named: /without the bias: add b⁽¹⁾/ },
  's001-backward': { question: 'dW1', decimals: 4, wrong: (a) => [0, 3, 1, 4, 2, 5].map((k) => a.dW1[k]), named: /the right numbers in the other orientation/ },
  's004-sgd': { question: 'grads2', decimals: 4, wrong: (a) => a.grads2.map((v) => -v), named: /wrong sign/ },
  's003-backward': { question: 'db3', decimals: 4, wrong: (a) => a.dCda3, named: /dC\/da⁽³⁾ alone: multiply it by the sigmoid_derivative/ },
  'softmax-ce': { question: 'loss', decimals: 4, wrong: (a) => a.loss.map((v) => v / Math.LN10), named: /natural log, ln/ },
  residual: { question: 'dW1', decimals: 4, wrong: (a) => [0, 2, 1, 3].map((k) => a.dW1[k]), named: /the right numbers in the other orientation/ },
};

test('every exercise: NumPy\'s numbers are right, and a classic slip is named', { timeout: 180000 }, async () => {
  const { page, errors } = await openCheck('');
  for (const { exercise, answers } of worked.filter((w) => w.seed === 0)) {
    await page.click(`.cw-list button[data-exercise="${exercise}"]`);
    await page.waitForFunction((id) => /** @type {HTMLElement | null} */ (document.querySelector('.cw-list [aria-current="true"]'))?.dataset.exercise === id, exercise);
    const questions = await page.locator('#cw-questions > li').evaluateAll((items) => items.map((li) => li.dataset.question));
    assert.deepEqual(questions.sort(), Object.keys(answers).sort(), exercise);
    const slip = SLIPS[exercise];
    {
      const wrong = await answer(page, slip.question, typed(slip.wrong(answers), slip.decimals));
      assert.equal(wrong.verdict, 'wrong', `${exercise}: ${wrong.text}`);
      assert.match(wrong.text, /^Not right\. Likely mistake: /, exercise);
      assert.match(wrong.text, slip.named, exercise);
    }
    for (const [id, values] of Object.entries(answers)) {
      const decimals = id === 'output' ? 2 : 4;
      const right = await answer(page, id, typed(values, decimals));
      assert.equal(right.verdict, 'right', `${exercise}/${id}: ${right.text}`);
    }
    const score = await page.textContent(`.cw-list button[data-exercise="${exercise}"] .cw-score`);
    assert.equal(score, `✓ ${questions.length} of ${questions.length} right`);
  }
  assert.deepEqual(await seriousViolations(page, '#panel-check'), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('seed 001 Q1.1 as the seed rounds it; too few decimals, unreadable answers and a bad variant are named', { timeout: 120000 }, async () => {
  const { page, errors } = await openCheck('&cex=s001-forward');
  assert.deepEqual(await answer(page, 'output', '0.82'), { verdict: 'right', text: 'Right.' });
  const z2 = await answer(page, 'output', '1.53');
  assert.equal(z2.verdict, 'wrong');
  assert.match(z2.text, /this is z⁽²⁾, the output before its sigmoid/);
  const coarse = await answer(page, 'z1', '2, 2, 2');
  assert.equal(coarse.verdict, 'wrong');
  const rounding = await page.click('.cw-list button[data-exercise="s001-backward"]').then(() => answer(page, 'delta2', '-0.03'));
  assert.deepEqual(rounding, { verdict: 'rounding', text: 'Right to the 2 decimals given: the question asks for 4.' });
  assert.deepEqual(await answer(page, 'delta1', '0.1, 0.2'), { verdict: 'unreadable', text: 'The answer needs 3 numbers; this one has 2.' });
  assert.match((await answer(page, 'delta1', '0.1, 0.2, x')).text, /"x" is not a number/);
  await page.fill('#cw-seed', '-4');
  await page.dispatchEvent('#cw-seed', 'change');
  assert.match(await page.textContent('#cw-seed-error'), /The variant must be a whole number from 0 to 999999; "-4" is not\. It stays 0\./);
  assert.equal(await page.inputValue('#cw-seed'), '0');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the worked step opens in the Step-through lab at the operation asked, with the exercise\'s numbers', { timeout: 120000 }, async () => {
  const { page, errors } = await openCheck('&cex=s001-backward');
  const wrong = await answer(page, 'delta1', typed(numpy('s001-backward', 0).delta1.map((v) => 2 * v), 4));
  assert.equal(wrong.verdict, 'wrong');
  await page.click('[data-question="delta1"] .cw-worked');
  await page.waitForFunction(() => !document.getElementById('panel-step').hidden);
  await page.waitForFunction(() => /δ⁽¹⁾/.test(document.getElementById('op-title').textContent));
  assert.match(await page.textContent('#op-title'), /Layer 1: δ⁽¹⁾ = ∂L\/∂z⁽¹⁾/);
  assert.equal(await page.inputValue('#step-preset'), 'seed001');
  // seed 004's third sample, variant 7: the step starts from the weights the first two steps left
  await page.goto(`${lab.url}#lab=check&cex=s004-sgd&cseed=7`);
  await page.locator('[data-question="after3"]').waitFor();
  await answer(page, 'after3', '1 1 1 1');
  await page.click('[data-question="after3"] .cw-worked');
  await page.waitForFunction(() => !document.getElementById('panel-step').hidden && /update|W/.test(document.getElementById('op-title').textContent));
  const hash = new URLSearchParams(page.url().split('#')[1]);
  assert.equal(hash.get('preset'), 'seed004');
  const before3 = numpy('s004-sgd', 7).after2;
  assert.deepEqual(hash.get('params').split(',').map(Number).map((v) => v.toFixed(10)), before3.map((v) => v.toFixed(10)));
  // the gradient-test reading opens the same test in the Gradient lab
  await page.goto(`${lab.url}#lab=check&cex=gradient-test`);
  await page.locator('[data-question="verdict"]').waitFor();
  await answer(page, 'verdict', { choice: 'wrong' });
  await page.click('[data-question="verdict"] .cw-worked');
  await page.waitForFunction(() => !document.getElementById('panel-gradient').hidden);
  assert.match(page.url(), /gnet=seed001/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('reading the gradient test: the factor, the zero-order slip, and the verdict', { timeout: 120000 }, async () => {
  const { page, errors } = await openCheck('&cex=gradient-test');
  const rows = await page.locator('.cw-test-table tbody tr').count();
  assert.equal(rows, 8);
  const zero = await answer(page, 'factor', '2.0');
  assert.match(zero.text, /zero-order error's factor: read the first-order column/);
  assert.equal((await answer(page, 'factor', '4.0')).verdict, 'right');
  const said = await answer(page, 'verdict', { choice: 'wrong' });
  assert.match(said.text, /twice as fast as the zero-order error/);
  assert.equal((await answer(page, 'verdict', { choice: 'right' })).verdict, 'right');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a teacher\'s link fixes the set and the variant; its answer key holds that variant\'s answers, which are right', { timeout: 120000 }, async () => {
  const { page, errors } = await openCheck('');
  await page.click('#cw-teacher summary');
  for (const id of ['s001-forward', 's001-backward', 's003-backward', 'residual', 'gradient-test']) await page.uncheck(`#cw-teacher-set input[value="${id}"]`);
  await page.fill('#cw-link-seed', '7');
  await page.dispatchEvent('#cw-link-seed', 'input');
  const link = await page.inputValue('#cw-link');
  assert.match(link, /#lab=check&cex=s004-sgd&cseed=7&cset=s004-sgd,softmax-ce$/);
  // the key for variants 6 to 8
  await page.fill('#cw-key-from', '6');
  await page.fill('#cw-key-to', '8');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#cw-key')]);
  const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(csv.length, 1 + 3 * (4 + 3));
  assert.equal(await page.textContent('#cw-key-status'), 'The answer key for variants 6 to 8 (21 answers) is downloaded.');
  const keyed = Object.fromEntries(csv.filter((l) => l.startsWith('7,')).map((l) => {
    const [, exercise, question, text] = /^7,([^,]+),"[^"]*",([^,]+),".*","([^"]*)"$/.exec(l);
    return [`${exercise}/${question}`, text];
  }));
  for (const exercise of ['s004-sgd', 'softmax-ce']) {
    for (const [id, values] of Object.entries(numpy(exercise, 7))) assert.equal(keyed[`${exercise}/${id}`], values.map((v) => v.toFixed(4).replace(/^-(0\.0*)$/, '$1')).join(' '), `${exercise}/${id}`);
  }
  // a bad range is named
  await page.fill('#cw-key-to', '5');
  await page.click('#cw-key');
  assert.equal(await page.textContent('#cw-key-error'), 'The last variant (5) must not be below the first (6).');
  // a student opens the link: two exercises, variant 7 fixed, and the key's answers are right
  const student = await lab.openPage();
  await student.page.goto(link.replace(/^.*#/, `${lab.url}#`));
  await student.page.locator('#cw-questions li').first().waitFor();
  assert.equal(await student.page.locator('.cw-list li').count(), 2);
  assert.equal(await student.page.inputValue('#cw-seed'), '7');
  assert.equal(await student.page.getAttribute('#cw-seed', 'readonly'), '');
  assert.equal(await student.page.isDisabled('#cw-new'), true);
  for (const id of ['loss2', 'grads2', 'after2', 'after3']) assert.equal((await answer(student.page, id, keyed[`s004-sgd/${id}`])).verdict, 'right', id);
  await student.page.click('#cw-next');
  await student.page.waitForFunction(() => /softmax/.test(document.getElementById('cw-title').textContent));
  assert.deepEqual(student.errors, []);
  await student.page.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test('answers and verdicts are kept in the browser across a reload, per variant, until cleared', { timeout: 120000 }, async () => {
  const context = await lab.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${lab.url}#lab=check&cex=softmax-ce&cseed=7`);
  await page.locator('[data-question="p"]').waitFor();
  await answer(page, 'p', typed(numpy('softmax-ce', 7).p, 4));
  await answer(page, 'loss', '0.1');
  await page.reload();
  await page.locator('[data-question="p"] .cw-feedback').waitFor();
  assert.equal(await page.getAttribute('[data-question="p"] .cw-feedback', 'data-verdict'), 'right');
  assert.equal(await page.inputValue('[data-question="loss"] .cw-answer'), '0.1');
  assert.equal(await page.textContent('.cw-list button[data-exercise="softmax-ce"] .cw-score'), '1 of 3 right');
  // another variant has its own answers
  await page.fill('#cw-seed', '8');
  await page.dispatchEvent('#cw-seed', 'change');
  await page.waitForFunction(() => /variant 8/.test(document.getElementById('cw-source').textContent));
  assert.equal(await page.inputValue('[data-question="p"] .cw-answer'), '');
  page.once('dialog', (dialog) => dialog.accept());
  await page.click('#cw-clear');
  await page.goto(`${lab.url}#lab=check&cex=softmax-ce&cseed=7`);
  await page.reload();
  await page.locator('[data-question="p"]').waitFor();
  assert.equal(await page.inputValue('[data-question="p"] .cw-answer'), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshots: a wrong answer and its hint, at 1280, 1024, 768 and 390 px, with no sideways scroll', { timeout: 120000 }, async () => {
  for (const width of WIDTHS) {
    const { page, errors } = await openCheck('&cex=s001-backward', { viewport: { width, height: 900 } });
    const a = numpy('s001-backward', 0);
    await answer(page, 'delta2', typed(a.delta2, 4));
    await answer(page, 'delta1', '-0.0052, -0.0052, -0.0208');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, `${width} px`);
    if (width === 1280) await page.locator('.cw-exercise').screenshot({ path: screenshot('check-exercise-hint.png') });
    await page.screenshot({ path: fileURLToPath(new URL(`../artifacts/check-${width}.png`, import.meta.url)), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  }
});
