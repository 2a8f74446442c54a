// A comparison in a link: pinned runs written as the settings in which they differ from the
// link's run come back as the same states, a sweep comes back as its setting and values, and a
// tampered part is refused with the run and the setting named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLab } from '../../web/js/engine/engine.js';
import { useSchema } from '../../web/js/schema.js';
import { defaults, parseHash, toHash } from '../../web/js/state.js';
import { decodePins, decodeSweep, encodePins, encodeSweep } from '../../web/js/train/train-comparison.js';
import { SWEEPS } from '../../web/js/train/train-runs.js';

useSchema(await createLab());

const base = { ...defaults(), lab: 'train', tdata: 'circles', tep: 5, tlr: 0.1 };

test('pinned runs travel as their differing settings and come back as the same states', () => {
  const pinned = [
    { ...base, tlr: 0.3 },
    { ...base, tlr: null, tarch: 'd16_relu,r_relu', topt: 'adam' },
    { ...base },
  ];
  const text = encodePins(base, pinned);
  assert.equal(text, 'tlr~0.3!tarch~d16_relu,r_relu*topt~adam*tlr~!same');
  // through a whole link and back
  const { state, notes } = parseHash(toHash({ ...base, tpins: text }));
  assert.deepEqual(notes, []);
  assert.equal(state.tpins, text);
  assert.deepEqual(decodePins(base, state.tpins).states, pinned);
  assert.deepEqual(decodePins(base, '').states, []);
});

test('a sweep travels as its setting and values', () => {
  const text = encodeSweep('l2', [0, 0.001, 0.01]);
  assert.equal(text, 'l2~0,0.001,0.01');
  assert.deepEqual(decodeSweep(text), { key: 'l2', values: [0, 0.001, 0.01] });
  assert.equal(decodeSweep(''), null);
  assert.match(decodeSweep('speed~1,2').error, /sweep's setting must be one of lr, batch/);
  assert.match(decodeSweep('lr~0.1').error, /learning rate η: give 2 to 12 values/);
  assert.match(decodeSweep('lr~0.1,-1').error, /"-1" is not allowed/);
});

test('a sweep over names (activations, initialisations) travels as the names, checked against the core\'s choices', () => {
  assert.equal(encodeSweep('activation', ['sigmoid', 'relu']), 'activation~sigmoid,relu');
  assert.deepEqual(decodeSweep('activation~sigmoid,relu'), { key: 'activation', values: ['sigmoid', 'relu'] });
  assert.deepEqual(decodeSweep('init~zeros,he'), { key: 'init', values: ['zeros', 'he'] });
  assert.match(decodeSweep('activation~sigmoid,softmax').error, /must be one of identity, sigmoid, tanh, relu, leaky_relu; "softmax" is not allowed/);
  assert.match(decodeSweep('init~he,he').error, /he is given twice/);
  assert.deepEqual(parseHash('#lab=train&tsweep=activation~sigmoid,leaky_relu').notes, []);
  // every scheme and activation is applied to the state the way the form would write it
  const state = { ...base, tarch: 'd8_tanh,r_tanh' };
  assert.deepEqual(SWEEPS.activation.apply(state, 'relu'), { tarch: 'd8_relu,r_relu' });
  assert.deepEqual(SWEEPS.init.apply(state, 'he'), { tinit: 'he', tiscale: null });
});

test('a tampered pinned run is refused with the run and the setting named', () => {
  assert.match(decodePins(base, 'tlr~0.3!tfoo~1').error, /^pinned run 2: "tfoo" is not a Train-lab setting/);
  assert.match(decodePins(base, 'tlr~0.3!tlr~-4').error, /^pinned run 2: tlr must be a number in/);
  assert.match(decodePins(base, 'tlossview~sum').error, /"tlossview" is not a Train-lab setting/);
  const { notes } = parseHash('#lab=train&tpins=tlr%3D0.3');
  assert.match(notes[0], /tpins must be pinned runs like/);
});

test('a sweep over the optimizer compares the core\'s solvers, L-BFGS among them (seed 004 C.3)', () => {
  assert.deepEqual(decodeSweep('optimizer~sgd,adam,lbfgs'), { key: 'optimizer', values: ['sgd', 'adam', 'lbfgs'] });
  assert.deepEqual(SWEEPS.optimizer.apply(base, 'lbfgs'), { topt: 'lbfgs' });
  assert.match(decodeSweep('optimizer~sgd,newton').error, /"newton" is not allowed/);
});
