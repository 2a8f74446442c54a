// Node tests against the built wasm module through the JS wrapper (web/js/engine.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createLab } from '../../web/js/engine.js';
import { SEED001_EXAMPLE } from '../../web/js/presets.js';

const lab = await createLab();
const fixtures = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));

test('seed 001 forward pass gives 0.82 from the wasm core', () => {
  const net = lab.network(SEED001_EXAMPLE.spec);
  net.setParameters(SEED001_EXAMPLE.parameters);
  const [output] = net.forward(SEED001_EXAMPLE.input, 1);
  assert.equal(output.toFixed(2), '0.82');
  const expected = fixtures('seed_examples.json').seed001.a2[0];
  assert.ok(Math.abs(output - expected) < 1e-12, `wasm ${output} vs NumPy ${expected}`);
  net.dispose();
});

test('the generator gives the same numbers as the native build', () => {
  // The same values are asserted in tests/rng.test.cpp for the native build.
  const values = lab.rngSample(42, 3);
  assert.equal(values[0], 0.083862971059882163);
  assert.equal(values[1], 0.37898025066266861);
  assert.equal(values[3], -0.72621913824478568);
  assert.equal(values[4], -0.21119691823195985);
  assert.equal(values[5], 0.22162270150359331);
});

test('NumPy network fixtures: outputs agree to 1e-12', () => {
  for (const c of fixtures('networks.json')) {
    const net = lab.network(c.spec);
    net.setParameters(c.params);
    const out = net.forward(c.X.flat(), c.X.length);
    const expected = c.output.flat();
    assert.equal(out.length, expected.length, c.name);
    for (let i = 0; i < out.length; i += 1) {
      assert.ok(Math.abs(out[i] - expected[i]) < 1e-12, `${c.name}[${i}]: ${out[i]} vs ${expected[i]}`);
    }
    net.dispose();
  }
});

test('core errors arrive as Error with the core message, and the module keeps working', () => {
  assert.throws(() => lab.network({ input: 2, layers: [{ units: 0 }] }),
    (e) => e instanceof Error && e.message.includes('layers[0].units must be an integer in 1..4096, got 0'));
  const net = lab.network(SEED001_EXAMPLE.spec);
  assert.throws(() => net.setParameters([1, 2, 3]), /13 values/);
  assert.throws(() => net.forward([1, 2, 3], 1), /samples × 2 numbers; got 3/);
  // many errors in a row must not exhaust the wasm stack
  for (let i = 0; i < 20000; i += 1) assert.throws(() => net.forward([1], 1));
  net.setParameters(SEED001_EXAMPLE.parameters);
  assert.equal(net.forward([1, 1], 1)[0].toFixed(2), '0.82');
  net.dispose();
  assert.throws(() => net.forward([1, 1], 1), /disposed/);
});
