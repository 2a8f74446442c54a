// The Step-through lab's "Check your own numbers" card (issue 18, item 6): the student drops the
// arrays their NumPy code computed for this step (.npz, .npy or JSON), and sees, array by array,
// in which orientation it was read and how many elements agree with the lab's, with the largest
// relative error and where it is. The comparison is numpy/compare.js; the lab's arrays come from
// the step shown (numpy/trace-npz.js), so a new step compares again.
import { TOLERANCE, compareArrays, readArrays } from '../numpy/compare.js';
import { formatSignificant } from '../ui/format.js';
import { parseArrayText } from '../numpy/parse-array.js';

const ORIENTATION = { same: 'as the lab', transposed: 'transposed', flat: 'flat' };

/** "(r, c)" of C-order index `k` in `shape`, as NumPy indexes it (from 0). */
function position(k, shape) {
  const out = [];
  for (let i = shape.length - 1; i >= 0; i -= 1) {
    out.unshift(k % shape[i]);
    k = Math.floor(k / shape[i]);
  }
  return `[${out.join(', ')}]`;
}

/** The verdict when some arrays disagree: the first one (where a mistake starts) and what it fits. */
function firstWrong(rows, agreeing) {
  const first = rows.find((r) => r.problem || r.agree < r.total);
  const fits = first.mistake ? ` It is exactly what this mistake gives: ${first.mistake}.` : first.problem ? '' : ' It fits none of the mistakes the lab knows: compare its numbers with the lab\'s in the Step-through above.';
  return `${agreeing} of ${rows.length} arrays agree with the lab's; the first that does not is ${first.name}.${fits}`;
}

/**
 * Builds the card in `holder`. `step()` gives the step's arrays and the same arrays computed with
 * each known mistake ({arrays, variants}: compareArrays' lab and variants), or null before there is
 * a step. `prefix` starts its element ids (one per lab). Returns {refresh()}: compares the arrays
 * read last with the step now shown.
 */
export function createCheckCard(holder, { step, prefix = 'check-' }) {
  holder.innerHTML = `
    <section class="card check-card" aria-labelledby="${prefix}title">
      <h2 id="${prefix}title" class="card-title">Check your own numbers</h2>
      <p class="hint">Run your NumPy code on the same step (its weights and batch are in the "Download … for NumPy" file), save what it computes with <code>np.savez("mine.npz", W1=W1, z1=z1, delta1=delta1, dW1=dW1, …)</code>, and drop the file here: each array is matched to the lab's by name (W1, b1, z1, a1, delta1, dW1, db1, W1_new, loss, …), read as the lab keeps it, transposed (one row per sample) or flat, and compared element by element as <code>np.allclose</code> does (rtol ${TOLERANCE.rtol.toExponential()}, atol ${TOLERANCE.atol.toExponential()}).</p>
      <div class="check-drop" id="${prefix}drop" data-testid="${prefix}drop">
        <label class="check-choose">Choose .npz, .npy or .json files
          <input type="file" id="${prefix}files" data-testid="${prefix}files" multiple accept=".npz,.npy,.json"></label>
        <span class="hint">or drop them here</span>
      </div>
      <details class="check-paste">
        <summary>Or paste one array</summary>
        <div class="check-paste-fields">
          <label for="${prefix}paste-name">Name</label>
          <input type="text" id="${prefix}paste-name" data-testid="${prefix}paste-name" placeholder="delta2" spellcheck="false" autocomplete="off">
          <label for="${prefix}paste-values">Numbers, as <code>print(delta2)</code> shows them</label>
          <textarea id="${prefix}paste-values" data-testid="${prefix}paste-values" rows="3" spellcheck="false" placeholder="[[-0.026]]"></textarea>
          <button type="button" id="${prefix}paste-add" data-testid="${prefix}paste-add">Compare it</button>
          <p class="field-error" id="${prefix}paste-error" data-testid="${prefix}paste-error" role="alert" hidden></p>
        </div>
      </details>
      <p class="check-status" id="${prefix}status" data-testid="${prefix}status" aria-live="polite"></p>
      <ul class="check-problems" id="${prefix}problems" data-testid="${prefix}problems"></ul>
      <p class="hint" id="${prefix}key" hidden>Read as: "transposed" is your array with one row per sample (W as in × out), the lab's transpose; "flat" a vector of shape (n,) where the lab keeps a column (n, 1). The worst element is indexed as in the lab's array, from 0.</p>
      <div class="table-scroll" id="${prefix}table" data-testid="${prefix}table"></div>
    </section>`;
  const $ = (id) => holder.querySelector(`#${id}`);
  let files = null; // {arrays, problems, names}: the files read last
  const pasted = new Map(); // name → {shape, data, from}: the arrays pasted since, in the order pasted

  /** What is compared: the files' arrays and the pasted ones (which win on a name), or null. */
  function given() {
    if (!files && !pasted.size) return null;
    return {
      arrays: { ...files?.arrays, ...Object.fromEntries(pasted) },
      problems: files?.problems ?? [],
      names: [files?.names, ...[...pasted.keys()].map((name) => `pasted ${name}`)].filter(Boolean).join(', '),
    };
  }

  function show() {
    const read = given();
    const now = read && step();
    if (!now) return;
    const { rows, unmatched } = compareArrays(read.arrays, now.arrays, now.variants);
    const agreeing = rows.filter((r) => !r.problem && r.agree === r.total).length;
    const verdict = !rows.length
      ? 'No array has a name the lab knows: name them as the lab does (W1, b1, z1, a1, delta1, dW1, …).'
      : agreeing === rows.length
        ? `All ${rows.length} arrays agree with the lab's.`
        : firstWrong(rows, agreeing);
    $(`${prefix}status`).textContent = `${read.names}: ${verdict}`;
    $(`${prefix}status`).dataset.verdict = rows.length && agreeing === rows.length ? 'agree' : 'disagree';
    $(`${prefix}problems`).replaceChildren(...[
      ...read.problems,
      ...(unmatched.length ? [`Not among the lab's arrays for this step, so not compared: ${unmatched.join(', ')}.`] : []),
    ].map((text) => Object.assign(document.createElement('li'), { textContent: text })));
    const table = document.createElement('table');
    table.className = 'check-table';
    const head = table.createTHead().insertRow();
    for (const h of ['array', 'read as', 'agree', 'largest relative error', 'worst element', 'yours', 'the lab\'s', 'fits the mistake']) {
      head.append(Object.assign(document.createElement('th'), { textContent: h, scope: 'col' }));
    }
    const body = table.createTBody();
    let named = ''; // the mistake written in full on the row above; the rows after it say "the same"
    for (const r of rows) {
      const tr = body.insertRow();
      const ok = !r.problem && r.agree === r.total;
      tr.dataset.agree = String(ok);
      tr.dataset.name = r.labName;
      const cells = r.problem
        ? [r.name, r.problem, '—', '—', '', '', '', '']
        : [
          r.name,
          ORIENTATION[r.orientation],
          `${ok ? '✓' : '✗'} ${r.agree} of ${r.total}`,
          formatSignificant(r.largestRelative, 3),
          ...(ok ? ['', '', ''] : [position(r.worst.index, r.labShape), formatSignificant(r.worst.yours, 6), formatSignificant(r.worst.lab, 6)]),
          r.mistake && r.mistake === named ? 'the same, as above' : r.mistake,
        ];
      if (!ok) named = r.mistake;
      cells.forEach((text, k) => {
        const cell = k === 0 ? Object.assign(document.createElement('th'), { scope: 'row' }) : document.createElement('td');
        cell.textContent = text;
        tr.append(cell);
      });
    }
    $(`${prefix}table`).replaceChildren(...(rows.length ? [table] : []));
    $(`${prefix}key`).hidden = !rows.length;
  }

  async function take(chosen) {
    if (!chosen.length) return;
    $(`${prefix}status`).textContent = 'Reading…';
    const bytes = await Promise.all(Array.from(chosen, async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const result = await readArrays(bytes);
    // new files start a new comparison: the arrays pasted before are dropped
    files = { ...result, names: bytes.map((f) => f.name).join(', ') };
    pasted.clear();
    show();
  }

  // a pasted array joins those read (or replaces one of the same name)
  $(`${prefix}paste-add`).addEventListener('click', () => {
    const name = /** @type {HTMLInputElement} */ ($(`${prefix}paste-name`)).value.trim();
    const parsed = parseArrayText(/** @type {HTMLTextAreaElement} */ ($(`${prefix}paste-values`)).value);
    const error = $(`${prefix}paste-error`);
    const problem = !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)
      ? `Name the pasted array as the lab names its arrays (W1, b1, z1, a1, delta1, dW1, …)${name ? `: "${name.slice(0, 20)}" is not a name` : ''}.`
      : 'error' in parsed ? `The numbers pasted for ${name} cannot be read: ${parsed.error}.` : '';
    error.textContent = problem;
    error.hidden = !problem;
    if (problem) return;
    pasted.delete(name); // a name pasted again goes last, as the latest
    pasted.set(name, { shape: parsed.shape, data: Float64Array.from(parsed.data), from: 'pasted' });
    show();
  });

  const input = /** @type {HTMLInputElement} */ ($(`${prefix}files`));
  input.addEventListener('change', () => { take(input.files).finally(() => { input.value = ''; }); });
  const drop = $(`${prefix}drop`);
  drop.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    take(event.dataTransfer?.files ?? []);
  });

  return { refresh: show };
}
