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
