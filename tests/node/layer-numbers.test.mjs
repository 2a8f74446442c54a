// The Gradient-test lab counts layers from 1 on the page while the engine's sentences count them
// from 0: numberedFromOne() renumbers every layer an engine sentence names, and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layerNumber, numberedFromOne } from '../../web/js/gradient/layer-numbers.js';

test('engine sentences name layers from 1 on the page; other numbers stay as they are', () => {
  assert.equal(layerNumber(0), 1);
  assert.equal(numberedFromOne('transposed Jacobian of residual layer 1 (relu) w.r.t. W2 (g = f(x)ᵀu, 8 samples)'),
    'transposed Jacobian of residual layer 2 (relu) w.r.t. W2 (g = f(x)ᵀu, 8 samples)');
  assert.equal(numberedFromOne('3 of 83 checked entries disagree (largest relative error 1.2e-3), in layer(s) 0, 2: look for the bug'),
    '3 of 83 checked entries disagree (largest relative error 1.2e-3), in layer(s) 1, 3: look for the bug');
  assert.equal(numberedFromOne('83 of 86 entries checked; 3 of layer 1 W’s 36 entries are left out'),
    '83 of 86 entries checked; 3 of layer 2 W’s 36 entries are left out');
  assert.equal(numberedFromOne('(checked: layer 0 W 33 of 48, layer 10 W 33 of 36)'), '(checked: layer 1 W 33 of 48, layer 11 W 33 of 36)');
  assert.equal(numberedFromOne('layers[2] is a residual block of width 4; 2 layers, sublayer 3'), 'layers[2] is a residual block of width 4; 2 layers, sublayer 3');
});
