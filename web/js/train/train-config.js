// The Train lab's configuration: the datasets it offers with a starting recipe each (architecture
// and settings that train well and follow the seeds), the compact architecture text kept in the
// URL, and the translation from the page state to a model spec, training settings and a split.
import { choiceNames, coefficientsOf, schemaRow } from '../schema.js';

/** The Train lab's URL property of each optimizer coefficient it lets a student set. */
export const COEFFICIENT_PROPERTIES = { tmom: 'momentum', trho: 'rho', tbeta1: 'beta1', tbeta2: 'beta2', tmem: 'memory' };

/** Hidden layers as text: "d32_sigmoid,r_tanh" is dense 32 sigmoid, then a residual tanh block. */
export const ARCH_PATTERN = /^((d\d{1,4}|r)_[a-z_]+)(,(d\d{1,4}|r)_[a-z_]+)*$/;

/** The activations a hidden layer may take: all but softmax, which the core allows only on the output layer. */
export const hiddenActivations = () => choiceNames(schemaRow('spec', 'layers.activation')).filter((a) => a !== 'softmax');

/** Parses architecture text into [{type, units, activation}] (units of a residual block: null). */
export function parseArchitecture(text) {
  if (!text) return [];
  if (!ARCH_PATTERN.test(text)) throw new Error(`[Train] the architecture "${text}" must be layers like d32_sigmoid or r_tanh, separated by commas`);
  return text.split(',').map((token) => {
    const cut = token.indexOf('_');
    const head = token.slice(0, cut);
    return head === 'r'
      ? { type: 'residual', units: null, activation: token.slice(cut + 1) }
      : { type: 'dense', units: Number(head.slice(1)), activation: token.slice(cut + 1) };
  });
}

/** The inverse of parseArchitecture. */
export function formatArchitecture(layers) {
  return layers.map((l) => (l.type === 'residual' ? `r_${l.activation}` : `d${l.units}_${l.activation}`)).join(',');
}

/** Output layer and loss pairs offered, by task. */
export const OUTPUTS = {
  softmax_ce: { activation: 'softmax', loss: 'cross_entropy', label: 'softmax + cross-entropy', tasks: ['multiclass', 'binary'] },
  sigmoid_bce: { activation: 'sigmoid', loss: 'binary_cross_entropy', label: 'sigmoid + binary cross-entropy', tasks: ['binary'] },
  sigmoid_mse: { activation: 'sigmoid', loss: 'mse', label: 'sigmoid + mean squared error', tasks: ['multiclass', 'binary', 'reconstruction'] },
  identity_mse: { activation: 'identity', loss: 'mse', label: 'identity + mean squared error', tasks: ['regression', 'reconstruction'] },
};

const TWO_D_SPLIT = { validation: 0.2, test: 0.2 };
const BASE = { init: 'xavier', initScale: 1, optimizer: 'sgd', l2: 0, patience: 0, seed: 1, scaling: 'standardize', split: TWO_D_SPLIT, bias: 'on' };

/**
 * Starting recipes per dataset: hidden layers, output, optimizer, learning rate, batch, epochs.
 * digits is seed 001's network and the benchmark's workload A; mnist is workload B's network.
 * `metrics` (epoch_metrics; absent: the core's default) is 'running' for the image datasets: the
 * training curve is then the mean over each epoch's mini-batches, as seed 001 and Keras take it,
 * and no extra pass over thousands of training images slows every epoch down.
 */
export const RECIPES = {
  circles: { ...BASE, arch: 'd8_tanh,d8_tanh', output: 'sigmoid_bce', lr: 0.2, batch: 16, epochs: 100 },
  xor: { ...BASE, arch: 'd8_tanh', output: 'sigmoid_bce', lr: 0.5, batch: 16, epochs: 100 },
  blobs: { ...BASE, arch: 'd8_tanh', output: 'softmax_ce', lr: 0.2, batch: 16, epochs: 50 },
  moons: { ...BASE, arch: 'd16_tanh,d16_tanh', output: 'sigmoid_bce', lr: 0.5, batch: 16, epochs: 150 },
  spiral: { ...BASE, arch: 'd32_tanh,d32_tanh', output: 'softmax_ce', optimizer: 'adam', lr: 0.01, batch: 32, epochs: 300 },
  peaks: { ...BASE, arch: 'd16_tanh,r_tanh,r_tanh', output: 'softmax_ce', optimizer: 'adam', lr: 0.003, batch: 32, epochs: 200 },
  swiss_roll: { ...BASE, arch: 'd16_tanh,r_tanh,r_tanh', output: 'softmax_ce', optimizer: 'adam', lr: 0.003, batch: 32, epochs: 200 },
  gmm: { ...BASE, arch: 'd16_tanh,r_tanh,r_tanh', output: 'softmax_ce', optimizer: 'adam', lr: 0.003, batch: 32, epochs: 200 },
  sine: { ...BASE, arch: 'd16_tanh', output: 'identity_mse', optimizer: 'adam', lr: 0.01, batch: 16, epochs: 300 },
  polynomial: { ...BASE, arch: 'd16_tanh', output: 'identity_mse', optimizer: 'adam', lr: 0.01, batch: 16, epochs: 300 },
  plane: { ...BASE, arch: '', output: 'identity_mse', lr: 0.05, batch: 16, epochs: 50 },
  // seed 000 §1.2: w = 0, no bias, L2 λ = the generator's λ (0.001, its default), batches of 10,
  // η 0.1 halved every 50 epochs, all 100 samples unscaled: the training loss is the seed's f(w)
  least_squares: {
    ...BASE, arch: '', output: 'identity_mse', init: 'zeros', bias: 'off', l2: 0.001, lr: 0.1, batch: 10, epochs: 200,
    schedule: { factor: 0.5, every: 50 }, scaling: 'none', split: { validation: 0, test: 0 },
  },
  iris: { ...BASE, arch: 'd8_tanh', output: 'softmax_ce', lr: 0.1, batch: 8, epochs: 100, split: { validation: 0.2, test: 0.2 } },
  iris_binary: { ...BASE, arch: '', output: 'sigmoid_bce', lr: 0.1, batch: 10, epochs: 50, split: { validation: 0.2, test: 0 } },
  digits: { ...BASE, arch: 'd32_sigmoid', output: 'softmax_ce', init: 'xavier', lr: 0.5, batch: 32, epochs: 20, scaling: 'min_max', split: { validation: 0, test: 0.5 }, metrics: 'running' },
  mnist: { ...BASE, arch: 'd128_relu,d64_relu', output: 'softmax_ce', init: 'he', lr: 0.05, batch: 128, epochs: 5, scaling: 'none', split: { validation: 0, test: 0.2 }, metrics: 'running' },
  csv: { ...BASE, arch: 'd16_tanh', output: 'softmax_ce', optimizer: 'adam', lr: 0.01, batch: 16, epochs: 100 },
  // seed 002 parts 4 and 6 (two classes, then ten) and seed 004 section C; 4,800 training images
  fashion_mnist: { ...BASE, arch: 'd128_relu,d64_relu', output: 'softmax_ce', init: 'he', lr: 0.05, batch: 32, epochs: 10, scaling: 'none', split: { validation: 0, test: 0.2 }, metrics: 'running' },
  mnist_1k: { ...BASE, arch: 'd128_relu,d64_relu', output: 'softmax_ce', init: 'he', lr: 0.05, batch: 32, epochs: 20, scaling: 'none', split: { validation: 0, test: 0.2 }, metrics: 'running' },
};

/**
 * The task a run trains on (the `ttask` property): the dataset's own, or an autoencoder's
 * "reconstruct the input" (seed 004 C.4), whose targets are the inputs.
 */
export const TASKS = { reconstruct: 'reconstruct the input' };

/**
 * An autoencoder's recipe per dataset, over the dataset's own (its split and scaling stay): the
 * image sets take seed 004 C.4's 784-256-128-64-128-256-784 with a sigmoid output (pixels in
 * [0, 1]), digits a smaller one; other data a 2-unit bottleneck with an identity output.
 */
const AUTOENCODERS = {
  mnist: { arch: 'd256_relu,d128_relu,d64_relu,d128_relu,d256_relu', output: 'sigmoid_mse', init: 'he', optimizer: 'adam', lr: 0.001, batch: 64, epochs: 10 },
  digits: { arch: 'd32_relu,d16_relu,d32_relu', output: 'sigmoid_mse', init: 'he', optimizer: 'adam', lr: 0.01, batch: 32, epochs: 30 },
  other: { arch: 'd8_tanh,d2_tanh,d8_tanh', output: 'identity_mse', optimizer: 'adam', lr: 0.01, batch: 16, epochs: 200 },
};
// 800 training images: more epochs for the same number of steps' worth of learning
AUTOENCODERS.mnist_1k = { ...AUTOENCODERS.mnist, epochs: 40 };
AUTOENCODERS.fashion_mnist = AUTOENCODERS.mnist;

/** The recipe of a page state: its dataset's, or with `ttask` reconstruct, that dataset's autoencoder. */
export function recipeOf(state) {
  const recipe = RECIPES[state.tdata] ?? RECIPES.circles;
  return state.ttask === 'reconstruct' ? { ...recipe, ...(AUTOENCODERS[state.tdata] ?? AUTOENCODERS.other) } : recipe;
}

/** The datasets the lab offers, in menu order, with how each is made. */
export function datasetCatalog(lab) {
  const generated = lab.generators
    .filter((g) => g.name !== 'three_points')
    .map((g) => ({ name: g.name, kind: 'generator', task: g.task, description: g.description, generator: g }));
  const bundled = lab.bundledPresets.map((p) => ({ name: p.name, kind: 'bundled', task: 'classification', description: p.description, preset: p }));
  return [...generated, ...bundled];
}

/** 'binary' | 'multiclass' | 'regression' | 'reconstruction' for a dataset's info. */
export function taskKind(info) {
  if (info.reconstruct) return 'reconstruction';
  if (info.task === 'regression') return 'regression';
  return info.classes === 2 ? 'binary' : 'multiclass';
}

/**
 * Everything a run needs from the page state, with the recipe filling what the state leaves
 * null: {recipe, arch, output, spec(inputs, outputs), settings, split, scaling, evaluate, reconstruct}.
 */
export function runConfig(state) {
  const recipe = recipeOf(state);
  const arch = state.tarch ?? recipe.arch;
  const output = OUTPUTS[state.tout] ? state.tout : recipe.output;
  const seed = state.tseed ?? recipe.seed;
  const optimizer = { name: state.topt ?? recipe.optimizer };
  const used = coefficientsOf(optimizer.name).map((c) => c.key);
  for (const [name, key] of Object.entries(COEFFICIENT_PROPERTIES)) {
    if (state[name] !== null && used.includes(key)) optimizer[key] = state[name];
  }
  const stop = state.tstop ?? ((state.tpat ?? recipe.patience) > 0 ? 'val_loss' : 'off');
  const schedule = state.tsfac !== null && state.tsevery !== null ? { factor: state.tsfac, every: state.tsevery } : recipe.schedule;
  const settings = {
    optimizer,
    learning_rate: state.tlr ?? recipe.lr,
    batch_size: state.tbs ?? recipe.batch,
    epochs: state.tep ?? recipe.epochs,
    lr_schedule: schedule ? { type: 'step', ...schedule } : { type: 'constant' },
    early_stopping: stop === 'off' ? { enabled: false } : {
      // seed 002's ΔJ rule stops at the first small change; a validation score waits 10 epochs by default
      metric: stop,
      patience: state.tpat ?? (stop === 'train_loss_change' ? 1 : schemaRow('settings', 'early_stopping.patience').default),
      min_delta: state.tmind ?? schemaRow('settings', 'early_stopping.min_delta').default,
      restore_best: stop !== 'train_loss_change',
    },
    epoch_metrics: state.tmetrics ?? recipe.metrics ?? schemaRow('settings', 'epoch_metrics').default,
    seed,
  };
  const split = {
    validation: state.tval ?? recipe.split.validation,
    test: state.ttest ?? recipe.split.test,
    stratify: true,
    seed,
  };
  const layers = parseArchitecture(arch);
  const { activation, loss } = OUTPUTS[output];
  const bias = (state.tbias ?? recipe.bias) !== 'off';
  const dense = (units, act) => (bias ? { type: 'dense', units, activation: act } : { type: 'dense', units, activation: act, bias: false });
  return {
    recipe,
    arch,
    layers,
    output,
    bias,
    stop,
    settings,
    split,
    scaling: state.tscale ?? recipe.scaling,
    evaluate: state.teval ?? (split.validation > 0 ? 'validation' : 'test'),
    reconstruct: state.ttask === 'reconstruct',
    /** The model spec for a dataset with `inputs` features and `outputs` output units. */
    spec(inputs, outputs) {
      return {
        input: inputs,
        layers: [
          ...layers.map((l) => (l.type === 'residual' ? { type: 'residual', activation: l.activation } : dense(l.units, l.activation))),
          dense(outputs, activation),
        ],
        loss,
        init: { scheme: state.tinit ?? recipe.init, scale: state.tiscale ?? recipe.initScale, seed },
        // seed 000 §1.2: the least-squares model's λ follows the generator's unless set
        l2: state.tl2 ?? (state.tdata === 'least_squares' && state.tlam !== null ? state.tlam : recipe.l2),
      };
    },
  };
}

/** Output units for a dataset and an output choice: one sigmoid for binary + BCE, else classes or targets. */
export function outputUnits(info, output) {
  if (info.task === 'regression') return info.targetNames.length || 1;
  return OUTPUTS[output].loss === 'binary_cross_entropy' ? 1 : info.classes;
}

/**
 * Parameters of a spec without building it (seed 000 §2.5): dense in·out + out, residual 2·w² + w.
 * Returns {total, perLayer: [{label, count}]}.
 */
export function countParameters(spec) {
  let width = spec.input;
  const perLayer = spec.layers.map((layer, i) => {
    if (layer.type === 'residual') {
      return { label: `${i + 1}. residual ${width}→${width}`, count: 2 * width * width + width, formula: `2·${width}² + ${width}` };
    }
    const bias = layer.bias === false ? 0 : layer.units;
    const count = width * layer.units + bias;
    const formula = bias ? `${width}·${layer.units} + ${layer.units}` : `${width}·${layer.units} (no bias)`;
    const label = `${i + 1}. dense ${width}→${layer.units}`;
    width = layer.units;
    return { label, count, formula };
  });
  return { total: perLayer.reduce((sum, l) => sum + l.count, 0), perLayer };
}

/** The loss of a run in words: {formula, penalty} ('' without an L2 term); the formula is the core's (lab.schema). */
export function describeLoss({ loss, l2 }) {
  const formula = schemaRow('spec', 'loss').choices.find((c) => c.name === loss)?.description ?? loss;
  return { formula, penalty: l2 > 0 ? `the L2 term (λ/2)Σ‖W‖² with λ = ${l2}` : '' };
}
