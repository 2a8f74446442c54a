// The Gradient-test lab (seed 000): the zero- and first-order errors against k of a network's loss,
// one layer's transposed Jacobian or softmax regression, the entry-by-entry check and the diagram.
// Every number comes from the engine; one it could not compute reads "—" beside its reason.
import { parseProperty, properties } from '../state.js';
import { drawDiagram } from '../ui/diagram.js';
import { createErrorChart } from '../ui/error-chart.js';
import { MISSING, formatNumber, formatScientific, fullNumber } from '../ui/format.js';
import { renderTex } from '../ui/tex.js';
import { NETWORKS, SAMPLES, SOFTMAX_PROBLEM, TARGETS, TOLERANCE, networkSpec, wrtChoices } from './gradient-presets.js';
import { ENTRIES_HTML, createEntriesTable, entryName } from './gradient-entries.js';
import { layerNumber } from './layer-numbers.js';
import { download } from '../ui/download.js';
import { npzBytes, traceArrays } from '../numpy/trace-npz.js';
import { stepWithMistakes, tracedStep } from '../numpy/step-variants.js';
import { createCheckCard } from '../step/step-check.js';

/** The typed settings: [state property, input id, name in messages]. */
const NUMBER_INPUTS = [['eps0', 'g-eps0', 'ε₀'], ['K', 'g-K', 'K'], ['gseed', 'g-seed', 'The seed']];

const VERDICTS = {
  pass: { icon: '✓', word: 'Pass' },
  fail: { icon: '✗', word: 'Fail' },
  inconclusive: { icon: '?', word: 'Inconclusive' },
};

/**
 * The two fitted slopes as shown: fitted (a number?), text ("2.01" or "—"), aside (what to expect,
 * or why there is none) and phrase (for a sentence).
 */
function slopesOf(result) {
  return [
    ['zero-order', result.zeroOrderSlope, result.zeroOrderSlopeNote, 'expected 1'],
    ['first-order', result.firstOrderSlope, result.firstOrderSlopeNote, 'expected 2 when the gradient is right'],
  ].map(([name, value, note, expected]) => (Number.isFinite(value)
    ? { fitted: true, text: formatNumber(value, 2), aside: expected, phrase: `${name} error falls with fitted slope ${formatNumber(value, 2)}` }
    : { fitted: false, text: MISSING, aside: note, phrase: `${name} error has no fitted slope: ${note}` }));
}

/** What the chart's dashed guides are: one per series with a fitted slope. */
function guidesSentence(zero, first) {
  if (zero && first) return 'Dashed lines: slopes 1 and 2 through each series’ first point.';
  const none = 'no slope, so no dashed line is drawn for it';
  if (zero) return `Dashed line: slope 1 through the zero-order error’s first point; the first-order error has ${none}.`;
  if (first) return `Dashed line: slope 2 through the first-order error’s first point; the zero-order error has ${none}.`;
  return 'Neither error has a slope, so no dashed lines are drawn.';
}

const property = (name) => properties().find((p) => p.name === name);
const readable = (name) => name.replace(/_/g, ' ');

/** A one-line name of the layer at index `i`, numbered from 1: "2 · residual relu (6→6)" for i = 1. */
function layerName(layer, i) {
  return `${layerNumber(i)} · ${layer.type} ${readable(layer.activation)} (${layer.inputSize}→${layer.outputSize})`;
}

const TEMPLATE = `
<div class="glab">
  <div class="glab-top">
    <section class="card glab-settings" aria-labelledby="g-settings-title">
      <h2 id="g-settings-title">Settings</h2>
      <div class="glab-fields">
        <fieldset class="field choices" id="g-target"><legend>Test</legend></fieldset>
        <fieldset class="field choices" id="g-net"><legend>Network</legend></fieldset>
        <div class="field" id="g-layer-field"><label for="g-layer">Layer</label><select id="g-layer"></select></div>
        <div class="field"><label for="g-wrt">With respect to</label><select id="g-wrt"></select></div>
        <div class="field">
          <label for="g-eps0">First step ε₀</label>
          <input id="g-eps0" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" aria-describedby="g-eps0-help g-eps0-error">
          <p class="help" id="g-eps0-help">ε halves at each step k</p>
          <p class="field-error" id="g-eps0-error" hidden></p>
        </div>
        <div class="field">
          <label for="g-K">Number of steps K</label>
          <input id="g-K" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" aria-describedby="g-K-help g-K-error">
          <p class="help" id="g-K-help">k = 0 … K − 1</p>
          <p class="field-error" id="g-K-error" hidden></p>
        </div>
        <div class="field">
          <label for="g-seed">Seed</label>
          <div class="with-button">
            <input id="g-seed" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" aria-describedby="g-seed-help g-seed-error">
            <button type="button" id="g-next-seed" aria-label="Next seed" aria-keyshortcuts="n" title="Next seed (key N)">Next</button>
          </div>
          <p class="help" id="g-seed-help">weights, data and direction d</p>
          <p class="field-error" id="g-seed-error" hidden></p>
        </div>
        <div class="field field-bug" id="g-bug-field">
          <label for="g-bug">Broken derivative</label>
          <select id="g-bug" aria-describedby="g-bug-description"></select>
          <p class="help" id="g-bug-description"></p>
        </div>
      </div>
    </section>

    <section class="glab-results" aria-label="Result of the gradient test">
      <div class="card glab-verdict" id="g-verdict" role="status" aria-live="polite">
        <p class="verdict-word" data-testid="gradient-verdict" id="g-verdict-word"></p>
        <div class="verdict-text">
          <p class="verdict-target" id="g-target-text"></p>
          <p class="verdict-explanation" id="g-explanation"></p>
          <p class="verdict-bug" id="g-verdict-bug" hidden></p>
        </div>
      </div>
      <p class="glab-run-error" id="g-run-error" role="alert" hidden></p>
      <figure class="card glab-chart">
        <div class="chart-box"><canvas id="g-chart" role="img" aria-label="Chart of the gradient test"></canvas></div>
        <figcaption>
          <p class="slopes">Fitted slopes (points above the floor):
            zero-order <strong data-testid="zero-order-slope" id="g-slope0"></strong> (<span id="g-slope0-note"></span>),
            first-order <strong data-testid="first-order-slope" id="g-slope1"></strong> (<span id="g-slope1-note"></span>).</p>
          <p class="formulas">Zero-order error <span id="g-tex-zero"></span>, first-order error <span id="g-tex-first"></span>,
            where d is a random direction and g the gradient being tested. <span id="g-guides"></span></p>
        </figcaption>
      </figure>
      <details class="card glab-per-k">
        <summary>Numbers for each k</summary>
        <div id="g-per-k"></div>
      </details>
    </section>
  </div>

  <div class="glab-bottom">
    <section class="card glab-diagram" aria-labelledby="g-diagram-title">
      <h2 id="g-diagram-title">The network</h2>
      <p class="help" id="g-diagram-note"></p>
      <svg class="diagram" id="g-diagram"></svg>
      <p class="selection" id="g-selection" aria-live="polite"></p>
      <p class="help"><button type="button" id="g-npz" data-testid="g-npz">Download this step for NumPy (.npz)</button>
        one plain SGD step of this network on its batch of ${SAMPLES} samples, every number of it as NumPy arrays with a README; compare your own code's below.</p>
    </section>
${ENTRIES_HTML}
  </div>
  <div id="g-check-holder"></div>
</div>`;

/** Creates the lab in `root`; returns {show(state), update(state, changes), onKey(event)}. */
export function createGradientLab(root, { lab, store }) {
  root.innerHTML = TEMPLATE;
  const $ = (id) => root.querySelector(`#${id}`);
  const panel = root.querySelector('.glab');

  let model = null;           // {key, net, data, inputs, targets, layers} of the chosen network and seed
  let chart = null;
  let shown = null;           // the last result shown: {settings, result, check}
  let selectedEntry = null;   // the index of the entry picked in the table
  const entries = createEntriesTable(root, { onPick: selectEntry });
  // one SGD step of the network on its batch (the schema's default η), for NumPy: its weights stay as they are
  const step = () => model && { params: model.net.getParameters(), input: model.inputs, target: model.targets };
  const check = createCheckCard($('g-check-holder'), { prefix: 'g-check-', step: () => (model ? stepWithMistakes(model.net, lab.derivativeBugs, step()) : null) });
  $('g-npz').addEventListener('click', async () => {
    if (!model) return;
    try {
      const { trace } = tracedStep(model.net, step());
      download(`backprop-lab-${store.state.gnet}-seed${store.state.gseed}-step.npz`, await npzBytes(traceArrays(trace, model.net.spec)), 'application/octet-stream');
    } catch (error) {
      showRunError(error);
    }
  });

  // ---- the network and its data --------------------------------------------------------------

  /** Builds (or reuses) the network and its batch for `gnet` and `gseed`, disposing old ones. */
  function modelFor(gnet, gseed) {
    const key = `${gnet}:${gseed}`;
    if (model?.key === key) return model;
    const net = lab.network(networkSpec(gnet, gseed));
    let data;
    try {
      data = lab.generate({ name: 'blobs', samples: SAMPLES, seed: gseed, classes: Math.max(2, net.outputSize), dimensions: net.inputSize });
    } catch (error) {
      net.dispose();
      throw error;
    }
    model?.net.dispose();
    model?.data.dispose();
    model = { key, net, data, inputs: data.features(), targets: net.targetsFor(data), layers: net.layers };
    selectedEntry = null;
    return model;
  }

  /** The settings actually used for `state`: the layer index kept in range, wrt one the target has. */
  function settingsFor(state) {
    const { layers } = modelFor(state.gnet, state.gseed);
    const layer = Math.min(state.glayer, layers.length - 1);
    const choices = wrtChoices(state.gtarget, layers[layer]);
    const wrt = choices.some(([value]) => value === state.wrt) ? state.wrt : 'all';
    return { ...state, glayer: layer, wrt, choices };
  }

  /** Merges `changes` into the state, keeping glayer and wrt valid for the new target and network. */
  function setValid(changes) {
    const next = { ...store.state, ...changes };
    const valid = settingsFor(next);
    const fixes = {};
    if (valid.glayer !== next.glayer) fixes.glayer = valid.glayer;
    if (valid.wrt !== next.wrt) fixes.wrt = valid.wrt;
    store.set({ ...changes, ...fixes });
  }

  // ---- running the test ----------------------------------------------------------------------

  function runTest(s) {
    const common = { epsilon0: s.eps0, iterations: s.K, seed: s.gseed, wrt: s.wrt, bug: s.bug };
    if (s.gtarget === 'softmax') return { result: lab.softmaxRegressionTest(SOFTMAX_PROBLEM, common), check: null };
    const { net, inputs, targets } = model;
    if (s.gtarget === 'layer') return { result: net.jacobianTest(s.glayer, { batch: SAMPLES, ...common }), check: null };
    return {
      result: net.gradientTest(inputs, targets, common),
      check: net.elementwiseCheck(inputs, targets, { maxEntries: 200, bug: s.bug, tolerance: TOLERANCE }),
    };
  }

  function render(state) {
    let settings;
    let outcome;
    try {
      settings = settingsFor(state);
      outcome = runTest(settings);
    } catch (error) {
      showRunError(error);
      return;
    }
    $('g-run-error').hidden = true;
    shown = { settings, ...outcome };
    syncControls(settings);
    renderVerdict(settings, outcome.result);
    renderChart(outcome.result);
    renderPerK(outcome.result);
    renderEntries(settings, outcome.check);
    renderDiagram(settings, outcome.check);
    check.refresh();
  }

  function showRunError(error) {
    const box = $('g-run-error');
    box.textContent = `The test could not run: ${error.message}. ${shown ? 'The last valid result is still shown.' : ''}`;
    box.hidden = false;
  }

  // ---- controls ------------------------------------------------------------------------------

  function fillSelect(select, pairs) {
    select.replaceChildren(...pairs.map(([value, label]) => new Option(label, value)));
  }

  /** Radio buttons named `name` in `fieldset`, one per [value, label]. */
  function fillRadios(fieldset, name, pairs) {
    for (const [value, label] of pairs) {
      const wrapper = document.createElement('label');
      wrapper.className = 'choice';
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = name;
      radio.value = value;
      wrapper.append(radio, ` ${label}`);
      fieldset.appendChild(wrapper);
    }
  }

  fillRadios($('g-target'), 'g-target', Object.entries(TARGETS));
  fillRadios($('g-net'), 'g-net', Object.entries(NETWORKS).map(([name, n]) => [name, n.label]));
  fillSelect($('g-bug'), lab.derivativeBugs.map((b) => [b.name, b.name === 'none' ? 'none' : readable(b.name)]));
  const decimals = property('decimals');
  fillSelect($('g-decimals'), Array.from({ length: decimals.max - decimals.min + 1 }, (_, i) => [String(i + decimals.min), String(i + decimals.min)]));

  $('g-target').addEventListener('change', (e) => setValid({ gtarget: e.target.value }));
  $('g-net').addEventListener('change', (e) => setValid({ gnet: e.target.value }));
  $('g-layer').addEventListener('change', (e) => setValid({ glayer: Number(e.target.value) }));
  $('g-wrt').addEventListener('change', (e) => store.set({ wrt: e.target.value }));
  $('g-bug').addEventListener('change', (e) => store.set({ bug: e.target.value }));
  $('g-decimals').addEventListener('change', (e) => store.set({ decimals: Number(e.target.value) }));
  $('g-next-seed').addEventListener('click', nextSeed);

  function nextSeed() {
    const { gseed } = store.state;
    setValid({ gseed: gseed < property('gseed').max ? gseed + 1 : 0 });
  }

  /** A typed number for state property `name`: checked against the state's range, with an inline message. */
  function bindNumberInput([name, id, what]) {
    const input = $(id);
    const message = $(`${id}-error`);
    input.addEventListener('change', () => {
      const text = input.value.trim().replace(/−/g, '-');
      const parsed = parseProperty(name, text);
      if ('error' in parsed) {
        input.setAttribute('aria-invalid', 'true');
        message.textContent = `${what} must be ${parsed.error}; “${input.value.slice(0, 20)}” is not. The result shown is still for ${store.state[name]}.`;
        message.hidden = false;
        return;
      }
      input.removeAttribute('aria-invalid');
      message.hidden = true;
      const { value } = parsed;
      if (value === store.state[name]) input.value = String(value);
      else setValid({ [name]: value });
    });
  }
  NUMBER_INPUTS.forEach(bindNumberInput);

  /** Shows the settings in use; a typed value still marked invalid is left for the user to fix. */
  function syncControls(s) {
    for (const [id, value] of [['g-target', s.gtarget], ['g-net', s.gnet]]) {
      for (const radio of $(id).querySelectorAll('input')) radio.checked = radio.value === value;
    }
    fillSelect($('g-layer'), model.layers.map((layer, i) => [String(i), layerName(layer, i)]));
    $('g-layer').value = String(s.glayer);
    fillSelect($('g-wrt'), s.choices);
    $('g-wrt').value = s.wrt;
    $('g-bug').value = s.bug;
    $('g-decimals').value = String(s.decimals);
    $('g-net').hidden = s.gtarget === 'softmax';
    $('g-layer-field').hidden = s.gtarget !== 'layer';
    for (const [name, id] of NUMBER_INPUTS) {
      const input = $(id);
      if (input.getAttribute('aria-invalid') !== 'true') input.value = String(s[name]);
    }
    const bug = lab.derivativeBugs.find((b) => b.name === s.bug);
    $('g-bug-description').textContent = s.bug === 'none'
      ? `${bug.description} Switch one on to see the test catch it.`
      : `${bug.description} A bug shows only where its derivative is used.`;
    $('g-bug-field').classList.toggle('bug-on', s.bug !== 'none');
  }

  // ---- verdict, chart and per-k table --------------------------------------------------------

  function renderVerdict(s, result) {
    const verdict = VERDICTS[result.verdict];
    $('g-verdict').dataset.verdict = result.verdict;
    $('g-verdict-word').textContent = `${verdict.icon} ${verdict.word}`;
    $('g-target-text').textContent = `Test of the ${result.target}`;
    $('g-explanation').textContent = result.explanation;
    const bug = lab.derivativeBugs.find((b) => b.name === s.bug);
    $('g-verdict-bug').hidden = s.bug === 'none';
    $('g-verdict-bug').textContent = `Broken derivative switched on: ${bug.description}`;
    slopesOf(result).forEach(({ text, aside }, i) => {
      $(`g-slope${i}`).textContent = text;
      $(`g-slope${i}-note`).textContent = aside;
    });
  }

  function chartColors() {
    const style = getComputedStyle(panel);
    const css = (name) => style.getPropertyValue(name).trim();
    return {
      ink: css('--ink'), muted: css('--muted'), grid: css('--line'), floor: css('--floor'),
      zero: css('--zero-order'), first: css('--first-order'), zeroGuide: css('--zero-order-guide'), firstGuide: css('--first-order-guide'),
    };
  }

  function renderChart(result) {
    const colors = chartColors();
    if (!chart && globalThis.Chart) {
      chart = createErrorChart($('g-chart'), {
        xTitle: 'k   (ε = ε₀ · 2⁻ᵏ)',
        yTitle: 'error',
        floorLabel: 'rounding floor (left out of the verdict)',
        xTooltip: (k) => `k = ${k}, ε = ${formatScientific(shown.result.epsilon[k])}`,
        colors,
      });
    }
    const k = Array.from(result.epsilon, (_, i) => i);
    const [zero, first] = slopesOf(result);
    chart?.update({
      x: k,
      series: [
        { label: `zero-order error (slope ${zero.text})`, values: result.zeroOrder, color: colors.zero, pointStyle: 'circle' },
        { label: `first-order error (slope ${first.text})`, values: result.firstOrder, color: colors.first, pointStyle: 'triangle' },
      ],
      references: [
        zero.fitted && { label: 'slope 1: error ∝ ε', slope: 1, anchor: { x: 0, y: result.zeroOrder[0] }, color: colors.zeroGuide },
        first.fitted && { label: 'slope 2: error ∝ ε²', slope: 2, anchor: { x: 0, y: result.firstOrder[0] }, color: colors.firstGuide },
      ].filter(Boolean),
      floorIndex: result.floorIndex < k.length ? result.floorIndex : null,
    });
    $('g-guides').textContent = guidesSentence(zero.fitted, first.fitted);
    const floor = result.floorIndex < k.length ? ` Points from k = ${result.floorIndex} on are at the rounding floor of double precision.` : '';
    $('g-chart').setAttribute('aria-label', `Log-scale chart of the errors against k for ε = ε₀ · 2 to the −k. `
      + `The ${zero.phrase}, and the ${first.phrase}; `
      + `verdict: ${VERDICTS[result.verdict].word.toLowerCase()}.${floor} The numbers are in the table “Numbers for each k”.`);
  }

  function renderPerK(result) {
    const table = document.createElement('table');
    table.className = 'per-k';
    table.createCaption().textContent = 'Errors for each k. A rate is log₂ of the error at k − 1 over the error at k: 1 for O(ε), 2 for O(ε²).'
      + (result.rateNote ? ` ${result.rateNote}` : '');
    const head = table.createTHead().insertRow();
    for (const title of ['k', 'ε', 'zero-order error', 'rate', 'first-order error', 'rate']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = title;
      head.appendChild(th);
    }
    const body = table.createTBody();
    result.epsilon.forEach((epsilon, k) => {
      const row = body.insertRow();
      const atFloor = result.atFloor[k];
      if (atFloor) row.classList.add('at-floor');
      const kCell = document.createElement('th');
      kCell.scope = 'row';
      kCell.textContent = atFloor ? `${k} (floor)` : String(k);
      row.appendChild(kCell);
      const cells = [
        epsilon,
        result.zeroOrder[k],
        k > 0 ? result.zeroOrderRate[k - 1] : null,
        result.firstOrder[k],
        k > 0 ? result.firstOrderRate[k - 1] : null,
      ];
      cells.forEach((value, i) => {
        const cell = row.insertCell();
        const isRate = i === 2 || i === 4;
        if (value === null) {
          cell.textContent = MISSING;
          cell.title = 'k = 0 has no error at k − 1 to compare with';
        } else if (isRate && !Number.isFinite(value)) {
          cell.textContent = MISSING;
          cell.title = result.rateNote;
        } else {
          cell.textContent = isRate ? formatNumber(value, 2) : formatScientific(value);
          cell.title = fullNumber(value);
        }
        if (i === 3) cell.dataset.testid = 'first-order-error';
      });
    });
    $('g-per-k').replaceChildren(table);
  }

  // ---- element-wise table --------------------------------------------------------------------

  const blockOf = (entry) => model.layers[entry.layer].blocks.find((b) => b.name === entry.block);

  function renderEntries(s, check) {
    entries.render(check, { decimals: s.decimals, selected: selectedEntry, layers: model.layers });
  }

  function selectEntry(index) {
    selectedEntry = selectedEntry === index ? null : index;
    renderEntries(shown.settings, shown.check);
    renderDiagram(shown.settings, shown.check);
    entries.focus(index);
  }
  // ---- diagram -------------------------------------------------------------------------------

  /** Columns and per-layer weight matrices (residual layers: W1) of the current network. */
  function diagramOfNetwork() {
    const parameters = model.net.getParameters();
    const columns = [{ label: 'input', size: model.net.inputSize }, ...model.layers.map((layer, i) => ({
      label: `L${layerNumber(i)} ${layer.activation === 'leaky_relu' ? 'leaky' : layer.activation}`, size: layer.outputSize, skip: layer.type === 'residual',
    }))];
    const weights = model.layers.map((layer) => {
      const w = layer.blocks[0];
      return { rows: w.rows, cols: w.cols, data: parameters.subarray(w.offset, w.offset + w.rows * w.cols) };
    });
    return { columns, weights };
  }

  /** The highlight for the picked entry and a sentence saying where it is. */
  function entryHighlight(entry) {
    const block = blockOf(entry);
    const column = entry.layer + 1;
    const name = entryName(entry, block);
    if (block === model.layers[entry.layer].blocks[0]) {
      const from = entry.layer === 0 ? `input ${entry.col}` : `unit ${entry.col} of layer ${layerNumber(entry.layer - 1)}`;
      return { highlight: { edge: { column, row: entry.row, col: entry.col } }, text: `${name}: the edge from ${from} to unit ${entry.row} of layer ${layerNumber(entry.layer)}` };
    }
    const where = block.isWeight ? `${entry.block} is not drawn (the diagram shows W1); its row’s unit ${entry.row}` : `the bias of unit ${entry.row}`;
    return { highlight: { node: { column, index: entry.row } }, text: `${name}: ${where} in layer ${layerNumber(entry.layer)} is highlighted` };
  }

  function renderDiagram(s, check) {
    const svg = $('g-diagram');
    if (s.gtarget === 'softmax') {
      $('g-diagram-title').textContent = 'Softmax regression';
      $('g-diagram-note').textContent = `${SOFTMAX_PROBLEM.features} features → ${SOFTMAX_PROBLEM.classes} classes, ${SOFTMAX_PROBLEM.samples} samples; the test draws its own data and weights, so edges are not coloured.`;
      drawDiagram(svg, {
        columns: [{ label: 'features', size: SOFTMAX_PROBLEM.features }, { label: 'softmax', size: SOFTMAX_PROBLEM.classes }],
        title: `Softmax regression: ${SOFTMAX_PROBLEM.features} features and ${SOFTMAX_PROBLEM.classes} classes`,
      });
      svg.classList.remove('has-pick');
      $('g-selection').textContent = '';
      return;
    }
    const { columns, weights } = diagramOfNetwork();
    $('g-diagram-title').textContent = NETWORKS[s.gnet].label;
    const sizes = columns.slice(1).map((c) => c.size).join(', ');
    let highlight = {};
    let selection = '';
    if (s.gtarget === 'layer') {
      highlight = { column: s.glayer + 1, edgesInto: s.glayer + 1 };
      selection = `Tested: layer ${layerName(model.layers[s.glayer], s.glayer)}, on ${SAMPLES} random inputs of its own.`;
    } else {
      const entry = check?.entries.find((e) => e.index === selectedEntry);
      if (entry) ({ highlight, text: selection } = entryHighlight(entry));
      else selection = 'Pick a row of the table to find its parameter here.';
    }
    const arcs = columns.some((c) => c.skip) ? ' Residual layers add their input back (dashed arc); their edges show W1.' : '';
    $('g-diagram-note').textContent = `Columns L1, L2, … are layers 1, 2, ….${arcs} Blue edges are positive weights, orange negative; thicker is larger. The loss is measured on ${SAMPLES} seeded samples of Gaussian blobs.`;
    drawDiagram(svg, {
      columns, weights, highlight,
      title: `Diagram of the ${NETWORKS[s.gnet].label}: ${columns[0].size} inputs, layers of ${sizes} units`,
    });
    svg.classList.toggle('has-pick', Boolean(highlight.edge || highlight.node));
    $('g-selection').textContent = selection;
  }

  renderTex($('g-tex-zero'), '|F(x + \\varepsilon d) - F(x)|', { inline: true });
  renderTex($('g-tex-first'), '|F(x + \\varepsilon d) - F(x) - \\varepsilon\\, d^\\top g|', { inline: true });

  return {
    show(state) { render(state); },
    update(state) { render(state); },
    onKey(event) {
      if (event.key === 'n' && !event.ctrlKey && !event.metaKey && !event.altKey) nextSeed();
    },
  };
}
