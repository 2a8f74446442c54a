// The Train lab's "Why it learns or not" card (issue 17): the core's explanations of the run's
// per-layer statistics, the gradient norm of every layer per epoch on a log axis (vanishing and
// exploding gradients at a glance), a table of the last record, and each layer's activations.
import { createLineChart } from '../ui/line-chart.js';
import { drawHistogram } from '../ui/histogram.js';
import { renderWeightTiles } from '../ui/weight-tiles.js';
import { classColor } from '../ui/palette.js';
import { MISSING, formatSignificant } from '../ui/format.js';
import { createLandscapeSection } from './train-landscape.js';

const percent = (fraction) => (Number.isFinite(fraction) ? `${Math.round(100 * fraction)}%` : MISSING);
const scientific = (value) => (Number.isFinite(value) ? formatSignificant(value, 3) : MISSING);

/**
 * Builds the card in `holder`, with the loss landscape's part (`landscape`: its {compute, cancel},
 * train-landscape.js) at its end. Returns {start(ready), show(records, diagnoses), showLayers(records,
 * weights), clear()}: start names the layers of a new run (its ready message), show draws the
 * statistics records received so far ([{epoch, layers}], engine.js Trainer.layerStatsSince), the
 * last record's explanations and table, showLayers the histograms and the first layer's weights.
 */
export function createDiagnosticsCard(holder, { landscape }) {
  holder.innerHTML = `
    <section class="card diagnostics-card" aria-labelledby="td-title">
      <h2 id="td-title" class="card-title">Why it learns or not</h2>
      <p class="view-note">The core records every layer once an epoch, on the epoch's last full mini-batch: the norms of its weights W and of their gradient ∂L/∂W, how much a step changes W, and how many of its units are dead (ReLU: z ≤ 0 for every input), saturated (sigmoid, tanh: f′(z) ≈ 0 for every input) or identical to another unit.</p>
      <ul class="diagnoses" id="td-diagnoses" data-testid="diagnoses" aria-live="polite"></ul>
      <h3>Gradient norm per layer</h3>
      <p class="chart-note">‖∂L/∂W‖ of each layer on a log axis: lines far apart mean the layers learn at very different speeds (a gradient that vanishes or explodes on its way back).</p>
      <div class="chart-frame"><canvas id="td-gradients" role="img" aria-label="Gradient norm of each layer per epoch"></canvas></div>
      <h3>Every layer at the last record</h3>
      <p class="chart-note" id="td-table-note"></p>
      <div class="table-scroll" id="td-table" data-testid="layer-stats"></div>
      <h3>Activations f(z) of each layer</h3>
      <label class="field inline epoch-choice" for="td-epoch"><span>At the record of epoch</span>
        <input type="range" id="td-epoch" min="0" max="0" step="1" value="0" aria-describedby="td-histograms-note">
        <output id="td-epoch-text" for="td-epoch"></output></label>
      <p class="chart-note" id="td-histograms-note"></p>
      <div class="histograms" id="td-histograms"></div>
      <div id="td-weights-block" hidden>
        <h3>The first layer's weights as images</h3>
        <p class="chart-note" id="td-weights-note"></p>
        <div id="td-weights" data-testid="weight-images"></div>
      </div>
      <div id="td-landscape" data-testid="landscape"></div>
    </section>`;
  const $ = (id) => holder.querySelector(`#${id}`);
  const landscapeSection = createLandscapeSection($('td-landscape'), landscape);
  let chart = null;
  let names = [];
  let shown = []; // the records drawn last
  let follow = true; // the histograms follow the latest record until the slider picks an older one

  function say(items) {
    $('td-diagnoses').replaceChildren(...items.map(({ text, kind }) => {
      const li = document.createElement('li');
      li.textContent = text;
      li.dataset.kind = kind;
      return li;
    }));
  }

  function table(record) {
    const head = ['layer', '‖W‖', '‖∂L/∂W‖', '‖ΔW‖/‖W‖', 'dead', 'saturated', 'identical'];
    const rows = record.layers.map((l, i) => [names[i], scientific(l.weightNorm), scientific(l.gradientNorm), scientific(l.updateRatio), percent(l.deadFraction), percent(l.saturatedFraction), percent(l.identicalFraction)]);
    const t = document.createElement('table');
    t.className = 'stats-table';
    t.setAttribute('aria-describedby', 'td-table-note');
    const tr = t.createTHead().insertRow();
    for (const h of head) tr.append(Object.assign(document.createElement('th'), { textContent: h, scope: 'col' }));
    const body = t.createTBody();
    for (const row of rows) {
      const r = body.insertRow();
      row.forEach((cell, k) => { const c = k === 0 ? Object.assign(document.createElement('th'), { scope: 'row' }) : document.createElement('td'); c.textContent = cell; r.append(c); });
    }
    $('td-table').replaceChildren(t);
    $('td-table-note').textContent = `Epoch ${record.epoch}, its last full mini-batch: ‖ΔW‖/‖W‖ is how much one step changed the weights; — where a column does not apply to the layer's activation.`;
  }

  /** Draws each layer's histogram of `record`, into the canvases drawn last when the layers are the same. */
  function histograms(record) {
    $('td-epoch-text').textContent = String(record.epoch);
    $('td-histograms-note').textContent = `At epoch ${record.epoch}: how the units' outputs f(z) of that epoch's last full mini-batch spread, from the smallest (left) to the largest (right). A spike at 0 (ReLU) or at 0 and 1 (sigmoid) means units that are off or saturated. Move the slider to see them change over the epochs.`;
    let canvases = [...$('td-histograms').querySelectorAll('canvas')];
    if (canvases.length !== record.layers.length) {
      $('td-histograms').replaceChildren(...record.layers.map((_, i) => {
        const figure = document.createElement('figure');
        const caption = document.createElement('figcaption');
        caption.textContent = names[i];
        const canvas = document.createElement('canvas');
        canvas.setAttribute('role', 'img');
        figure.append(caption, canvas);
        return figure;
      }));
      canvases = [...$('td-histograms').querySelectorAll('canvas')];
    }
    record.layers.forEach((l, i) => {
      canvases[i].setAttribute('aria-label', `Histogram of ${names[i]}'s f(z) at epoch ${record.epoch}, from ${l.a.lo} to ${l.a.hi}`);
      drawHistogram(canvases[i], { ...l.a, color: classColor(i) });
    });
  }

  $('td-epoch').addEventListener('input', () => {
    const slider = /** @type {HTMLInputElement} */ ($('td-epoch'));
    follow = slider.value === slider.max;
    if (shown.length) histograms(shown[Number(slider.value)]);
  });

  return {
    start(ready) {
      names = ready.spec.layers.map((l, i) => `layer ${i + 1} (${l.units} ${l.activation})`);
      chart?.destroy();
      chart = createLineChart($('td-gradients'), { xLabel: 'epoch', yLabel: '‖∂L/∂W‖', logY: true, integerX: true, showPoints: true });
      this.clear(ready.settings?.optimizer?.name === 'lbfgs'
        ? 'L-BFGS takes no mini-batch steps: it records no per-layer statistics. Choose another optimizer to see them.'
        : 'Train to see the statistics: they are recorded once an epoch.');
      landscapeSection.start();
    },
    clear(text = 'Train to see the statistics: they are recorded once an epoch.') {
      say([{ text, kind: 'none' }]);
      shown = [];
      follow = true;
      Object.assign($('td-epoch'), { max: '0', value: '0', disabled: true });
      $('td-epoch-text').textContent = '';
      chart?.setSeries([]);
      $('td-table').replaceChildren();
      $('td-table-note').textContent = '';
      $('td-histograms').replaceChildren();
      $('td-histograms-note').textContent = '';
      $('td-weights-block').hidden = true;
    },
    /**
     * The layers' histograms (at the slider's record, the last one unless an older one is picked)
     * and the first layer's weights of an image dataset ({width, height, count, units, values}, or null).
     */
    showLayers(records, weights) {
      if (!records.length) return;
      shown = records;
      const slider = /** @type {HTMLInputElement} */ ($('td-epoch'));
      slider.max = String(records.length - 1);
      slider.disabled = records.length < 2;
      if (follow) slider.value = slider.max;
      histograms(records[Number(slider.value)]);
      const epoch = records.at(-1).epoch;
      $('td-weights-block').hidden = !weights;
      if (!weights) return;
      $('td-weights-note').textContent = `Epoch ${epoch}: each unit's weights on the ${weights.width} × ${weights.height} pixels, red where ink (a high pixel value) raises the unit's z and blue where it lowers it, each image scaled to its own largest weight${weights.count < weights.units ? ` (the first ${weights.count} of ${weights.units} units)` : ''}. Random speckle is where a unit started: a pixel that is 0 in every image (the border) gives its weights no gradient, so they keep their start; what a unit has learned shows as strokes in the middle.`;
      renderWeightTiles($('td-weights'), { ...weights, label: (i) => `unit ${i + 1}` });
    },
    show(records, diagnoses) {
      const last = records.at(-1);
      if (!last) return;
      say(diagnoses);
      // short names: five long ones would take the chart's height at 390 px (the table has the widths)
      chart?.setSeries(last.layers.map((_, i) => ({
        label: `layer ${i + 1}`,
        color: classColor(i),
        points: records.map((r) => ({ x: r.epoch, y: r.layers[i].gradientNorm })),
      })));
      table(last);
    },
  };
}
