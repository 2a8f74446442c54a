// Numbers that cross from JS into the core are checked before any cast: NaN, undefined, 2.5 or
// 1e10 where a whole number belongs get an Error that names the field and what is allowed, and
// the object and module keep working. JSON text with a number beyond a double or nested 100,000
// deep is refused with the field named, and the heap comes back to where it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLab } from '../../web/js/engine/engine.js';

const lab = await createLab();

test('whole numbers from JS are checked, with the field named', () => {
  const data = lab.generate({ name: 'xor', samples: 40, seed: 1 });
  const net = lab.network({ input: 2, layers: [{ units: 4, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], loss: 'binary_cross_entropy' });
  const trainer = lab.trainer(net, data, { epochs: 10, batch_size: 8 });
  for (const bad of [2.5, NaN, undefined, 1e10, 0, -3]) {
    assert.throws(() => trainer.run(bad), (e) => e instanceof Error && /\[Trainer\] run: epochs must be a whole number in 1\.\.100000, got /.test(e.message), String(bad));
  }
  assert.equal(trainer.epoch, 0, 'nothing trained');
  assert.equal(trainer.run(2).epoch, 2, 'and the trainer still works');
  assert.throws(() => net.jacobianTest(0.5), /\[GradientTest\] layer must be a whole number in 0\.\.63, got 0\.5/);
  assert.throws(() => net.jacobianTest(2), /there is no layer at index 2/);
  assert.throws(() => lab.rngSample(1, 1e9), (e) => e instanceof Error && /\[Rng\] count must be a whole number in 0\.\.1000000, got 1000000000/.test(e.message));
  assert.throws(() => lab.rngSample(-1, 3), /\[Rng\] seed must be a whole number in 0\.\.9007199254740991, got -1/);
  assert.throws(() => lab.rngSample(NaN, 3), /seed must be a whole number .* got NaN or nothing/);
  assert.equal(lab.rngSample(1, 3).length, 6);
  assert.throws(() => lab.dataset({ name: 'd', samples: 2.5, features: 1, featureValues: [1, 2], labels: [0, 1], classes: 2 }), /\[Dataset\] samples must be a whole number in 1\.\.100000, got 2\.5/);
  for (const owned of [trainer, net, data]) owned.dispose();
});

test('JSON with a number beyond a double or nested 100,000 deep is refused with the field named, and nothing leaks', () => {
  const before = lab.heapBytesInUse();
  const handles = lab.liveHandles();
  for (let i = 0; i < 20; i += 1) {
    assert.throws(() => lab.network(`{"input": 2, "layers": [{"units": 1}], "l2": 1e400}`), /\[Spec\] l2 is too large for a double/);
    assert.throws(() => lab.network('['.repeat(100000) + ']'.repeat(100000)), /nested more than 64 levels deep/);
    assert.throws(() => lab.generate('{"name": "circles", "noise": 1e400}'), /\[Generator\] noise is too large for a double/);
    assert.throws(() => lab.parseCsv('a,b\n1,0\n2,1\n', '{"label_column": 1e999}'), /label_column is too large for a double/);
  }
  assert.equal(lab.liveHandles(), handles);
  assert.ok(lab.heapBytesInUse() - before < 64 * 1024, `the heap grew by ${lab.heapBytesInUse() - before} bytes`);
  const net = lab.network({ input: 2, layers: [{ units: 1 }] });
  assert.equal(net.parameterCount, 3, 'the module still works');
  net.dispose();
});

test('arrays from JS that are missing or not arrays give an Error naming the field, and empty selections are refused', () => {
  const net = lab.network({ input: 2, layers: [{ units: 2, activation: 'tanh' }, { units: 1 }] });
  const kept = net.getParameters();
  assert.throws(() => net.setParameters(null), /\[Network\] setParameters: values must be an array of numbers, got null/);
  assert.throws(() => net.forward(null), /\[Network\] inputs must be an array of numbers, got null/);
  assert.throws(() => net.loss([1, 2], undefined), /\[Network\] targets must be an array of numbers, got nothing/);
  assert.throws(() => net.forward('12'), /\[Network\] inputs must be an array of numbers, got a string/);
  assert.deepEqual(Array.from(net.getParameters()), Array.from(kept), 'the network is unchanged');
  assert.throws(() => lab.dataset({ name: 'd', samples: 2, features: 1, labels: [0, 1], classes: 2 }), /\[Dataset\] featureValues must be an array of numbers, got nothing/);
  const data = lab.generate({ name: 'circles', samples: 40, seed: 1 });
  assert.throws(() => data.subset([]), /\[Dataset\] subset: indices must name at least one sample/);
  assert.throws(() => data.selectFeatures([]), /\[Dataset\] selectFeatures: features must name at least one of the 2 features/);
  assert.throws(() => data.subset(null), /indices must be an array of whole numbers, got null/);
  assert.equal(data.subset([0, 1]).info.samples, 2, 'the dataset still works');
  data.dispose();
  net.dispose();
});

test('a scaler refuses NaN and infinite features, naming the sample and feature', () => {
  const data = lab.generate({ name: 'circles', samples: 40, seed: 1 });
  const prepared = data.prepare({ validation: 0, test: 0.25, seed: 1 }, 'standardize');
  assert.throws(() => prepared.scale([0.5, NaN]), /\[Scaler\] features must be finite numbers; sample 0, feature 2 is nan/i);
  assert.throws(() => prepared.scale([Infinity, 0]), /sample 0, feature 1 is inf/i);
  assert.equal(prepared.scale([0.5, 0.5]).length, 2, 'and it still scales');
  prepared.dispose();
  data.dispose();
});
