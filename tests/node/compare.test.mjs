// The comparison of a student's arrays with the lab's (web/js/numpy/compare.js): orientations
// (as the lab, transposed, flat, a square matrix tried both ways), np.allclose's tolerance, names
// matched ignoring case, shapes that fit no orientation named, and JSON arrays read with their shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TOLERANCE, cOrder, compareArrays, jsonArray, mistakes, readArrays } from '../../web/js/numpy/compare.js';
import { npyNumbers } from '../../web/js/numpy/npy.js';

const LAB = {
  W1: { shape: [3, 2], data: [1, 2, 3, 4, 5, 6] },
  b1: { shape: [3, 1], data: [0.1, 0.2, 0.3] },
  S: { shape: [2, 2], data: [1, 2, 3, 4] },
  loss: { shape: [], data: [0.5] },
};

test('orientations, tolerance and names', () => {
  const { rows, unmatched } = compareArrays({
    w1: { shape: [2, 3], data: [1, 3, 5, 2, 4, 6 + 1e-6] }, // transposed, last element within rtol
    b1: { shape: [3], data: [0.1, 0.2, 0.31] }, // flat, one wrong
    S: { shape: [2, 2], data: [1, 3, 2, 4] }, // square: agrees only transposed
    loss: { shape: [1, 1], data: [0.5] },
    other: { shape: [], data: [1] },
  }, LAB);
  const by = Object.fromEntries(rows.map((r) => [r.labName, r]));
  assert.deepEqual([by.W1.name, by.W1.orientation, by.W1.agree, by.W1.total], ['w1', 'transposed', 6, 6]);
  assert.ok(by.W1.largestRelative > 0 && by.W1.largestRelative < TOLERANCE.rtol);
  assert.deepEqual([by.b1.orientation, by.b1.agree, by.b1.worst], ['flat', 2, { index: 2, yours: 0.31, lab: 0.3 }]);
  assert.ok(Math.abs(by.b1.largestRelative - 0.01 / 0.3) < 1e-12);
  assert.deepEqual([by.S.orientation, by.S.agree], ['transposed', 4]);
  assert.deepEqual([by.loss.orientation, by.loss.agree], ['flat', 1]);
  assert.deepEqual(unmatched, ['other']);
  const misfit = compareArrays({ W1: { shape: [2, 2], data: [1, 2, 3, 4] } }, LAB).rows[0];
  assert.equal(misfit.problem, 'shape (2, 2), the lab\'s is (3, 2) (or (2, 3) with one row per sample)');
});

test('JSON arrays and files are read with their shape, and what cannot be read is named', async () => {
  assert.deepEqual(jsonArray([[1, 2], [3, 4], [5, 6]], 'x'), { shape: [3, 2], data: [1, 2, 3, 4, 5, 6] });
  assert.deepEqual(jsonArray(2.5, 'x'), { shape: [], data: [2.5] });
  assert.throws(() => jsonArray([[1, 'a']], 'f.json: "W1"'), /^Error: f\.json: "W1": every entry must be a finite number; got "a"$/);
  const { arrays, problems } = await readArrays([
    { name: 'W1.npy', bytes: npyNumbers({ shape: [2, 3], data: [1, 3, 5, 2, 4, 6] }) },
    { name: 'bad.npy', bytes: new Uint8Array([1, 2, 3]) },
    { name: 'list.json', bytes: new TextEncoder().encode('[1, 2]') },
  ]);
  assert.deepEqual(arrays.W1.shape, [2, 3]);
  assert.equal(arrays.W1.from, 'W1.npy');
  assert.equal(problems.length, 2);
  assert.match(problems[0], /^bad\.npy: the array "bad" could not be read \(/);
  assert.equal(problems[1], 'list.json: must be a JSON object of named arrays, {"W1": [[…], …], …}');
});

test('known mistakes are computed from the lab\'s own numbers, and a match names them', () => {
  const lab = {
    W1: { shape: [2, 1], data: [1, 2] },
    dW1: { shape: [2, 1], data: [0.5, -1] },
    delta1: { shape: [2, 3], data: [1, 2, 3, 4, 5, 6] },
    W1_new: { shape: [2, 1], data: [0.95, 2.1] },
  };
  const variants = mistakes(lab, { batch: 3, learningRate: 0.1 });
  const of = (start) => variants.find((v) => v.text.startsWith(start)).arrays;
  assert.deepEqual([...of('every gradient has the wrong sign').dW1.data], [-0.5, 1]);
  assert.equal(of('every gradient has the wrong sign').W1, undefined, 'weights are no gradient');
  assert.deepEqual([...of('the gradients are 3 times too large').delta1.data], [3, 6, 9, 12, 15, 18]);
  assert.deepEqual([...of('the learning rate is left out').W1_new.data], [0.5, 3]);
  assert.deepEqual([...of('the update goes up').W1_new.data], [1.05, 1.9]);
  assert.deepEqual([...of('the weights are not updated').W1_new.data], [1, 2]);
  assert.equal(mistakes(lab, { batch: 1, learningRate: 0.1 }).filter((v) => /times too/.test(v.text)).length, 0, 'one sample: no batch mistake');
  const withBias = mistakes({ ...lab, db1: { shape: [2, 1], data: [3, 6] } }, { batch: 3, learningRate: 0.1 });
  assert.deepEqual([...withBias.find((v) => v.text.startsWith('the bias gradient is averaged')).arrays.db1.data], [1, 2]);
  assert.ok(!variants.some((v) => v.text.startsWith('the softmax Jacobian')), 'only for a softmax output layer');
  // a student's W1_new with the learning rate left out, one row per sample (here: transposed)
  const { rows } = compareArrays({ W1_new: { shape: [1, 2], data: [0.5, 3] }, dW1: { shape: [2, 1], data: [0.5, -1] } }, lab, variants);
  const by = Object.fromEntries(rows.map((r) => [r.labName, r]));
  assert.equal(by.W1_new.mistake, 'the learning rate is left out of the update: W − ∂L/∂W');
  assert.equal(by.dW1.mistake, '', 'an array that agrees names no mistake');
});

test('an array NumPy saved in Fortran order (a transposed view) is read in C order', () => {
  // [[1, 2, 3], [4, 5, 6]] stored column by column
  assert.deepEqual([...cOrder(Float64Array.from([1, 4, 2, 5, 3, 6]), [2, 3])], [1, 2, 3, 4, 5, 6]);
  // a 2 × 2 × 2 array a[i, j, k] = 100 i + 10 j + k, Fortran order: i fastest
  const fortran = [];
  for (let k = 0; k < 2; k += 1) for (let j = 0; j < 2; j += 1) for (let i = 0; i < 2; i += 1) fortran.push(100 * i + 10 * j + k);
  assert.deepEqual([...cOrder(Float64Array.from(fortran), [2, 2, 2])], [0, 1, 10, 11, 100, 101, 110, 111]);
});

// a lab of two dense layers of width 2 on a batch of 3 (X: 2 × 3), every gradient from its own δ and
// inputs: dW = δ a_prevᵀ + λW with λ = 0.5 (a penalty term must survive a variant), db = Σ δ
const matmulT = (p, q, rows, inner, samples) => Float64Array.from({ length: rows * inner }, (_, n) => {
  let sum = 0;
  for (let j = 0; j < samples; j += 1) sum += p[Math.floor(n / inner) * samples + j] * q[(n % inner) * samples + j];
  return sum;
});
const rowSums = (p, rows, samples) => Float64Array.from({ length: rows }, (_, i) => p.slice(i * samples, (i + 1) * samples).reduce((a, b) => a + b, 0));
function twoLayers() {
  const X = [1, -2, 0.5, 3, 0.25, -1];
  const a1 = [0.2, 0.7, 0.4, 0.9, 0.1, 0.6];
  const a2 = [0.3, 0.8, 0.5, 0.35, 0.65, 0.15];
  const delta1 = [0.01, -0.03, 0.02, 0.04, 0.05, -0.06];
  const delta2 = [-0.2, 0.1, 0.3, 0.25, -0.15, 0.05];
  const W1 = [0.5, -0.5, 1, 2];
  const W2 = [-1, 0.25, 0.75, 1.5];
  const dW = (delta, input, W) => Float64Array.from(matmulT(delta, input, 2, 2, 3), (v, n) => v + 0.5 * W[n]);
  const m = (data, shape = [2, 3]) => ({ shape, data: Float64Array.from(data) });
  const lab = {
    X: m(X), W1: m(W1, [2, 2]), W2: m(W2, [2, 2]), a1: m(a1), a2: m(a2),
    delta2: m(delta2), dW2: m(dW(delta2, a1, W2), [2, 2]), db2: m(rowSums(delta2, 2, 3), [2, 1]),
    delta1: m(delta1), dW1: m(dW(delta1, X, W1), [2, 2]), db1: m(rowSums(delta1, 2, 3), [2, 1]),
  };
  return { lab, s: { X, a1, a2, delta1, delta2, W1, W2, dW } };
}

test('δ of the wrong layer: dW, db (and δ) from the other layer\'s δ, or dW from the layer\'s own output', () => {
  const { lab, s } = twoLayers();
  const variants = mistakes(lab, { batch: 3, learningRate: 0.1 });
  const name = (mine) => compareArrays(mine, lab, variants).rows.map((r) => [r.labName, r.mistake]);
  // dW1 = δ2 Xᵀ + λW1 and db1 = Σ δ2: the layer above's δ
  assert.deepEqual(name({ dW1: { shape: [2, 2], data: s.dW(s.delta2, s.X, s.W1) }, db1: { shape: [2], data: rowSums(s.delta2, 2, 3) } }), [
    ['dW1', 'dW1 and db1 use δ2, the layer above\'s δ: use δ1'],
    ['db1', 'dW1 and db1 use δ2, the layer above\'s δ: use δ1'],
  ]);
  // dW2 = δ1 a1ᵀ + λW2: the layer below's δ (δ updated before dW was made)
  assert.deepEqual(name({ dW2: { shape: [2, 2], data: s.dW(s.delta1, s.a1, s.W2) } }), [['dW2', 'dW2 and db2 use δ1, the layer below\'s δ: use δ2']]);
  // δ1 never passed down: it holds δ2, and dW1, db1 follow from it
  assert.deepEqual(name({ delta1: { shape: [2, 3], data: s.delta2 } }), [['delta1', 'δ1 holds δ2, the layer above\'s δ, and dW1, db1 are made from it: use δ1 = f′(z1) ⊙ W2ᵀ δ2']]);
  // dW2 = δ2 a2ᵀ + λW2, one row per sample (transposed): its own output where its input a1 belongs;
  // the square matrix fits only transposed, and is shown so
  const own = s.dW(s.delta2, s.a2, s.W2);
  const transposedOwn = compareArrays({ dW2: { shape: [2, 2], data: [own[0], own[2], own[1], own[3]] } }, lab, variants).rows[0];
  assert.deepEqual([transposedOwn.orientation, transposedOwn.mistake], ['transposed', 'dW2 uses a2, the layer\'s own output: use a1, its input (dW2 = δ2 a1ᵀ)']);
  assert.deepEqual(name({ dW1: { shape: [2, 2], data: s.dW(s.delta1, s.a1, s.W1) } }), [['dW1', 'dW1 uses a1, the layer\'s own output: use X, its input (dW1 = δ1 Xᵀ)']]);
  // the right arrays name nothing, and neither does a wrong one that fits no mistake
  assert.deepEqual(name({ dW1: lab.dW1, dW2: lab.dW2, delta1: lab.delta1, db2: { shape: [2], data: lab.db2.data } }).map(([, m]) => m), ['', '', '', '']);
  assert.deepEqual(name({ dW1: { shape: [2, 2], data: Float64Array.from(lab.dW1.data, (v) => v + 0.01) } }), [['dW1', '']]);
});

test('δ of the wrong layer is only offered where the shapes allow it', () => {
  const { lab } = twoLayers();
  const wrongLayer = (v) => /δ\d, the layer|own output/.test(v.text);
  // widths 2 and 2 with square W: both δ swaps, both δ-holds, both own outputs
  assert.equal(mistakes(lab, { batch: 3, learningRate: 0.1 }).filter(wrongLayer).length, 6);
  // seed 001's shape, 2-3-1: no δ of the same shape, no square W
  const narrow = {
    X: { shape: [2, 1], data: [1, 1] }, a1: { shape: [3, 1], data: [0.8, 0.9, 0.8] }, a2: { shape: [1, 1], data: [0.8] },
    delta2: { shape: [1, 1], data: [-0.03] }, dW2: { shape: [1, 3], data: [-0.02, -0.03, -0.02] }, db2: { shape: [1, 1], data: [-0.03] },
    delta1: { shape: [3, 1], data: [-0.001, -0.002, -0.003] }, dW1: { shape: [3, 2], data: [-0.001, -0.001, -0.002, -0.002, -0.003, -0.003] },
  };
  assert.equal(mistakes(narrow, { batch: 1, learningRate: 0.1 }).filter(wrongLayer).length, 0);
});

test('seed 003\'s 2-3-2-2 network traced by the core: δ of the wrong layer and σ′ on z are named', async () => {
  const { createLab } = await import('../../web/js/engine/engine.js');
  const { STEP_PRESETS } = await import('../../web/js/step/step-presets.js');
  const { stepWithMistakes } = await import('../../web/js/numpy/step-variants.js');
  const lab = await createLab();
  const { spec, parameters, samples: [{ input, target }], learningRate } = STEP_PRESETS.seed003;
  const net = lab.network(spec);
  const { arrays, variants } = stepWithMistakes(net, lab.derivativeBugs, { params: Float64Array.from(parameters), input, target, learningRate });
  net.dispose();
  const at = (name) => arrays[name].data;
  // a student's arrays with one row per sample (batch 1): dW = a_prev.T @ delta, shape (in, out)
  const rowsOuter = (below, delta) => ({ shape: [below.length, delta.length], data: Float64Array.from({ length: below.length * delta.length }, (_, n) => below[Math.floor(n / delta.length)] * delta[n % delta.length]) });
  const mine = {
    dW2: rowsOuter(at('a1'), at('delta3')), // δ3 where δ2 belongs: widths 2 and 2
    dW3: rowsOuter(at('a3'), at('delta3')), // a3, the layer's own output, where a2 belongs: W3 is 2 × 2
    fprime1: { shape: [1, 3], data: Float64Array.from(at('z1'), (z) => z * (1 - z)) }, // a(1 − a) on z
    dW1: rowsOuter(at('X'), at('delta1')), // right
  };
  const by = Object.fromEntries(compareArrays(mine, arrays, variants).rows.map((r) => [r.labName, r]));
  assert.equal(by.dW2.mistake, 'dW2 and db2 use δ3, the layer above\'s δ: use δ2');
  assert.deepEqual([by.dW3.orientation, by.dW3.mistake], ['transposed', 'dW3 uses a3, the layer\'s own output: use a2, its input (dW3 = δ3 a2ᵀ)']);
  assert.equal(by.fprime1.mistake, 'The sigmoid derivative x(1 − x) is evaluated on z instead of on a = σ(z)');
  assert.deepEqual([by.dW1.agree, by.dW1.total, by.dW1.mistake], [6, 6, '']);
  // layer 1 (width 3) has no δ of its shape, and its W (3 × 2) is not square
  assert.ok(!variants.some((v) => /dW1 (and db1 use|uses a1)|δ1 holds/.test(v.text)));
});
