// Recipes stay in JS but may not contradict the core: the least-squares recipe's L2 λ is the
// generator's default λ, so that the recipe's training loss is the seed's f(w) and the exact
// optimum applies; and every recipe's network and settings are accepted by the core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLab } from '../../web/js/engine/engine.js';
import { RECIPES, runConfig } from '../../web/js/train/train-config.js';
import { inRange, schemaRow, useSchema } from '../../web/js/schema.js';
import { defaults } from '../../web/js/state.js';

const lab = await createLab();
useSchema(lab);

test('every recipe\'s values are allowed by the core\'s schema rows', () => {
  const number = (section, path, value, name) => assert.ok(inRange(schemaRow(section, path), value), `${name}: ${path} = ${value} must be ${schemaRow(section, path).allowed}`);
  const choice = (section, path, value, name) => assert.ok(schemaRow(section, path).choices.some((c) => c.name === value), `${name}: ${path} = ${value}`);
  for (const [name, recipe] of Object.entries(RECIPES)) {
    /** @type {any} */
    const r = recipe;
    number('settings', 'learning_rate', r.lr, name);
    number('settings', 'batch_size', r.batch, name);
    number('settings', 'epochs', r.epochs, name);
    number('spec', 'l2', r.l2, name);
    number('spec', 'init.scale', r.initScale, name);
    number('settings', 'seed', r.seed, name);
    number('data', 'split.validation', r.split.validation, name);
    number('data', 'split.test', r.split.test, name);
    choice('settings', 'optimizer.name', r.optimizer, name);
    choice('spec', 'init.scheme', r.init, name);
    choice('data', 'scaling', r.scaling, name);
    if (r.metrics) choice('settings', 'epoch_metrics', r.metrics, name);
    if (r.schedule) {
      number('settings', 'lr_schedule.factor', r.schedule.factor, name);
      number('settings', 'lr_schedule.every', r.schedule.every, name);
    }
  }
});

test('the least-squares recipe uses the generator\'s default λ, and the optimum applies to it', () => {
  const generator = lab.generators.find((g) => g.name === 'least_squares');
  assert.equal(RECIPES.least_squares.l2, generator.default_lambda);
  const config = runConfig({ ...defaults(), tdata: 'least_squares' });
  const request = { name: 'least_squares', samples: generator.page_samples, noise: generator.default_noise, seed: 1, lambda: generator.default_lambda };
  const data = lab.generate(request);
  const net = lab.network(config.spec(data.info.features, 1));
  const prepared = data.prepare(config.split, config.scaling);
  const trainer = lab.trainer(net, prepared.train, config.settings);
  assert.equal(trainer.useLeastSquaresOptimum(prepared.train, request), '');
  for (const owned of [trainer, prepared, net, data]) owned.dispose();
});

test('every recipe\'s settings are accepted by the core', () => {
  for (const name of Object.keys(RECIPES)) {
    const settings = runConfig({ ...defaults(), tdata: name }).settings;
    const net = lab.network({ input: 2, layers: [{ units: 1 }], loss: 'mse' });
    const data = lab.generate({ name: 'plane', samples: 20, seed: 1 });
    const trainer = lab.trainer(net, data, settings);
    assert.equal(trainer.settings.learning_rate, settings.learning_rate, name);
    for (const owned of [trainer, data, net]) owned.dispose();
  }
});
