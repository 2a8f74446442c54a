// The Step-through lab: one training step of a preset network, one operation at a time, with
// its formula, its numbers and the diagram highlighting where it happens. Weights, input, target,
// learning rate and optimizer are editable; every number comes from the engine's trace.
//
// "Next sample" carries the updated weights and the optimizer state (in the URL) into the next step.
import { STEP_PRESETS } from './step-presets.js';
import { handedPreset } from './handed-over.js';
import { traceOperations } from './step-operations.js';
import { coefficientsOf, isFullBatch, optimizerCoefficients, optimizers, stepOptimizers } from '../schema.js';
import { parseProperty } from '../state.js';
import { drawDiagram } from '../ui/diagram.js';
import { traceDiagram } from './trace-diagram.js';
import { traceParameters } from './step-updates.js';
import { createSelection, fitsWhole, renderMatrixSummary } from '../ui/matrix-summary.js';
import { renderTex } from '../ui/tex.js';
import { formatNumber } from '../ui/format.js';
import { download } from '../ui/download.js';
import { npzBytes, traceArrays } from '../numpy/trace-npz.js';
import { createCheckCard } from './step-check.js';
import { stepWithMistakes } from '../numpy/step-variants.js';

const html = (strings, ...values) => strings.reduce((out, s, i) => out + s + (values[i] ?? ''), '');

/** The state changes that start a preset's run again: its weights, first sample, no optimizer state. */
export const FRESH_RUN = { op: 1, sample: 0, params: null, input: null, target: null, ostate: null, ot: 0 };
/** The link properties that carry a handed-over network (step/handed-over.js). */
const HAND_OVER_KEYS = ['hnet', 'hw', 'hx', 'hy'];
const NO_HAND_OVER = Object.fromEntries(HAND_OVER_KEYS.map((k) => [k, null]));

/** Builds the lab inside `root`; returns {show, update, onKey} for main.js. */
export function createStepLab(root, { lab, store }) {
  root.innerHTML = html`
    <div class="step-controls card" role="group" aria-label="Step-through controls">
      <label>Preset
        <select id="step-preset">${Object.entries(STEP_PRESETS).map(([id, p]) => `<option value="${id}">${p.title}</option>`).join('')}</select>
      </label>
      <div class="step-buttons">
        <button type="button" id="step-first" title="First operation (Home)">First</button>
        <button type="button" id="step-back" title="Previous operation (←)">← Back</button>
        <button type="button" id="step-next" class="primary" title="Next operation (→)">Next →</button>
        <button type="button" id="step-end" title="Run to the end of the step (End)">Run to end</button>
        <button type="button" id="step-sample" title="Keep the updated weights and go on with the next sample">Next sample ↻</button>
      </div>
      <label>Decimals
        <select id="step-decimals">${[0, 1, 2, 3, 4, 5, 6, 8, 10].map((d) => `<option value="${d}">${d}</option>`).join('')}</select>
      </label>
      <button type="button" id="step-npz" data-testid="step-npz" title="Every number of this step as NumPy arrays (np.load), with a README that says which is which">Download for NumPy (.npz)</button>
    </div>
    <p class="preset-note" id="step-note"></p>
    <p class="preset-note erratum" id="step-erratum" hidden></p>
    <p class="lab-error" id="step-error" role="alert" hidden></p>
    <div class="step-grid">
      <div class="step-side">
        <div class="card diagram-card">
          <svg id="step-diagram" class="diagram"></svg>
          <p class="legend"><span class="swatch positive"></span> positive weight <span class="swatch negative"></span> negative weight · width = size</p>
        </div>
        <nav class="card op-list-card" aria-label="Operations of this step">
          <h2 class="card-title">Operations <span id="step-position" class="position"></span></h2>
          <ol id="step-ops" class="op-list"></ol>
        </nav>
      </div>
      <div class="step-main">
        <section class="card op-card" aria-live="polite" aria-labelledby="op-title">
          <p class="op-phase" id="op-phase"></p>
          <h2 id="op-title"></h2>
          <div class="formula" id="op-tex" tabindex="0" role="region" aria-label="The formula (scrolls sideways when wide)"></div>
          <div class="formula numbers" id="op-numbers" tabindex="0" role="region" aria-label="The formula with the numbers (scrolls sideways when wide)"></div>
          <div class="op-result" id="op-result"></div>
        </section>
        <section class="card edit-card" aria-labelledby="edit-title">
          <h2 id="edit-title" class="card-title">Edit the numbers <span class="hint">the step is recomputed at once</span></h2>
          <div class="edit-row">
            <div id="edit-input"></div>
            <div id="edit-target"></div>
            <label class="lr">Learning rate η <input type="text" inputmode="decimal" id="edit-lr" aria-describedby="edit-lr-error"></label>
            <span class="field-error" id="edit-lr-error" role="alert"></span>
            <label class="lr">Optimizer
              <select id="edit-optimizer" aria-describedby="edit-optimizer-note">${stepOptimizers().map(({ name, label }) => `<option value="${name}">${label}</option>`).join('')}</select>
            </label>
            <span class="hint" id="edit-optimizer-note">${optimizers().filter((o) => o.fullBatch).map((o) => `${o.label}: in the Train lab (it has no single mini-batch step).`).join(' ')}</span>
            <span id="edit-coefficients" class="edit-coefficients"></span>
            <span class="field-error" id="edit-coefficient-error" role="alert"></span>
            <button type="button" id="edit-reset">Reset to the preset</button>
          </div>
          <div id="edit-params" class="edit-params"></div>
        </section>
      </div>
    </div>
    <div id="check-holder"></div>`;
  const $ = (id) => root.querySelector(`#${id}`);
  const presetSelect = $('step-preset');
  // the step shown and each known mistake's version of it, traced again from what it was computed from
  const check = createCheckCard($('check-holder'), { step: () => (traced ? stepWithMistakes(network, lab.derivativeBugs, traced) : null) });
  const trainOption = document.createElement('option');
  trainOption.value = 'train';
  trainOption.textContent = 'The Train lab\'s network (open it from the Train lab)';
  trainOption.disabled = true;
  presetSelect.append(trainOption);

  let network = null;
  let networkPreset = null;
  let handedFrom = null; // the link's {hnet, hw, hx, hy} the 'train' preset was built from
  let notice = ''; // why the link's preset could not be shown: stays until another preset is chosen
  let digits = null; // the bundled digits, min-max scaled, loaded once
  let ops = [];
  let trace = null;
  let traced = null; // what the trace shown was computed from: {params, input, target, optimizer, learningRate, carried}
  let stateNow = store.state;
  // the element selected in large matrices, one per shape, so that W before, g and W after (and
  // the weights being edited) select the same element, and keep it from one operation to the next
  const selections = new Map();
  const selectionFor = ({ rows, cols }) => {
    const key = `${rows}×${cols}`;
    if (!selections.has(key)) selections.set(key, createSelection());
    return selections.get(key);
  };

  const decimals = () => stateNow.decimals;
  const fmt = (v) => formatNumber(v, decimals());

  function showError(message) {
    $('step-error').textContent = message;
    $('step-error').hidden = !message;
  }

  async function ensureDigits() {
    if (digits) return digits;
    const raw = await lab.fetchBundled('digits', new URL('data/', document.baseURI));
    const prepared = raw.prepare({ test: 0, validation: 0, stratify: false }, 'min_max');
    const features = prepared.train.features();
    const labels = prepared.train.labels();
    digits = { features, labels, width: raw.info.features };
    prepared.dispose();
    raw.dispose();
    return digits;
  }

  /** The sample `index` of a preset: {input, target} (digits: one-hot target of its label). */
  async function presetSample(preset, index) {
    if (preset.samples) return preset.samples[index % preset.samples.length];
    const d = await ensureDigits();
    const i = index % d.labels.length;
    const target = new Array(10).fill(0);
    target[d.labels[i]] = 1;
    return { input: Array.from(d.features.slice(i * d.width, (i + 1) * d.width)), target, label: d.labels[i] };
  }

  function ensureNetwork(presetId) {
    if (network && networkPreset === presetId) return network;
    network?.dispose();
    network = lab.network(STEP_PRESETS[presetId].spec);
    networkPreset = presetId;
    return network;
  }

  /** The optimizer settings of the state: the name and the coefficients set (the core fills in the rest). */
  function optimizerSettings(state) {
    const settings = state.optimizer ? { name: state.optimizer } : {};
    for (const { key } of optimizerCoefficients(stepOptimizers())) {
      if (state[key] !== null) settings[key] = state[key];
    }
    return settings;
  }

  /** Recomputes the trace for the state; falls back to the preset's values when an edit is refused. */
  async function compute(state) {
    const preset = STEP_PRESETS[state.preset];
    const net = ensureNetwork(state.preset);
    const sample = await presetSample(preset, state.sample);
    const initial = preset.parameters ?? (net.initialise(), net.getParameters());
    const params = state.params ?? initial;
    const input = state.input ?? sample.input;
    const target = state.target ?? sample.target;
    const learningRate = state.lr ?? preset.learningRate;
    const optimizer = optimizerSettings(state);
    // the state the previous step left (none before the first step of a run)
    const carried = state.ostate || state.ot ? { t: state.ot, values: state.ostate ?? [] } : null;
    try {
      net.setParameters(params);
      net.resetTrace();
      trace = net.trace(input, target, { optimizer, learningRate, state: carried });
      traced = { params, input, target, optimizer, learningRate, carried };
      showError(notice);
    } catch (error) {
      showError(`${error.message}. The preset's values are shown instead.`);
      net.setParameters(initial);
      net.resetTrace();
      trace = net.trace(sample.input, sample.target, { optimizer, learningRate: preset.learningRate });
      traced = { params: initial, input: sample.input, target: sample.target, optimizer, learningRate: preset.learningRate, carried: null };
    }
    ops = traceOperations(trace, { format: fmt });
    const count = preset.samples?.length ?? 0;
    const which = count > 1
      ? ` Now: sample ${(state.sample % count) + 1} of ${count} (x = ${input.join(', ')}, y = ${target.join(', ')})${state.sample >= count ? `, pass ${Math.floor(state.sample / count) + 1}` : ''}.`
      : count === 1 && state.sample > 0 ? ` Now: step ${state.sample + 1} on the same sample, with the updated weights.`
        : !preset.samples ? ` Now: digit sample ${state.sample + 1}, a ${sample.label}.` : '';
    $('step-note').textContent = preset.note + which;
    $('step-erratum').textContent = preset.erratum ?? '';
    $('step-erratum').hidden = !preset.erratum;
  }

  function paramsBefore() {
    return traceParameters(trace, 'before');
  }

  function renderDiagram(op) {
    const { columns, weights } = traceDiagram(trace, (W) => (op?.kind === 'update' && op.layer === W.layer && op.parameter === W.name ? W.after : W.before));
    const highlight = {};
    if (op && op.layer >= 0) {
      highlight.column = op.layer + 1;
      if (op.kind === 'forward' || op.kind === 'update' || op.id.startsWith('dW') || op.id.startsWith('gin')) highlight.edgesInto = op.layer + 1;
    } else if (op) {
      highlight.column = 0;
    }
    drawDiagram($('step-diagram'), { columns, weights, highlight, title: `Diagram of the network; ${op ? op.title : ''}` });
  }

  function renderOpList(current) {
    const list = $('step-ops');
    list.replaceChildren(...ops.map((op, i) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = op.title;
      button.className = `op ${op.kind}${i === current ? ' current' : ''}${i < current ? ' done' : ''}`;
      if (i === current) button.setAttribute('aria-current', 'step');
      button.addEventListener('click', () => store.set({ op: i + 1 }));
      item.appendChild(button);
      return item;
    }));
    const current_ = list.querySelector('.current');
    if (current_) {
      // keep the current operation in view by scrolling the list only, never the page
      const top = current_.offsetTop - list.offsetTop;
      if (top < list.scrollTop || top + current_.offsetHeight > list.scrollTop + list.clientHeight) {
        list.scrollTop = top - list.clientHeight / 2;
      }
    }
    $('step-position').textContent = `${current + 1} of ${ops.length}`;
  }

  function renderOp(index) {
    const op = ops[index];
    const phase = { input: 'Forward pass', forward: 'Forward pass', loss: 'Loss', backward: 'Backward pass', update: 'Update' }[op.kind];
    $('op-phase').textContent = `${phase} · operation ${index + 1} of ${ops.length}`;
    $('op-phase').className = `op-phase ${op.kind}`;
    $('op-title').textContent = op.title;
    renderTex($('op-tex'), op.tex);
    if (op.numbers) renderTex($('op-numbers'), op.numbers);
    else $('op-numbers').textContent = 'This update\'s numbers are in the tables below.';
    const result = $('op-result');
    result.replaceChildren();
    // each table scrolls on its own when wide, so it is a focusable region; a large matrix is
    // shown bounded (a window, a heat-map and the selected element), each part reachable itself
    const table = (matrix, caption, testid) => {
      const holder = document.createElement('div');
      holder.className = 'result-table';
      if (fitsWhole(matrix)) {
        holder.tabIndex = 0;
        holder.setAttribute('role', 'region');
        holder.setAttribute('aria-label', `${caption} values`);
      }
      result.appendChild(holder);
      const name = caption.split(' = ')[0];
      renderMatrixSummary(holder, matrix, { caption, name, decimals: decimals(), selection: selectionFor(matrix) }).dataset.testid = testid;
    };
    if (op.before) table(op.before, `${op.resultName.replace(' after', '')} before`, 'op-before');
    for (const { key, caption, matrix } of op.tables ?? []) table(matrix, caption, `op-${key}`);
    table(op.result, op.resultName, 'op-result');
    $('step-back').disabled = index === 0;
    $('step-first').disabled = index === 0;
    $('step-next').disabled = index === ops.length - 1;
    $('step-end').disabled = index === ops.length - 1;
    renderDiagram(op);
    renderOpList(index);
  }

  function renderEditors() {
    const d = decimals();
    const editVector = (container, name, values, key) => {
      const matrix = { rows: values.length, cols: 1, data: values };
      renderMatrixSummary(container, matrix, {
        caption: name, decimals: d, name, selection: selectionFor(matrix),
        onEdit: (r, c, value) => {
          const next = Array.from(values);
          next[r] = value;
          store.set({ [key]: next, op: Math.min(stateNow.op, ops.length) });
        },
      });
    };
    editVector($('edit-input'), 'input x', Array.from(trace.input.data), 'input');
    editVector($('edit-target'), 'target y', Array.from(trace.target.data), 'target');
    $('edit-lr').value = String(trace.learningRate);
    renderOptimizerFields();
    const params = paramsBefore();
    const blocks = $('edit-params');
    blocks.replaceChildren();
    let offset = 0;
    for (const u of trace.updates) {
      const start = offset;
      const holder = document.createElement('div');
      holder.className = 'param-block';
      blocks.appendChild(holder);
      const L = u.layer + 1;
      // a large matrix states its shape in its summary line
      const shape = fitsWhole(u.before) ? ` (${u.before.rows}×${u.before.cols})` : '';
      renderMatrixSummary(holder, u.before, {
        caption: `${u.name} of layer ${L}${shape}`, decimals: d, name: `${u.name} of layer ${L}`, selection: selectionFor(u.before),
        onEdit: (r, c, value) => {
          const next = Array.from(params);
          next[start + r * u.before.cols + c] = value;
          store.set({ params: next });
        },
      });
      offset += u.before.rows * u.before.cols;
    }
  }

  /** The optimizer select and its coefficients' fields, with the values the core used. */
  function renderOptimizerFields() {
    const settings = trace.optimizerSettings;
    $('edit-optimizer').value = settings.name;
    const used = coefficientsOf(settings.name);
    $('edit-coefficients').replaceChildren(...used.map(({ key, text }) => {
      const label = document.createElement('label');
      label.className = 'lr';
      label.textContent = `${text} (${key})`;
      const input = document.createElement('input');
      input.type = 'text';
      input.inputMode = 'decimal';
      input.id = `edit-${key}`;
      input.value = String(settings[key]);
      input.setAttribute('aria-describedby', 'edit-coefficient-error');
      input.addEventListener('change', () => {
        const parsed = parseProperty(key, input.value.trim());
        if ('error' in parsed) {
          input.setAttribute('aria-invalid', 'true');
          $('edit-coefficient-error').textContent = `${text} (${key}): "${input.value.slice(0, 20)}" is not allowed; it must be ${parsed.error}`;
          return;
        }
        input.removeAttribute('aria-invalid');
        $('edit-coefficient-error').textContent = '';
        store.set({ [key]: parsed.value });
      });
      label.appendChild(input);
      return label;
    }));
    $('edit-coefficient-error').textContent = '';
  }

  async function render(state, recompute) {
    if (state.preset === 'train') {
      // the handed-over network travels in the link: a fresh page (or a pasted link) rebuilds it
      const why = useHandedOver(state);
      if (!STEP_PRESETS.train) {
        notice = `The Train lab's network could not be opened from this link: ${why}. Train it and press "Open in Step-through" again. Showing seed 001 instead.`;
        showError(notice);
        store.set({ preset: 'seed001', ...FRESH_RUN, lr: null, ...NO_HAND_OVER });
        return;
      }
    }
    if (state.optimizer && isFullBatch(state.optimizer)) {
      // a full-batch optimizer (lbfgs) takes one iteration on the whole training set: no step to trace
      notice = `The optimizer "${state.optimizer}" in this link works on the whole training set, one iteration per epoch: it has no single mini-batch step to show here (choose it in the Train lab). Showing the preset's optimizer instead.`;
      showError(notice);
      store.set({ optimizer: null, ...FRESH_RUN });
      return;
    }
    stateNow = state;
    $('step-preset').value = state.preset;
    $('step-decimals').value = String(state.decimals);
    const fresh = recompute || !trace;
    try {
      if (fresh) await compute(state);
    } catch (error) {
      showError(error.message);
      return;
    }
    renderOp(Math.min(state.op, ops.length) - 1);
    // the editors show the step's starting numbers: the same for every operation of the step
    if (fresh) {
      renderEditors();
      check.refresh();
    }
    root.dataset.ready = 'true';
  }

  /** Shows operation `index` (counted from 0 here; the link and the page count from 1). */
  const go = (index) => store.set({ op: Math.max(0, Math.min(ops.length - 1, index)) + 1 });
  const current = () => Math.min(stateNow.op, ops.length) - 1;
  // every number of the step shown, for the student's NumPy code (issue 18, item 5)
  $('step-npz').addEventListener('click', async () => {
    if (!trace) return;
    try {
      const bytes = await npzBytes(traceArrays(trace, network.spec));
      download(`backprop-lab-${stateNow.preset}-step${stateNow.sample + 1}.npz`, bytes, 'application/octet-stream');
    } catch (error) {
      showError(`The .npz could not be made: ${error.message}`);
    }
  });
  $('step-first').addEventListener('click', () => go(0));
  $('step-back').addEventListener('click', () => go(current() - 1));
  $('step-next').addEventListener('click', () => go(current() + 1));
  $('step-end').addEventListener('click', () => go(ops.length - 1));
  $('step-sample').addEventListener('click', () => {
    const after = traceParameters(trace, 'after');
    const { t, values } = trace.stateAfter;
    store.set({
      params: after, ostate: values.length ? Array.from(values) : null, ot: t,
      sample: stateNow.sample + 1, op: 1, input: null, target: null,
    });
  });
  $('step-preset').addEventListener('change', (event) => {
    notice = '';
    // another preset leaves the handed-over network (it stays in the menu, but not in the link)
    const leaving = event.target.value === 'train' ? {} : NO_HAND_OVER;
    store.set({ preset: event.target.value, ...FRESH_RUN, lr: null, ...leaving });
  });
  // another optimizer starts the run again from the preset's weights (its state would not fit)
  $('edit-optimizer').addEventListener('change', (event) => store.set({ optimizer: event.target.value, ...FRESH_RUN, op: stateNow.op }));
  $('step-decimals').addEventListener('change', (event) => store.set({ decimals: Number(event.target.value) }));
  $('edit-lr').addEventListener('change', (event) => {
    const parsed = parseProperty('lr', event.target.value.trim());
    if ('error' in parsed) {
      event.target.setAttribute('aria-invalid', 'true');
      $('edit-lr-error').textContent = `"${event.target.value.slice(0, 20)}" is not allowed: the learning rate η must be ${parsed.error}`;
      return;
    }
    const { value } = parsed;
    event.target.removeAttribute('aria-invalid');
    $('edit-lr-error').textContent = '';
    store.set({ lr: value });
  });
  $('edit-reset').addEventListener('click', () => store.set({ ...FRESH_RUN, lr: null }));

  /**
   * Makes `preset` ({title, note, spec, parameters, samples, learningRate}) the 'train' preset; a
   * network it built before is replaced. `notInLink`: why a link cannot carry it (null when it can).
   */
  function loadExternal(preset, notInLink = null) {
    const note = notInLink
      ? `${preset.note} This network is not in the page's link (${notInLink}): a fresh page opened from the link shows seed 001. Export the model (JSON) in the Train lab to share it.`
      : preset.note;
    STEP_PRESETS.train = { ...preset, note };
    trainOption.textContent = preset.title;
    trainOption.disabled = false;
    if (networkPreset === 'train') networkPreset = null;
    handedFrom = null;
    trace = null;
  }

  /**
   * Makes the network the link's {hnet, hw, hx, hy} describe the 'train' preset, unless it is the
   * one shown already; returns why the link's network cannot be used ('' when it can or is absent).
   */
  function useHandedOver(state) {
    if (!state.hnet) return STEP_PRESETS.train ? '' : 'the link does not hold the network';
    const same = (a, b) => a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i]));
    if (handedFrom && HAND_OVER_KEYS.every((k) => same(handedFrom[k], state[k]))) return '';
    const built = handedPreset(state, (spec) => lab.specParameterCount(spec));
    if ('error' in built) return built.error;
    loadExternal(built.preset);
    handedFrom = Object.fromEntries(HAND_OVER_KEYS.map((k) => [k, state[k]]));
    return '';
  }

  const COMPUTE_KEYS = ['preset', 'params', 'input', 'target', 'lr', 'sample', 'decimals', 'optimizer',
    'momentum', 'rho', 'beta1', 'beta2', 'eps', 'ostate', 'ot', ...HAND_OVER_KEYS];
  return {
    loadExternal,
    show(state) { return render(state, true); },
    update(state, changes) { return render(state, COMPUTE_KEYS.some((k) => k in changes)); },
    onKey(event) {
      const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
      if (event.key in moves) go(current() + moves[event.key]);
      else if (event.key === 'Home') go(0);
      else if (event.key === 'End') go(ops.length - 1);
      else return;
      event.preventDefault();
    },
  };
}
