// A network handed from the Train lab to the Step-through lab, as it travels in a link: its spec
// and where it came from in one short text (`hnet`), its weights (`hw`) and the sample (`hx`, `hy`).
// A fresh page rebuilds the same preset from them, or says why it cannot.
import { parseProperty, properties } from '../state.js';

/** Separates the fields of `hnet`: a character links keep as it is. */
const SEP = '~';
const FIELDS = ['input', 'layers', 'loss', 'l2', 'learningRate', 'data', 'epochs', 'part', 'index', 'label'];

/** "d8_tanh" for a dense layer with biases, "d8_tanh_nobias" without, "r_tanh" for a residual block. */
function layerText(layer) {
  if (layer.type === 'residual') return `r_${layer.activation}`;
  return `d${layer.units}_${layer.activation}${layer.bias === false ? '_nobias' : ''}`;
}

function parseLayer(text) {
  const residual = /^r_([a-z_]+)$/.exec(text);
  if (residual) return { type: 'residual', activation: residual[1] };
  const dense = /^d(\d{1,5})_([a-z_]+?)(_nobias)?$/.exec(text);
  if (!dense) return null;
  const layer = { type: 'dense', units: Number(dense[1]), activation: dense[2] };
  if (dense[3]) layer.bias = false;
  return layer;
}

/** The title and note of a handed-over network, from where it came from. */
export function describeHandOver({ data, epochs, part, index, label, learningRate, arch }) {
  return {
    title: `The Train lab's network (${data}, ${arch})`,
    // `index` counts from 0 (the worker's); a person reads samples from 1
    note: `The network as trained in the Train lab after ${epochs} epochs, on sample ${index + 1} of the ${part} part`
      + `${label !== null ? ` (class ${label})` : ''}, with inputs scaled as the network sees them and η = ${learningRate}.`,
  };
}

/**
 * The link properties {hnet, hw, hx, hy} that carry a handed-over network, or {error} saying why a
 * link cannot carry it (the property table's limits, e.g. too many weights).
 */
export function handOverState({ spec, parameters, input, target, learningRate, about }) {
  const limit = (name) => properties().find((p) => p.name === name).maxLength;
  if (parameters.length > limit('hw')) {
    return { error: `the network has ${parameters.length.toLocaleString('en-US')} weights and a link carries at most ${limit('hw').toLocaleString('en-US')}` };
  }
  if (input.length > limit('hx') || target.length > limit('hy')) {
    return { error: `the sample has ${input.length.toLocaleString('en-US')} inputs and ${target.length} targets and a link carries at most ${limit('hx').toLocaleString('en-US')}` };
  }
  const fields = {
    input: spec.input, layers: spec.layers.map(layerText).join(','), loss: spec.loss, l2: spec.l2 ?? 0, learningRate,
    data: about.data, epochs: about.epochs, part: about.part, index: about.index, label: about.label ?? '',
  };
  const hnet = FIELDS.map((f) => String(fields[f])).join(SEP);
  const parsed = parseProperty('hnet', hnet);
  if ('error' in parsed) return { error: `its description "${hnet.slice(0, 60)}" is not ${parsed.error}` };
  return { hnet, hw: Array.from(parameters), hx: Array.from(input), hy: Array.from(target) };
}

/**
 * The Step-through preset a link's {hnet, hw, hx, hy} describe: {preset} or {error}. The spec is
 * checked by the core (`countParameters(spec)`, which throws with the field named) and must have
 * exactly as many weights as the link holds.
 */
export function handedPreset(state, countParameters) {
  if (!state.hnet || !state.hw || !state.hx || !state.hy) {
    return { error: 'the link does not hold the network (it needs hnet, hw, hx and hy)' };
  }
  const parts = state.hnet.split(SEP);
  if (parts.length !== FIELDS.length) return { error: `hnet must have ${FIELDS.length} fields separated by "${SEP}"; it has ${parts.length}` };
  const f = Object.fromEntries(FIELDS.map((name, i) => [name, parts[i]]));
  const layers = f.layers.split(',').map(parseLayer);
  if (layers.some((l) => l === null)) return { error: `hnet's layers "${f.layers.slice(0, 60)}" are not a list like d8_tanh,d2_softmax` };
  const numbers = ['input', 'l2', 'learningRate', 'epochs', 'index'].map((k) => Number(f[k]));
  if (!numbers.every(Number.isFinite)) return { error: 'hnet\'s sizes and rates must be numbers' };
  const [input, l2, learningRate, epochs, index] = numbers;
  const spec = { input, layers, loss: f.loss, l2 };
  let count;
  try {
    count = countParameters(spec);
  } catch (error) {
    return { error: `its network is not valid: ${error.message}` };
  }
  if (count !== state.hw.length) return { error: `its network has ${count} weights but hw holds ${state.hw.length}` };
  if (state.hx.length !== input) return { error: `its network takes ${input} inputs but hx holds ${state.hx.length}` };
  const outputs = layers.at(-1).type === 'dense' ? layers.at(-1).units : null;
  if (outputs !== null && state.hy.length !== outputs) return { error: `its network has ${outputs} outputs but hy holds ${state.hy.length}` };
  const label = f.label === '' ? null : f.label;
  const arch = layers.slice(0, -1).map(layerText).join(',') || 'no hidden layer';
  return {
    preset: {
      ...describeHandOver({ data: f.data, epochs, part: f.part, index, label, learningRate, arch }),
      spec,
      parameters: state.hw,
      samples: [{ input: state.hx, target: state.hy }],
      learningRate,
    },
  };
}
