// The runs the Train lab's curve charts compare: a replaced run stays as "previous", pins keep
// their curves, and a run scored by another metric (accuracy against R²) is left off the charts
// and counted, never drawn on an axis that means something else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLab } from '../../web/js/engine/engine.js';
import { useSchema } from '../../web/js/schema.js';

useSchema(await createLab());
const { createRunPins } = await import('../../web/js/train/train-pins.js');

const run = (metricName, data) => ({ description: { data }, history: [{ epoch: 1, trainLoss: 1, trainMetric: 0.5 }], ready: { metricName, heldOut: 'test' } });

test('runs scored by another metric are left off the charts and counted', () => {
  const pins = createRunPins();
  const autoencoder = run('r2', 'mnist reconstructed');
  pins.pin(autoencoder);
  pins.keepAsPrevious(autoencoder);
  const classifier = run('accuracy', 'codes');
  let shown = pins.shown(classifier);
  assert.deepEqual(shown.map((r) => r.kind), ['current']);
  assert.equal(shown.otherMetric, 1, 'the pinned autoencoder; a pinned run is not kept as previous too');
  pins.pin(classifier);
  const again = run('accuracy', 'codes again');
  pins.keepAsPrevious(classifier);
  shown = pins.shown(again);
  assert.deepEqual(shown.map((r) => r.kind), ['pinned', 'current']);
  assert.equal(shown.otherMetric, 1);
  // with no current run everything is shown
  assert.equal(pins.shown(null).length, 2);
  assert.equal(pins.shown(null).otherMetric, 0);
});
