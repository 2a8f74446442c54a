// The "Loss around the weights" part of the Train lab's diagnostics (issue 17, item 5): the student
// picks a plane and a resolution, the worker computes the loss there (cancellable, with progress),
// and it is drawn as three lines through the weights and a contour map with the training path.
import { LANDSCAPE } from '../engine/landscape-job.js';
import { createLineChart } from '../ui/line-chart.js';
import { drawContourMap, valueScale } from '../ui/contour-map.js';
import { classColor } from '../ui/palette.js';
import { formatApart, formatSignificant } from '../ui/format.js';

const number = (value) => formatSignificant(value, 3);
/** Two losses with as many significant digits as it takes to tell them apart. */
const apart = (a, b) => formatApart([a, b]);
const percent = (share) => `${Math.round(100 * share)}%`;
/** A plane whose loss varies by less than this share of its largest value is called a plateau. */
const PLATEAU = 0.01;
const LINES = [
  { key: 'gradient', label: 'the gradient’s direction −g' },
  { key: 'random1', label: 'random direction 1' },
  { key: 'random2', label: 'random direction 2' },
];

/** Where along `values` (at `alphas`) the loss is smallest: {alpha, value}. */
function lowest(alphas, values) {
  let best = 0;
  values.forEach((v, k) => { if (v < values[best]) best = k; });
  return { alpha: alphas[best], value: values[best] };
}

/**
 * Sentences about the lines at the points computed: where a line is lower than at the weights
 * (a step that long would lower the loss), or that the weights are the lowest point of all three.
 */
export function describeLines(result) {
  const { lines, loss, span } = result;
  const spacing = lines.alphas[1] - lines.alphas[0];
  // lower by more than rounding: a flat line is no way down
  const lower = LINES.map(({ key, label }) => ({ label, ...lowest(lines.alphas, lines[key]) })).filter((l) => l.value < loss * (1 - 1e-9));
  if (!lower.length) {
    return `At the points computed (α from −${number(span)} to ${number(span)}, ${number(spacing)} apart) the weights are the lowest point of all three lines: they sit at the bottom of a valley in these directions. Choose a smaller reach to look closer.`;
  }
  return lower.map(({ label, alpha, value }) => {
    const [from, to] = apart(loss, value);
    return `Along ${label} the loss falls from ${from} to ${to} at α = ${number(alpha)}: a step that long would lower it.`;
  }).join(' ');
}

/** The loss at the grid point nearest to (x, y) on the plane. */
function lossNear({ surface }, x, y) {
  const nearest = (values, v) => values.reduce((best, u, k) => (Math.abs(u - v) < Math.abs(values[best] - v) ? k : best), 0);
  return surface.values[nearest(surface.betas, y) * surface.alphas.length + nearest(surface.alphas, x)];
}

/** Whether the path went downhill on the plane: the loss near its start against the loss at the weights. */
function startToEnd(result) {
  const start = lossNear(result, result.path.x[0], result.path.y[0]);
  const [from, to] = apart(start, result.loss);
  return start > result.loss
    ? `The loss falls from about ${from} at the start to ${to} at the weights: the path runs downhill across the contour lines.`
    : `The loss is about ${from} at the start and ${to} at the weights: training has not lowered it on this plane.`;
}

/**
 * Builds the part in `holder`. `compute(options, onProgress)` asks the worker (TrainingClient.landscape;
 * it pauses a running run first) and resolves with the result or {cancelled, reason}; `cancel()` stops it.
 * Returns {start(ready), clear()}: a new run clears what was drawn.
 */
export function createLandscapeSection(holder, { compute, cancel }) {
  holder.innerHTML = `
    <h3 id="tl-title">The loss around the weights</h3>
    <p class="chart-note">The training loss on up to ${LANDSCAPE.samples.toLocaleString('en')} training samples, at the weights θ moved to θ + α d (a line) and θ + α d₁ + β d₂ (a plane). A random direction is scaled unit by unit to the length of that unit's weights (Li et al., 2018), so α = 1 moves every unit by as much as its weights are long. The gradient's direction is −∂L/∂θ scaled the same way.</p>
    <div class="landscape-controls" role="group" aria-labelledby="tl-title">
      <label class="field" for="tl-plane"><span>Plane</span>
        <select id="tl-plane">${LANDSCAPE.planes.map((p) => `<option value="${p.value}"${p.value === LANDSCAPE.plane ? ' selected' : ''}>${p.label}</option>`).join('')}</select></label>
      <label class="field" for="tl-span"><span>Reach of the lines and of a random plane</span>
        <select id="tl-span">${LANDSCAPE.spans.map((v) => `<option value="${v}"${v === LANDSCAPE.span ? ' selected' : ''}>α from −${v} to ${v}</option>`).join('')}</select></label>
      <label class="field" for="tl-resolution"><span>Points per side</span>
        <select id="tl-resolution">${LANDSCAPE.resolutions.map((r) => `<option value="${r}"${r === LANDSCAPE.resolution ? ' selected' : ''}>${r} × ${r}</option>`).join('')}</select></label>
      <button type="button" id="tl-compute" data-testid="landscape-compute" disabled>Compute at the current weights</button>
      <button type="button" id="tl-cancel" data-testid="landscape-cancel" hidden>Cancel</button>
      <progress id="tl-progress" max="1" value="0" hidden aria-label="Loss landscape computed"></progress>
    </div>
    <p class="chart-note" id="tl-status" data-testid="landscape-status" aria-live="polite">Train a few epochs, then compute the loss around the weights (training pauses while it is computed).</p>
    <div id="tl-views" class="landscape-views" hidden>
      <figure class="landscape-figure">
        <figcaption id="tl-lines-caption">The loss along three lines through the weights (α = 0)</figcaption>
        <div class="chart-frame"><canvas id="tl-lines" role="img" aria-label="The loss along the gradient's direction and two random directions"></canvas></div>
        <p class="chart-note" id="tl-lines-note" data-testid="landscape-lines"></p>
      </figure>
      <figure class="landscape-figure">
        <figcaption id="tl-plane-caption"></figcaption>
        <div class="contour-frame"><canvas id="tl-map" role="img" data-testid="landscape-map"></canvas></div>
        <p class="chart-note" id="tl-plane-note" data-testid="landscape-plane"></p>
      </figure>
    </div>`;
  const $ = (id) => holder.querySelector(`#${id}`);
  const controls = {
    plane: /** @type {HTMLSelectElement} */ ($('tl-plane')),
    resolution: /** @type {HTMLSelectElement} */ ($('tl-resolution')),
    span: /** @type {HTMLSelectElement} */ ($('tl-span')),
    compute: /** @type {HTMLButtonElement} */ ($('tl-compute')),
    cancel: /** @type {HTMLButtonElement} */ ($('tl-cancel')),
    progress: /** @type {HTMLProgressElement} */ ($('tl-progress')),
  };
  let chart = null;
  let generation = 0; // a new run makes every answer still on its way stale
  let shown = null; // the result drawn, redrawn when the width changes

  const status = (text) => { $('tl-status').textContent = text; };
  const busy = (on) => {
    controls.compute.disabled = on;
    controls.cancel.hidden = !on;
    controls.progress.hidden = !on;
    if (!on) controls.progress.value = 0;
  };

  function drawMap(result) {
    const { surface, path, plane } = result;
    const onPath = plane === 'path';
    drawContourMap(/** @type {HTMLCanvasElement} */ ($('tl-map')), {
      xs: surface.alphas,
      ys: surface.betas,
      values: surface.values,
      xLabel: onPath ? 'α along d₁ (the path’s first direction)' : 'α along random direction 1',
      yLabel: onPath ? 'β along d₂' : 'β along random direction 2',
      keyLabel: 'loss',
      path,
      here: [0, 0],
    });
  }

  function show(result) {
    shown = result;
    $('tl-views').hidden = false;
    chart ??= createLineChart(/** @type {HTMLCanvasElement} */ ($('tl-lines')), { xLabel: 'α', yLabel: 'loss (log axis)', logY: true, showPoints: false });
    chart.setSeries(LINES.map(({ key, label }, i) => ({
      label,
      color: classColor(i),
      points: Array.from(result.lines.alphas, (x, k) => ({ x, y: result.lines[key][k] })),
    })));
    $('tl-lines-note').textContent = describeLines(result);
    const onPath = result.plane === 'path';
    $('tl-plane-caption').textContent = onPath
      ? 'The loss on the plane that holds the training path best, with the path from its start to the weights (×)'
      : 'The loss on the plane of two random directions, with the training path projected onto it and the weights (×)';
    // the smallest and largest finite loss on the plane, as the map's colours span them
    const { lo, hi } = valueScale(result.surface.values);
    $('tl-map').setAttribute('aria-label', `Contour map of the loss on a ${result.resolution} × ${result.resolution} grid, from ${number(lo)} to ${number(hi)}`);
    const epochs = result.path.epochs;
    const pathText = epochs.length > 1
      ? `The path joins the weights at epochs ${epochs[0]}, ${epochs[1]}${epochs.length > 2 ? `, …, ${epochs.at(-1)}` : ''}${epochs.at(-1) !== result.epoch || result.batch ? ' and the weights now' : ''}.`
      : 'The run has no recorded path yet.';
    // a plateau: the loss hardly changes anywhere on the plane (zero initialisation's ln 10, for one)
    const plateau = hi - lo < PLATEAU * hi
      ? ` The loss changes by only ${formatSignificant((100 * (hi - lo)) / hi, 2)}% over this whole plane, from ${apart(lo, hi).join(' to ')}: the weights are on a plateau, where every direction is almost flat and the gradient too small to lead anywhere.`
      : '';
    $('tl-plane-note').textContent = (onPath
      ? `d₁ and d₂ are the two principal directions of the path's steps from the weights: they hold ${percent(result.explained[0])} and ${percent(result.explained[1])} of its squared distance from the weights. ${pathText} ${startToEnd(result)} Colours are on a log scale when the losses span more than a factor of 10.`
      : `Random directions are almost at right angles to the path in a space of this many weights, so its projection stays close to the weights: choose "${LANDSCAPE.planes[1].label}" to see the way it came. ${pathText}`) + plateau;
    drawMap(result);
  }

  controls.compute.addEventListener('click', async () => {
    const mine = generation;
    busy(true);
    const resolution = Number(controls.resolution.value);
    status(`Computing the loss at ${(3 + resolution) * resolution} points…`);
    try {
      const result = await compute({ plane: controls.plane.value, resolution, span: Number(controls.span.value) }, ({ done, total }) => {
        if (mine !== generation) return;
        controls.progress.value = done / total;
        status(`Computing the loss: ${done} of ${total} points…`);
      });
      if (mine !== generation) return;
      if (result.cancelled) {
        status(`Stopped: ${result.reason}. What was drawn before stays.`);
      } else {
        const measured = result.samples === result.trainSamples
          ? `all ${result.samples.toLocaleString('en')} training samples`
          : `${result.samples.toLocaleString('en')} of the ${result.trainSamples.toLocaleString('en')} training samples, evenly spaced`;
        const when = result.batch ? `After ${result.epoch} epochs and ${result.batch} mini-batches` : `At epoch ${result.epoch}`;
        status(`${when}: the loss at the weights is ${number(result.loss)}, measured on ${measured}.`);
        show(result);
      }
    } catch (error) {
      if (mine === generation) status(`${error.message.replace(/^\[Landscape\] /, 'Cannot compute it: ')}.`);
    } finally {
      if (mine === generation) busy(false);
    }
  });
  controls.cancel.addEventListener('click', () => cancel());
  // redrawn when the width it fills changes (a rotated tablet, a narrower window)
  let drawnWidth = 0;
  new ResizeObserver(() => {
    const width = $('tl-views').clientWidth;
    if (width === drawnWidth) return;
    drawnWidth = width;
    if (shown) drawMap(shown);
  }).observe($('tl-views'));

  return {
    /** A new run: nothing drawn yet; computing is possible once it is set up. */
    start() {
      this.clear();
      controls.compute.disabled = false;
    },
    clear() {
      generation += 1;
      shown = null;
      busy(false);
      controls.compute.disabled = true;
      $('tl-views').hidden = true;
      chart?.setSeries([]);
      status('Train a few epochs, then compute the loss around the weights (training pauses while it is computed).');
    },
  };
}
