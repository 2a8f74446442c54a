// A confusion matrix as an accessible HTML table: rows are the true class, columns the predicted
// class, each cell shaded by its share of the row (diagonal blue-green, errors warm), with recall
// and support per class, precision and F1 per predicted class, and a summary line with the total.

import { readableShade } from './palette.js';

const DIAGONAL = [18, 104, 122]; // blue-green: correct
const ERROR = [184, 72, 12]; // warm orange: mistakes

/** Share of a whole, as a percentage with `decimals` decimals, or "—" when there is nothing to share. */
const percent = (value, decimals) => (Number.isFinite(value) ? `${(100 * value).toFixed(decimals)}%` : '—');
/** A score in [0, 1] with two decimals, or "—". */
const score = (value) => (Number.isFinite(value) ? value.toFixed(2) : '—');

/** Recall, precision, F1 and support per class and the overall accuracy and macro F1 from the counts. */
function metricsFrom({ rows, cols, data }) {
  const n = Math.min(rows, cols);
  const rowSum = Array.from({ length: rows }, (_, r) => { let s = 0; for (let c = 0; c < cols; c += 1) s += data[r * cols + c]; return s; });
  const colSum = Array.from({ length: cols }, (_, c) => { let s = 0; for (let r = 0; r < rows; r += 1) s += data[r * cols + c]; return s; });
  const diagonal = Array.from({ length: n }, (_, k) => data[k * cols + k]);
  const recall = rowSum.map((s, r) => (s > 0 && r < n ? diagonal[r] / s : NaN));
  const precision = colSum.map((s, c) => (s > 0 && c < n ? diagonal[c] / s : NaN));
  const f1 = Array.from({ length: n }, (_, k) => {
    const p = precision[k];
    const q = recall[k];
    if (!Number.isFinite(p) && !Number.isFinite(q)) return NaN;
    const pp = Number.isFinite(p) ? p : 0;
    const qq = Number.isFinite(q) ? q : 0;
    return pp + qq > 0 ? (2 * pp * qq) / (pp + qq) : 0;
  });
  const total = rowSum.reduce((a, b) => a + b, 0);
  const finiteF1 = f1.filter(Number.isFinite);
  return {
    recall, precision, f1, support: rowSum, rowSum, total,
    accuracy: total > 0 ? diagonal.reduce((a, b) => a + b, 0) / total : NaN,
    macroF1: finiteF1.length ? finiteF1.reduce((a, b) => a + b, 0) / finiteF1.length : NaN,
  };
}

/** A <th> with visible `text` and, for screen readers only, `hidden` before it. */
function header(text, scope, hidden = '') {
  const th = document.createElement('th');
  th.scope = scope;
  if (hidden) {
    const sr = document.createElement('span');
    sr.className = 'visually-hidden';
    sr.textContent = hidden;
    th.append(sr);
  }
  th.append(text);
  return th;
}

/**
 * Replaces the content of `container` with the confusion table.
 *   classNames: names of the classes (default '0', '1', …)
 *   confusion: {rows, cols, data}: data[r * cols + c] = how many of true class r were predicted c
 *   recall, precision, f1, support (per class), accuracy, macroF1: shown as given; any left out
 *     is computed from the counts
 *   caption: the table's caption (a hint on reading it is added)
 * The total (the sum of all cells) is in an element with data-testid="confusion-total"; the
 * accuracy shown has its full value in data-accuracy.
 * @param {HTMLElement} container
 * @param {{ classNames?: string[], confusion: { rows: number, cols: number, data: ArrayLike<number> },
 *   recall?: ArrayLike<number>, precision?: ArrayLike<number>, f1?: ArrayLike<number>, support?: ArrayLike<number>,
 *   accuracy?: number, macroF1?: number, caption?: string }} table
 */
export function renderConfusionTable(container, { classNames, confusion, recall, precision, f1, support, accuracy, macroF1, caption = 'Confusion matrix' }) {
  const { rows, cols, data } = confusion;
  const computed = metricsFrom(confusion);
  const names = Array.from({ length: Math.max(rows, cols) }, (_, i) => String(classNames?.[i] ?? i));
  const shown = {
    recall: recall ?? computed.recall, precision: precision ?? computed.precision, f1: f1 ?? computed.f1,
    support: support ?? computed.support, accuracy: accuracy ?? computed.accuracy, macroF1: macroF1 ?? computed.macroF1,
  };
  const compact = cols > 6;
  const decimals = compact ? 0 : 1;

  const table = document.createElement('table');
  table.className = `confusion-table${compact ? ' compact' : ''}`;
  const captionElement = table.createCaption();
  captionElement.append(caption);
  const hint = document.createElement('span');
  hint.className = 'confusion-hint';
  hint.textContent = 'Each row is a true class, each column a predicted class. Recall: share of the row predicted correctly; precision: share of the column that is right.';
  captionElement.append(hint);

  const head = table.createTHead();
  const groupRow = head.insertRow();
  groupRow.className = 'group';
  groupRow.insertCell();
  const predictedGroup = header('predicted class →', 'colgroup');
  predictedGroup.colSpan = cols;
  groupRow.append(predictedGroup);
  groupRow.insertCell().colSpan = 2;
  const headRow = head.insertRow();
  const corner = header('true class ↓', 'col');
  corner.className = 'corner';
  headRow.append(corner);
  for (let c = 0; c < cols; c += 1) headRow.append(header(names[c], 'col', 'predicted '));
  const recallHead = header('recall', 'col');
  recallHead.className = 'metric';
  recallHead.title = 'Per-class accuracy: correct predictions ÷ examples of this true class';
  const supportHead = header('support', 'col');
  supportHead.className = 'metric';
  supportHead.title = 'How many examples of this true class there are';
  headRow.append(recallHead, supportHead);

  const body = table.createTBody();
  for (let r = 0; r < rows; r += 1) {
    const row = body.insertRow();
    row.append(header(names[r], 'row', 'true '));
    const rowTotal = computed.rowSum[r];
    for (let c = 0; c < cols; c += 1) {
      const count = data[r * cols + c];
      const share = rowTotal > 0 ? count / rowTotal : 0;
      const cell = row.insertCell();
      cell.textContent = String(count);
      const correct = r === c;
      cell.className = `count ${correct ? 'correct' : 'error'}${count === 0 ? ' zero' : ''}`;
      if (count > 0) {
        const alpha = correct ? 0.12 + 0.88 * share : 0.2 + 0.8 * Math.sqrt(share);
        const { background, whiteText } = readableShade(correct ? DIAGONAL : ERROR, alpha);
        cell.style.backgroundColor = `rgb(${background.join(', ')})`;
        if (whiteText) cell.classList.add('dark');
      }
      cell.title = `true ${names[r]}, predicted ${names[c]}: ${count} (${percent(share, 1)} of true ${names[r]})`;
    }
    const recallCell = row.insertCell();
    recallCell.className = 'metric';
    recallCell.textContent = percent(shown.recall[r], decimals);
    const supportCell = row.insertCell();
    supportCell.className = 'metric';
    supportCell.textContent = String(shown.support[r] ?? rowTotal);
  }

  const foot = table.createTFoot();
  for (const [label, values, format, title] of /** @type {[string, ArrayLike<number>, (v: number) => string, string][]} */ ([
    ['precision', shown.precision, (v) => percent(v, decimals), 'Correct predictions ÷ all predictions of this class'],
    ['F1', shown.f1, score, 'Harmonic mean of precision and recall for this class'],
  ])) {
    const row = foot.insertRow();
    const th = header(label, 'row');
    th.title = title;
    row.append(th);
    for (let c = 0; c < cols; c += 1) row.insertCell().textContent = format(values[c]);
    const rest = row.insertCell();
    rest.colSpan = 2;
  }

  const summary = document.createElement('p');
  summary.className = 'confusion-summary';
  summary.innerHTML = 'Accuracy <strong class="acc"></strong> · macro F1 <strong class="f1"></strong> · total <strong data-testid="confusion-total"></strong> examples';
  summary.querySelector('.acc').textContent = percent(shown.accuracy, 1);
  /** @type {HTMLElement} */ (summary.querySelector('.acc')).dataset.accuracy = String(shown.accuracy);
  summary.querySelector('.f1').textContent = score(shown.macroF1);
  summary.querySelector('[data-testid="confusion-total"]').textContent = String(computed.total);

  // scrolls sideways if it ever is too wide, so it can be focused and scrolled from the keyboard
  const wrapper = document.createElement('div');
  wrapper.className = 'confusion';
  wrapper.tabIndex = 0;
  wrapper.setAttribute('role', 'region');
  wrapper.setAttribute('aria-label', caption);
  wrapper.append(table, summary);
  container.replaceChildren(wrapper);
}
