// The Train lab's data on the main thread: a copy of the chosen dataset (for the previews, the
// counts and the network's input size) and the training worker's setup message for a page state.
// The student's own data (an uploaded CSV, parsed in the worker, or an autoencoder's codes made
// there) is kept in the worker; this keeps a copy of its numbers.
import { outputUnits, runConfig } from './train-config.js';
import { classList } from './train-classes.js';
import { reconstructionInfo } from '../engine/training-session.js';

/** A set with more samples than this is drawn as a fixed, seeded sample of MAP_SAMPLE of its points. */
const MAP_LIMIT = 20000;
const MAP_SAMPLE = 5000;
const MAP_SEED = 1;

const dataKey = (s) => [...(s.tdata === 'csv' ? ['csv'] : [s.tdata, s.tn, s.tnoise, s.tclasses, s.tdseed, s.tlam]), s.tcls, s.ttask].join('|');

/** The bounds of x, y pairs (`features`, two per point), padded by 8% on each side: a point map's extent. */
export function paddedBounds(features) {
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < features.length; i += 2) {
    xMin = Math.min(xMin, features[i]); xMax = Math.max(xMax, features[i]);
    yMin = Math.min(yMin, features[i + 1]); yMax = Math.max(yMax, features[i + 1]);
  }
  const padX = 0.08 * (xMax - xMin || 1);
  const padY = 0.08 * (yMax - yMin || 1);
  return { xMin: xMin - padX, xMax: xMax + padX, yMin: yMin - padY, yMax: yMax + padY };
}

/** Reads a file as text in chunks, reporting the fraction read. */
export async function readText(file, onProgress) {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  const chunks = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.length;
    chunks.push(decoder.decode(value, { stream: true }));
    onProgress(read / (file.size || 1));
  }
  chunks.push(decoder.decode());
  return chunks.join('');
}

/**
 * The data of the Train lab over the engine `lab` and its dataset `catalog`. Returns
 * {preview, csv, datasetFor(s), makeSetup(s, parameters, otherWorker), useCsv(upload, parsed)}:
 * preview is {key, dataset, info, classNames, bounds, points} of the dataset last asked for (with
 * only the chosen classes; classNames are all the dataset's, for choosing; with the reconstruct
 * task, info is reconstructionInfo's), csv the student's own data {id, text, options, name, info,
 * dataset} or null (text and options are null for an autoencoder's codes). points are the points a map draws (two
 * features, or a classification set of more features without images, which the worker projects):
 * {features (two features only: x, y per point), labels, indices (the dataset's samples drawn, or
 * null for all), total}; bounds (two features) the map's extent.
 */
export function createTrainData(lab, catalog) {
  const preview = { key: null, dataset: null, info: null, classNames: null, bounds: null, points: null };
  const bundledCache = new Map();
  let csv = null; // parsed in the worker, a copy here for the preview
  const isBundled = (name) => catalog.find((d) => d.name === name)?.kind === 'bundled';
  const isCached = (dataset) => dataset === csv?.dataset || [...bundledCache.values()].includes(dataset);

  function generateRequest(s) {
    const generator = catalog.find((d) => d.name === s.tdata).generator;
    const request = { name: s.tdata, samples: s.tn ?? generator.page_samples, noise: s.tnoise ?? generator.default_noise, seed: s.tdseed ?? 1 };
    if (generator.classes && generator.classes.min !== generator.classes.max) request.classes = s.tclasses ?? generator.classes.default;
    if (generator.default_lambda !== undefined) request.lambda = s.tlam ?? generator.default_lambda;
    return request;
  }

  /** The main thread's copy of the dataset (for previews, counts and the spec). */
  async function datasetFor(s) {
    const key = dataKey(s);
    if (preview.key === key && preview.dataset) return preview.dataset;
    let dataset;
    if (s.tdata === 'csv') {
      if (!csv) throw new Error('[Train] your own data (an uploaded CSV, an autoencoder\'s codes) is not part of the link; upload the file again or make the codes again');
      dataset = csv.dataset;
    } else if (isBundled(s.tdata)) {
      if (!bundledCache.has(s.tdata)) bundledCache.set(s.tdata, await lab.fetchBundled(s.tdata, new URL('data/', document.baseURI)));
      dataset = bundledCache.get(s.tdata);
    } else {
      dataset = lab.generate(generateRequest(s));
    }
    // a CSV's info (class names, feature names) is the worker's: the copy here holds only the numbers
    const whole = s.tdata === 'csv' ? csv.info : dataset.info;
    let info = whole;
    // the names to choose from, also when the choice below is refused
    preview.classNames = whole.classNames ?? null;
    const classes = classList(s.tcls);
    if (classes) {
      const chosen = dataset;
      try {
        dataset = chosen.selectClasses(classes);
      } finally {
        if (!isCached(chosen)) chosen.dispose();
      }
      info = { ...whole, ...dataset.info, name: whole.name, featureNames: whole.featureNames, classNames: classes.map((k) => whole.classNames[k]) };
    }
    if (s.ttask === 'reconstruct') info = reconstructionInfo(info);
    if (preview.dataset && preview.dataset !== dataset && !isCached(preview.dataset)) preview.dataset.dispose();
    Object.assign(preview, { key, dataset, info, bounds: null, points: null });
    const { features: d, samples: n, task, imageWidth } = preview.info;
    if (task === 'classification' && d >= 2 && !imageWidth) {
      // a large set is drawn as a fixed sample of its points (the bounds and the boundary cover all)
      const indices = n > MAP_LIMIT ? lab.sampleIndices(n, MAP_SAMPLE, MAP_SEED) : null;
      const labels = dataset.labels();
      preview.points = { features: null, labels: indices ? Int32Array.from(indices, (i) => labels[i]) : labels, indices, total: n };
      if (d === 2) {
        const features = dataset.features();
        preview.points.features = indices ? Float64Array.from({ length: 2 * indices.length }, (_, k) => features[2 * indices[k >> 1] + (k & 1)]) : features;
        preview.bounds = paddedBounds(features);
      }
    }
    return dataset;
  }

  /**
   * The worker's setup message for a page state. `otherWorker` (the sweep's) gets an uploaded CSV
   * as text; the training worker has parsed it already and copies its own.
   */
  async function makeSetup(s, parameters = null, otherWorker = false) {
    await datasetFor(s);
    // the info datasetFor kept (a dataset's info is built in wasm at every call: MNIST's has 784 names)
    const { info } = preview;
    const config = runConfig(s);
    let data;
    if (s.tdata === 'csv') data = !otherWorker ? { csvId: csv.id } : csv.text !== null ? { csv: csv.text, options: csv.options } : { dataset: ownDescription() };
    else if (isBundled(s.tdata)) data = { bundled: s.tdata, baseUrl: new URL('data/', document.baseURI).href };
    else data = { generate: generateRequest(s) };
    const classification = info.task === 'classification';
    const grid = info.features === 2 && preview.bounds ? { ...preview.bounds, resolution: 72 } : null;
    return {
      spec: config.spec(info.features, outputUnits(info, config.output)),
      data,
      split: config.split,
      scaling: config.scaling,
      settings: config.settings,
      classes: classList(s.tcls),
      evaluate: config.evaluate,
      parameters,
      // a sweep's, a grid's or a comparison's run (otherWorker) is not watched: no boundary, no evaluations
      grid: classification && !otherWorker ? grid : null,
      views: !otherWorker,
      images: s.timages,
      // the points the Train lab draws; more than two features are projected by the worker (PCA)
      map: preview.points && !otherWorker ? { indices: preview.points.indices, project: info.features > 2 } : null,
      reconstruct: config.reconstruct,
    };
  }

  /** The own data that is not a file (an autoencoder's codes) as lab.dataset() takes it, for another worker. */
  function ownDescription() {
    const { info, dataset } = csv;
    const common = { name: info.name, samples: info.samples, features: info.features, featureValues: dataset.features(), featureNames: info.featureNames };
    return info.task === 'classification'
      ? { ...common, labels: dataset.labels(), classes: info.classes, classNames: info.classNames }
      : { ...common, targetValues: dataset.targets(), outputs: info.targetNames.length, targetNames: info.targetNames };
  }

  /**
   * Keeps the student's own data the worker holds: `upload` is {id, text, options, name} (text and
   * options null for an autoencoder's codes), `parsed` the worker's {info, features, labels,
   * targets}. The next datasetFor() reads it afresh.
   */
  function useCsv(upload, parsed) {
    const { info } = parsed;
    const dataset = lab.dataset(info.task === 'classification'
      ? { name: info.name, samples: info.samples, features: info.features, featureValues: parsed.features, labels: parsed.labels, classes: info.classes }
      : { name: info.name, samples: info.samples, features: info.features, featureValues: parsed.features, targetValues: parsed.targets, outputs: info.targetNames.length || 1 });
    csv?.dataset.dispose();
    csv = { ...upload, dataset, info };
    preview.key = null;
  }

  return {
    preview,
    get csv() { return csv; },
    datasetFor,
    makeSetup,
    useCsv,
  };
}
