// The "Check your work" lab (issue 18, part 1): the seeds' hand-worked questions as exercises
// whose answers the core checks, with a hint tied to the likely mistake and the worked step one
// click away; variants with new numbers from a seed, a teacher's link that fixes the set and the
// seed, an answer key, and progress kept in the browser.
import { EXERCISES, EXERCISE_IDS, exercise, transposed } from './exercises.js';
import { runExercise } from './exercise-run.js';
import { candidates, checkNumbers, checkReading } from './answers.js';
import { createProgress } from './progress.js';
import { KEY_HEADER, KEY_MOST_VARIANTS, answerKeyLines } from './answer-key.js';
import { MAX_VARIANT } from './variants.js';
import { traceOperations } from '../step/step-operations.js';
import { traceDiagram } from '../step/trace-diagram.js';
import { drawDiagram } from '../ui/diagram.js';
import { FRESH_RUN } from '../step/step-lab.js';
import { formatNumber, formatScientific } from '../ui/format.js';
import { renderTex, texMatrix } from '../ui/tex.js';
import { download } from '../ui/download.js';
import { toHash } from '../state.js';

const sup = (n) => `^{(${n})}`;

/** The exercises a state shows: its set (cset) in the lab's order, or all of them. */
export function exercisesOf(state) {
  const chosen = state.cset ? state.cset.split(',') : EXERCISE_IDS;
  return EXERCISES.filter((e) => chosen.includes(e.id));
}

export function createCheckLab(root, { lab, store }) {
  root.innerHTML = `
    <div class="cw-grid">
      <section class="card cw-set" aria-labelledby="cw-set-title">
        <h2 id="cw-set-title" class="card-title">Exercises</h2>
        <p class="hint">The seeds' hand-worked questions. Work each one on paper or in NumPy, type your numbers, and the lab checks them against its core.</p>
        <div class="cw-variant">
          <label for="cw-seed">Variant</label>
          <input id="cw-seed" type="number" min="0" max="${MAX_VARIANT}" step="1" inputmode="numeric" aria-describedby="cw-seed-note">
          <button type="button" id="cw-new">New numbers</button>
        </div>
        <p class="hint" id="cw-seed-note"></p>
        <p class="field-error" id="cw-seed-error" role="alert" hidden></p>
        <ol class="cw-list" id="cw-list"></ol>
        <p class="hint" id="cw-progress-note" role="status"></p>
        <button type="button" id="cw-clear">Clear my answers</button>
        <details class="cw-teacher" id="cw-teacher">
          <summary>For teachers: a link for the class, and the answer key</summary>
          <fieldset>
            <legend>Exercises in the link</legend>
            <div id="cw-teacher-set" class="cw-teacher-set"></div>
          </fieldset>
          <div class="cw-variant">
            <label for="cw-link-seed">Variant</label>
            <input id="cw-link-seed" type="number" min="0" max="${MAX_VARIANT}" step="1" inputmode="numeric">
          </div>
          <label for="cw-link" class="cw-link-label">Link</label>
          <div class="cw-link-row">
            <input id="cw-link" type="text" readonly>
            <button type="button" id="cw-copy">Copy</button>
          </div>
          <p class="hint" id="cw-link-note" role="status"></p>
          <div class="cw-variant">
            <label for="cw-key-from">Answer key for variants</label>
            <input id="cw-key-from" type="number" min="0" max="${MAX_VARIANT}" step="1" value="0" aria-label="first variant">
            <span>to</span>
            <input id="cw-key-to" type="number" min="0" max="${MAX_VARIANT}" step="1" value="30" aria-label="last variant">
          </div>
          <button type="button" id="cw-key">Download the answer key (CSV)</button>
          <p class="hint" id="cw-key-status" role="status"></p>
          <p class="field-error" id="cw-key-error" role="alert" hidden></p>
        </details>
      </section>
      <section class="card cw-exercise" aria-labelledby="cw-title">
        <div class="cw-head">
          <p class="cw-source" id="cw-source"></p>
          <div class="cw-moves">
            <button type="button" id="cw-previous" aria-label="Previous exercise">← Previous</button>
            <span id="cw-position"></span>
            <button type="button" id="cw-next" aria-label="Next exercise">Next →</button>
          </div>
        </div>
        <h2 id="cw-title" class="card-title"></h2>
        <p id="cw-intro"></p>
        <div class="cw-network">
          <svg id="cw-diagram" class="diagram cw-diagram"></svg>
          <div class="cw-givens" id="cw-givens"></div>
        </div>
        <ol class="cw-questions" id="cw-questions"></ol>
      </section>
    </div>`;
  const $ = (id) => /** @type {HTMLInputElement} */ (root.querySelector(`#${id}`));
  const progress = createProgress();
  let shownKey = null; // 'exercise/variant' of the exercise on the page

  // ---- the variant and the list ---------------------------------------------------------------

  function renderList(state) {
    const list = $('cw-list');
    list.replaceChildren(...exercisesOf(state).map((ex) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.exercise = ex.id;
      if (ex.id === state.cex) button.setAttribute('aria-current', 'true');
      const right = progress.count(state.cseed, ex.id, ex.questions.map((q) => q.id));
      const done = right === ex.questions.length;
      button.innerHTML = `<span class="cw-list-source"></span><span class="cw-list-title"></span><span class="cw-score${done ? ' done' : ''}"></span>`;
      button.querySelector('.cw-list-source').textContent = ex.source;
      button.querySelector('.cw-list-title').textContent = ex.title;
      button.querySelector('.cw-score').textContent = `${done ? '✓ ' : ''}${right} of ${ex.questions.length} right`;
      button.addEventListener('click', () => store.set({ cex: ex.id }));
      item.append(button);
      return item;
    }));
    const locked = Boolean(state.cset);
    $('cw-seed').value = String(state.cseed);
    $('cw-seed').readOnly = locked;
    $('cw-new').disabled = locked;
    $('cw-seed-note').textContent = locked
      ? `Your teacher's link chose these ${exercisesOf(state).length} exercises and variant ${state.cseed}: everyone with this link has the same numbers.`
      : state.cseed === 0
        ? 'Variant 0 is the seeds\' own numbers. Another variant gives every exercise new numbers (the same for everyone who types that variant).'
        : `Variant ${state.cseed}: new numbers for every exercise. Variant 0 is the seeds' own numbers.`;
    $('cw-progress-note').textContent = progress.available
      ? 'Your answers are kept in this browser only (no account, nothing sent anywhere).'
      : 'This browser refuses to keep your answers (a private window?): they last until the page is closed.';
  }

  $('cw-seed').addEventListener('change', () => {
    const text = $('cw-seed').value.trim();
    const value = Number(text);
    const error = $('cw-seed-error');
    if (!/^\d+$/.test(text) || value > MAX_VARIANT) {
      error.textContent = `The variant must be a whole number from 0 to ${MAX_VARIANT}; ${text ? `"${text}" is not` : 'the field is empty'}. It stays ${store.state.cseed}.`;
      error.hidden = false;
      $('cw-seed').value = String(store.state.cseed);
      return;
    }
    error.hidden = true;
    store.set({ cseed: value });
  });
  $('cw-new').addEventListener('click', () => {
    $('cw-seed-error').hidden = true;
    store.set({ cseed: 1 + Math.floor(Math.random() * MAX_VARIANT) });
  });
  $('cw-clear').addEventListener('click', () => {
    if (!window.confirm('Clear every answer kept in this browser, for every variant?')) return;
    progress.clear();
    render(store.state, true);
  });

  // ---- the exercise -------------------------------------------------------------------------

  /** The givens of a step exercise: the weights (in the seed's orientation where it has one), the samples, η. */
  function renderGivens(run) {
    const holder = $('cw-givens');
    holder.replaceChildren();
    const ex = run.exercise;
    const fmt = (v) => formatNumber(v, 4).replace(/\.?0+$/, '').replace(/^−?$/, '0') || '0';
    const add = (latex) => {
      const span = document.createElement('span');
      span.className = 'cw-given';
      renderTex(span, latex);
      holder.append(span);
    };
    const first = run.steps[0];
    for (const u of first.trace.updates) {
      const L = u.layer + 1;
      const residual = first.trace.layers[u.layer].type === 'residual';
      const seedWay = ex.seedOrientation && u.name === 'W';
      const m = u.before;
      const seedMatrix = () => {
        const { shape: [rows, cols], data } = transposed({ shape: [m.rows, m.cols], data: Array.from(m.data) });
        return { rows, cols, data };
      };
      const matrix = seedWay ? seedMatrix() : m;
      // a bias is written as a row, as the seeds write b = [1, 1, 1]
      const written = u.name.startsWith('b') ? { rows: 1, cols: matrix.rows * matrix.cols, data: matrix.data } : matrix;
      const symbol = residual ? `${u.name[0]}_${u.name.slice(1)}${sup(L)}` : `${seedWay ? 'w' : u.name}${sup(L)}`;
      add(`${symbol} = ${texMatrix(written, fmt)}`);
    }
    const samples = run.numbers.samples;
    samples.forEach((s, k) => {
      const which = samples.length > 1 ? `_{${k + 1}}` : '';
      const x = ex.seedOrientation ? 'a^{(0)}' : `x${which}`;
      const input = `${x} = ${texMatrix({ rows: s.input.length, cols: 1, data: s.input }, fmt)}`;
      add(ex.forwardOnly ? input : `${input},\\; y${which} = ${texMatrix({ rows: s.target.length, cols: 1, data: s.target }, fmt)}`);
    });
    if (!ex.forwardOnly) add(`\\eta = ${run.numbers.learningRate}`);
  }

  /** The gradient test's table, as seed 000 prints it: k, ε, the zero- and first-order errors. */
  function renderTestTable(run) {
    const r = run.test.result;
    const holder = $('cw-givens');
    const table = document.createElement('table');
    table.className = 'cw-test-table';
    table.innerHTML = '<caption>The gradient test (the core\'s numbers)</caption><thead><tr><th scope="col">k</th><th scope="col">ε</th><th scope="col">zero-order error</th><th scope="col">first-order error</th></tr></thead>';
    const body = document.createElement('tbody');
    r.epsilon.forEach((eps, k) => {
      const row = document.createElement('tr');
      const floor = r.atFloor[k];
      if (floor) row.className = 'at-floor';
      for (const text of [String(k), formatScientific(eps, 3), formatScientific(r.zeroOrder[k], 3), `${formatScientific(r.firstOrder[k], 3)}${floor ? ' (rounding floor)' : ''}`]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      body.append(row);
    });
    table.append(body);
    holder.replaceChildren(table);
  }

  function feedbackFor(run, question, text) {
    if (run.test) return checkReading(question.id, text, run.test.result);
    const step = run.steps[question.step ?? 0];
    return checkNumbers(text, { expected: question.pick(step.arrays), decimals: question.decimals, mistakes: candidates(question, step) });
  }

  function showFeedback(li, result) {
    const out = li.querySelector('.cw-feedback');
    out.replaceChildren();
    if (result.mistake) {
      const word = document.createElement('strong');
      word.textContent = 'Not right.';
      const hint = document.createElement('span');
      hint.className = 'cw-hint';
      hint.textContent = ` Likely mistake: ${result.mistake}.`;
      out.append(word, hint);
    } else {
      out.textContent = result.message;
    }
    out.dataset.verdict = result.verdict;
    out.hidden = false;
    li.querySelector('.cw-worked').hidden = false;
  }

  /** Opens the worked step of `question`: the Step-through lab at its operation, or the Gradient lab. */
  function openWorked(run, question) {
    if (run.test) {
      const { gseed, bug, settings } = run.test;
      store.set({ lab: 'gradient', gtarget: 'network', gnet: 'seed001', gseed, bug, K: settings.iterations, eps0: settings.epsilon0, wrt: 'all' });
      return;
    }
    const k = question.step ?? 0;
    const step = run.steps[k];
    const ops = traceOperations(step.trace, { format: (v) => formatNumber(v, 4) });
    const op = Math.max(0, ops.findIndex((o) => o.id === question.op)) + 1;
    store.set({
      lab: 'step', preset: run.exercise.preset, ...FRESH_RUN, optimizer: 'sgd', lr: run.numbers.learningRate,
      params: step.params, input: step.sample.input, target: step.sample.target, op, sample: k, decimals: Math.max(4, question.decimals ?? 4),
    });
  }

  function renderQuestions(run, state) {
    const ex = run.exercise;
    const list = $('cw-questions');
    list.replaceChildren(...ex.questions.map((q) => {
      const li = document.createElement('li');
      li.className = 'cw-question';
      li.dataset.question = q.id;
      const id = `cw-answer-${q.id}`;
      const kept = progress.get(state.cseed, ex.id, q.id);
      const field = q.choices
        ? `<div class="cw-choices" role="radiogroup" aria-labelledby="${id}-label">${q.choices.map(([value, label]) => `<label><input type="radio" name="${id}" value="${value}"> ${label}</label>`).join('')}</div>`
        : `<input id="${id}" class="cw-answer" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" placeholder="${q.decimals === undefined ? '' : `to ${q.decimals} decimal${q.decimals === 1 ? '' : 's'}`}">`;
      li.innerHTML = `
        <label class="cw-ask" id="${id}-label" ${q.choices ? '' : `for="${id}"`}></label>
        <div class="cw-answer-row">${field}<button type="button" class="cw-submit">Check</button></div>
        <p class="cw-feedback" role="status" hidden></p>
        <button type="button" class="cw-worked" hidden>${run.test ? 'Open this test in the Gradient lab' : 'Show the worked step'}</button>`;
      li.querySelector('.cw-ask').textContent = q.ask;
      const input = (selector) => /** @type {HTMLInputElement | null} */ (li.querySelector(selector));
      const answerOf = () => (q.choices ? input('input[type=radio]:checked')?.value ?? '' : input('.cw-answer').value);
      const check = () => {
        const answer = answerOf();
        const result = feedbackFor(run, q, answer);
        showFeedback(li, result);
        if (result.verdict !== 'unreadable') progress.set(state.cseed, ex.id, q.id, { answer, verdict: result.verdict });
        renderList(store.state);
      };
      li.querySelector('.cw-submit').addEventListener('click', check);
      input('.cw-answer')?.addEventListener('keydown', (event) => {
        if (/** @type {KeyboardEvent} */ (event).key === 'Enter') check();
      });
      li.querySelector('.cw-worked').addEventListener('click', () => openWorked(run, q));
      // a kept answer is shown with its verdict, as it was checked
      if (kept) {
        if (q.choices) {
          for (const radio of li.querySelectorAll('input[type=radio]')) {
            /** @type {HTMLInputElement} */ (radio).checked = /** @type {HTMLInputElement} */ (radio).value === kept.answer;
          }
        } else {
          input('.cw-answer').value = kept.answer;
        }
        showFeedback(li, feedbackFor(run, q, kept.answer));
      }
      return li;
    }));
  }

  function render(state, force = false) {
    const chosen = exercisesOf(state);
    // the exercise shown is one of the set: the first when the link's is not in it
    if (!chosen.some((e) => e.id === state.cex)) {
      store.set({ cex: chosen[0].id });
      return;
    }
    renderList(state);
    renderTeacher(state);
    // the place in the set follows the set, which a link may change without changing the exercise
    const ex = exercise(state.cex);
    const at = chosen.indexOf(ex);
    $('cw-position').textContent = `${at + 1} of ${chosen.length}`;
    $('cw-previous').disabled = at === 0;
    $('cw-next').disabled = at === chosen.length - 1;
    const key = `${state.cex}/${state.cseed}`;
    if (!force && shownKey === key) return;
    shownKey = key;
    const run = runExercise(lab, ex, state.cseed);
    $('cw-source').textContent = `${ex.source}${state.cseed ? ` · variant ${state.cseed}` : ''}`;
    $('cw-title').textContent = ex.title;
    $('cw-intro').textContent = ex.intro;
    $('cw-diagram').hidden = Boolean(run.test);
    if (run.test) {
      renderTestTable(run);
    } else {
      renderGivens(run);
      drawDiagram(/** @type {SVGSVGElement} */ (/** @type {unknown} */ ($('cw-diagram'))), { ...traceDiagram(run.steps[0].trace), title: `Diagram of the network of "${ex.title}"` });
    }
    renderQuestions(run, state);
  }

  const move = (by) => {
    const chosen = exercisesOf(store.state);
    const at = chosen.findIndex((e) => e.id === store.state.cex);
    const next = chosen[at + by];
    if (next) store.set({ cex: next.id });
  };
  $('cw-previous').addEventListener('click', () => move(-1));
  $('cw-next').addEventListener('click', () => move(1));

  // ---- the teacher's link and answer key ----------------------------------------------------

  function renderTeacher(state) {
    const holder = $('cw-teacher-set');
    if (!holder.childElementCount) {
      holder.replaceChildren(...EXERCISES.map((ex) => {
        const label = document.createElement('label');
        label.innerHTML = `<input type="checkbox" value="${ex.id}" checked> `;
        label.append(`${ex.source}: ${ex.title}`);
        label.querySelector('input').addEventListener('change', updateLink);
        return label;
      }));
      $('cw-link-seed').value = String(state.cseed);
    }
    updateLink();
  }

  function teacherSet() {
    return [...root.querySelectorAll('#cw-teacher-set input:checked')].map((i) => /** @type {HTMLInputElement} */ (i).value);
  }

  function updateLink() {
    const ids = teacherSet();
    const seedText = $('cw-link-seed').value.trim();
    const note = $('cw-link-note');
    if (!ids.length || !/^\d+$/.test(seedText) || Number(seedText) > MAX_VARIANT) {
      $('cw-link').value = '';
      $('cw-copy').disabled = true;
      note.textContent = !ids.length ? 'Choose at least one exercise.' : `The variant must be a whole number from 0 to ${MAX_VARIANT}; ${seedText ? `"${seedText}" is not` : 'the field is empty'}.`;
      return;
    }
    const hash = toHash({ lab: 'check', cset: ids.join(','), cseed: Number(seedText), cex: ids[0] });
    $('cw-link').value = `${window.location.href.split('#')[0]}${hash}`;
    $('cw-copy').disabled = false;
    note.textContent = `Everyone who opens it sees these ${ids.length} exercises with variant ${seedText}'s numbers; give each student a different variant for their own numbers.`;
  }
  $('cw-link-seed').addEventListener('input', updateLink);
  $('cw-link').addEventListener('focus', () => $('cw-link').select());
  $('cw-copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('cw-link').value);
      $('cw-link-note').textContent = 'The link is copied.';
    } catch {
      $('cw-link').select();
      $('cw-link-note').textContent = 'This browser did not let the page copy: the link is selected, press Ctrl+C (⌘C).';
    }
  });

  $('cw-key').addEventListener('click', async () => {
    const error = $('cw-key-error');
    const [from, to] = ['cw-key-from', 'cw-key-to'].map((id) => $(id).value.trim());
    const problem = [[from, 'The first variant'], [to, 'The last variant']].find(([t]) => !/^\d+$/.test(t) || Number(t) > MAX_VARIANT);
    const ids = teacherSet();
    let message = '';
    if (problem) message = `${problem[1]} must be a whole number from 0 to ${MAX_VARIANT}; ${problem[0] ? `"${problem[0]}" is not` : 'the field is empty'}.`;
    else if (Number(to) < Number(from)) message = `The last variant (${to}) must not be below the first (${from}).`;
    else if (Number(to) - Number(from) + 1 > KEY_MOST_VARIANTS) message = `An answer key holds at most ${KEY_MOST_VARIANTS} variants; ${from} to ${to} is ${Number(to) - Number(from) + 1}.`;
    else if (!ids.length) message = 'Choose at least one exercise above.';
    error.textContent = message;
    error.hidden = !message;
    if (message) return;
    // a variant at a time, the page drawn between them: a long key shows its progress and never freezes the page
    const button = $('cw-key');
    const status = $('cw-key-status');
    button.disabled = true;
    const lines = [KEY_HEADER];
    try {
      for (let seed = Number(from); seed <= Number(to); seed += 1) {
        lines.push(...answerKeyLines(lab, ids, seed));
        status.textContent = `Working the answers: variant ${seed} of ${from} to ${to}…`;
        await new Promise((resolve) => { setTimeout(resolve, 0); });
      }
      download(`answer-key-variants-${from}-${to}.csv`, `${lines.join('\n')}\n`, 'text/csv');
      status.textContent = `The answer key for variants ${from} to ${to} (${lines.length - 1} answers) is downloaded.`;
    } catch (failure) {
      error.textContent = `The answer key could not be made: ${failure.message}`;
      error.hidden = false;
      status.textContent = '';
    } finally {
      button.disabled = false;
    }
  });

  return {
    show(state) { render(state); },
    update(state) { render(state); },
  };
}
