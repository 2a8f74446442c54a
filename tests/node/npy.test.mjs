// The .npy writer (web/js/numpy/npy.js) against a maintained reader (npyjs): headers as NumPy
// writes them (64-byte aligned, '(3,)' for one dimension, '()' for none), exact float64 values,
// texts as 0-d unicode arrays, and a clear error for a shape that does not fit its numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'npyjs';
import { npyNumbers, npyText } from '../../web/js/numpy/npy.js';

const headerOf = (bytes) => {
  const length = new DataView(bytes.buffer).getUint16(8, true);
  return { length, text: new TextDecoder().decode(bytes.subarray(10, 10 + length)) };
};

test('numbers of any shape are read back exactly, with NumPy\'s header', () => {
  for (const [shape, data] of [[[2, 3], [1, -2.5, Math.PI, 1e-300, -0, 7]], [[3], [0.1, 0.2, 0.3]], [[], [42.125]], [[1, 1, 2], [1, 2]]]) {
    const bytes = npyNumbers({ shape, data });
    assert.deepEqual([...bytes.subarray(0, 8)], [0x93, 78, 85, 77, 80, 89, 1, 0]);
    const { length, text } = headerOf(bytes);
    assert.equal((10 + length) % 64, 0, 'the data starts on a 64-byte boundary');
    assert.ok(text.endsWith('\n'));
    const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
    assert.equal(text.trimEnd(), `{'descr': '<f8', 'fortran_order': False, 'shape': ${tuple}, }`);
    const read = parse(bytes.slice().buffer);
    assert.deepEqual(read.shape, shape);
    assert.equal(read.dtype, 'f8');
    assert.ok(read.data instanceof Float64Array);
    assert.deepEqual([...read.data], data);
  }
});

test('a text is a 0-d unicode array; a shape that does not fit is named', () => {
  const bytes = npyText('σ′(z) = a(1 − a)');
  const { length, text } = headerOf(bytes);
  assert.equal(text.trimEnd(), "{'descr': '<U16', 'fortran_order': False, 'shape': (), }");
  const body = new DataView(bytes.buffer, 10 + length);
  assert.equal(String.fromCodePoint(...Array.from({ length: 16 }, (_, i) => body.getUint32(4 * i, true))), 'σ′(z) = a(1 − a)');
  assert.throws(() => npyNumbers({ shape: [2, 2], data: [1, 2, 3] }), /^Error: \[NumPy\] an array of shape \(2, 2\) holds 4 numbers; got 3$/);
});
