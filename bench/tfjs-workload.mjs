// Times a workload with TensorFlow.js on the same network, initial weights (copied from the
// core's, so the scheme and even the numbers match), loss, optimiser and batching: per epoch a
// shuffled order, mini-batches of batch_size (the last one smaller), plain SGD. Two ways: a
// manual loop (optimizer.minimize per batch) and model.fit; the caller reports the faster.
// TF.js computes in float32 (its only type for training); the core computes in double.
// Works in Chromium (global tf) and in node (imported tf); `tf` is passed in.
import { warmUp } from './stats.mjs';

/** A tf.Sequential of the workload's dense layers; the last layer outputs logits. */
function buildModel(tf, spec) {
  const model = tf.sequential();
  let width = spec.input;
  spec.layers.forEach((layer, i) => {
    model.add(tf.layers.dense({
      units: layer.units,
      inputShape: i === 0 ? [width] : undefined,
      // softmax is fused into the loss below, as in the core
      activation: layer.activation === 'softmax' ? 'linear' : layer.activation,
    }));
    width = layer.units;
  });
  return model;
}

/** Sets the model's weights from the core's flat vector (per layer W (out × in) row-major, then b). */
function copyCoreParameters(tf, model, spec, parameters) {
  let offset = 0;
  let width = spec.input;
  model.layers.forEach((layer, l) => {
    const units = spec.layers[l].units;
    const kernel = new Float32Array(width * units); // TF.js kernel is (in × out)
    for (let o = 0; o < units; o += 1) {
      for (let i = 0; i < width; i += 1) kernel[i * units + o] = parameters[offset + o * width + i];
    }
    offset += width * units;
    const bias = Float32Array.from(parameters.slice(offset, offset + units));
    offset += units;
    layer.setWeights([tf.tensor2d(kernel, [width, units]), tf.tensor1d(bias)]);
    width = units;
  });
}

const lossOf = (tf) => (targets, logits) => tf.losses.softmaxCrossEntropy(targets, logits);

/** One training run with a hand-written loop. */
function trainManual(tf, model, x, y, n, { batch_size: batchSize, epochs, learning_rate: lr }) {
  const optimizer = tf.train.sgd(lr);
  const loss = lossOf(tf);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    const order = new Int32Array(n).map((_, i) => i);
    tf.util.shuffle(order);
    for (let start = 0; start < n; start += batchSize) {
      tf.tidy(() => {
        const indices = tf.tensor1d(order.subarray(start, Math.min(start + batchSize, n)), 'int32');
        const xb = tf.gather(x, indices);
        const yb = tf.gather(y, indices);
        optimizer.minimize(() => loss(yb, model.apply(xb)));
      });
    }
  }
  optimizer.dispose();
}

/** One training run with model.fit (its own shuffling and batching). */
async function trainFit(tf, model, x, y, { batch_size: batchSize, epochs, learning_rate: lr }) {
  model.compile({ optimizer: tf.train.sgd(lr), loss: lossOf(tf) });
  await model.fit(x, y, { batchSize, epochs, shuffle: true, verbose: 0 });
}

function accuracy(tf, model, x, labels) {
  return tf.tidy(() => {
    const predicted = model.apply(x).argMax(1).dataSync();
    let right = 0;
    predicted.forEach((p, i) => { right += p === labels[i] ? 1 : 0; });
    return right / labels.length;
  });
}

/**
 * {seconds: [...], samples, accuracy} for `runs` timed runs (after the warm-up) in `mode`
 * ('manual' | 'fit'). features: n × d row-major, already scaled; labels: n classes;
 * parameters: the core's initial flat vector for the workload's spec.
 */
export async function timeTfjsWorkload(tf, { features, labels, parameters }, workload, mode, runs) {
  const { spec, settings } = workload;
  const n = labels.length;
  const classes = spec.layers.at(-1).units;
  const x = tf.tensor2d(Float32Array.from(features), [n, spec.input]);
  const y = tf.oneHot(tf.tensor1d(Int32Array.from(labels), 'int32'), classes).toFloat();
  const once = async () => {
    const model = buildModel(tf, spec);
    copyCoreParameters(tf, model, spec, parameters);
    const start = performance.now();
    if (mode === 'fit') await trainFit(tf, model, x, y, settings);
    else trainManual(tf, model, x, y, n, settings);
    model.layers.at(-1).getWeights()[1].dataSync(); // wait for the last update
    const seconds = (performance.now() - start) / 1000;
    const acc = accuracy(tf, model, x, labels);
    model.dispose();
    return { seconds, accuracy: acc };
  };
  await warmUp(once);
  const timed = [];
  for (let i = 0; i < runs; i += 1) timed.push(await once());
  x.dispose();
  y.dispose();
  return { seconds: timed.map((t) => t.seconds), samples: settings.epochs * n, accuracy: timed.at(-1).accuracy };
}
