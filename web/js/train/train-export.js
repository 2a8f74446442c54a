// Exports of the Train lab: learning curves as CSV, a trained model (spec, weights, preprocessing)
// as JSON, and the checks that a model file must pass before it is imported. Downloads go through
// a temporary link; nothing here knows the page layout.
import { OUTPUTS, formatArchitecture } from './train-config.js';
import { parseProperty } from '../state.js';

export const MODEL_FORMAT = 'backprop-lab-model';

/**
 * CSV of per-epoch records: one row per epoch and run. `runs`: [{label, history, restoredEpoch}].
 * `shown`: {metricName, loss: {formula, penalty}, parts: {train, heldOut} sample counts}.
 * The loss is named with its formula in a column; the sums over the samples stand beside the means
 * (seeds 000 §1.2 and 003 report the sum); `restored` marks the epoch whose weights early stopping kept;
 * the evaluations are cumulative (full-batch equivalents for the mini-batch optimizers).
 */
export function curvesCsv(runs, { metricName, loss, parts }) {
  const quote = (text) => `"${String(text).replace(/"/g, '""')}"`;
  const definition = quote(`mean over the samples of ${loss.formula}${loss.penalty ? ` + ${loss.penalty}` : ''}`);
  const sum = (mean, penalty, n) => (Number.isFinite(mean) && n ? (mean - penalty) * n + penalty : '');
  const lines = [`run,epoch,train_loss,heldout_loss,train_${metricName},heldout_${metricName},learning_rate,loss,penalty,train_samples,heldout_samples,train_loss_sum,heldout_loss_sum,restored,function_evaluations,gradient_evaluations`];
  for (const run of runs) {
    for (const r of run.history) {
      const penalty = r.penalty ?? 0;
      lines.push([
        // lbfgs uses no learning rate (NaN in its history): left empty
        quote(run.label), r.epoch, r.trainLoss, r.valLoss ?? '', r.trainMetric, r.valMetric ?? '', Number.isFinite(r.learningRate) ? r.learningRate : '',
        definition, penalty, parts.train, parts.heldOut || '', sum(r.trainLoss, penalty, parts.train), sum(r.valLoss, penalty, parts.heldOut),
        r.epoch === run.restoredEpoch ? 1 : 0, r.functionEvaluations ?? '', r.gradientEvaluations ?? '',
      ].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The model file: spec, flat parameters, the dataset and preprocessing it was trained with, and its curves. */
export function modelJson({ spec, parameters, dataset, scaling, scaler, settings, history }) {
  return JSON.stringify({
    format: MODEL_FORMAT,
    version: 1,
    spec,
    parameters: Array.from(parameters),
    dataset: { name: dataset.name, features: dataset.features, classes: dataset.classes, classNames: dataset.classNames },
    preprocessing: { scaling, shift: scaler ? Array.from(scaler.shift ?? []) : [], scale: scaler ? Array.from(scaler.scale ?? []) : [] },
    settings,
    history,
  }, null, 1);
}

/**
 * Checks a model file's text and returns {spec, parameters, datasetName, state} where state holds the
 * Train-lab properties that rebuild its architecture. `parameterCount(spec)` builds the spec with the
 * engine (so spec errors are the core's) and returns its parameter count. Throws an Error naming the field.
 */
export function parseModelFile(text, fileName, parameterCount) {
  let model;
  try {
    model = JSON.parse(text);
  } catch (error) {
    throw new Error(`[Import] ${fileName} is not JSON (${error.message}); export a model from this page to get the format`);
  }
  if (!model || typeof model !== 'object' || Array.isArray(model)) throw new Error(`[Import] ${fileName} must hold a JSON object with "format": "${MODEL_FORMAT}"`);
  if (model.format !== MODEL_FORMAT) throw new Error(`[Import] format must be "${MODEL_FORMAT}", got ${JSON.stringify(model.format ?? null)}`);
  if (model.version !== 1) throw new Error(`[Import] version must be 1, got ${JSON.stringify(model.version ?? null)}`);
  if (!model.spec || typeof model.spec !== 'object') throw new Error('[Import] spec is missing: the file must hold the model spec under "spec"');
  const count = parameterCount(model.spec);
  const { parameters } = model;
  if (!Array.isArray(parameters)) throw new Error(`[Import] parameters must be an array of ${count} numbers`);
  if (parameters.length !== count) throw new Error(`[Import] parameters must hold ${count} numbers for this spec, got ${parameters.length}`);
  const bad = parameters.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) throw new Error(`[Import] parameters[${bad}] must be a finite number, got ${JSON.stringify(parameters[bad])}`);

  const layers = model.spec.layers;
  const last = layers.at(-1);
  const output = Object.entries(OUTPUTS).find(([, o]) => o.activation === (last.activation ?? 'identity') && o.loss === (model.spec.loss ?? 'mse'))?.[0];
  if (!output) throw new Error(`[Import] the output layer (${last.activation}) with loss ${model.spec.loss} is not a pair this lab offers; allowed: ${Object.values(OUTPUTS).map((o) => o.label).join(', ')}`);
  const hidden = layers.slice(0, -1).map((l) => ({ type: l.type ?? 'dense', units: l.units, activation: l.activation ?? 'identity' }));
  const biases = new Set(layers.filter((l) => (l.type ?? 'dense') === 'dense').map((l) => l.bias !== false));
  if (biases.size > 1) throw new Error('[Import] spec.layers: this lab gives every dense layer a bias or none; the file mixes both');
  // every value is checked by the same rules as a link's, and refused with the file's field named
  const fields = [
    ['tarch', 'spec.layers', formatArchitecture(hidden)],
    ['tinit', 'spec.init.scheme', model.spec.init?.scheme],
    ['tiscale', 'spec.init.scale', model.spec.init?.scale],
    ['tl2', 'spec.l2', model.spec.l2],
    ['tscale', 'preprocessing.scaling', model.preprocessing?.scaling],
  ];
  const state = { tout: output, tbias: biases.has(false) ? 'off' : 'on' };
  for (const [name, field, value] of fields) {
    if (value === undefined || value === null) {
      state[name] = null;
      continue;
    }
    const parsed = parseProperty(name, String(value));
    if ('error' in parsed) throw new Error(`[Import] ${field} must be ${parsed.error}, got ${JSON.stringify(value).slice(0, 40)}`);
    state[name] = parsed.value;
  }
  return { spec: model.spec, parameters, datasetName: model.dataset?.name ?? null, state };
}
