// A grid search's pieces without a browser: reading two settings and their values, the link's
// form of a grid, each cell's state, and a cell's score over its folds (mean and spread as
// scikit-learn's GridSearchCV reports them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLab } from '../../web/js/engine/engine.js';
import { useSchema } from '../../web/js/schema.js';
import { defaults, parseHash } from '../../web/js/state.js';
import { GRID_MOST_RUNS, cellScore, cellState, decodeGrid, encodeGrid, parseGrid } from '../../web/js/train/train-grid.js';

useSchema(await createLab());

test('a grid reads two different settings and their values, and travels in a link', () => {
  const grid = parseGrid('lr', '0.001, 0.01', 'batch', '16, 64, 256');
  assert.deepEqual(grid, { rows: { key: 'lr', values: [0.001, 0.01] }, cols: { key: 'batch', values: [16, 64, 256] } });
  assert.equal(encodeGrid(grid), 'lr~0.001,0.01!batch~16,64,256');
  assert.deepEqual(decodeGrid(encodeGrid(grid)), grid);
  assert.deepEqual(decodeGrid('activation~sigmoid,relu!init~zeros,he').cols.values, ['zeros', 'he']);
  assert.equal(decodeGrid(''), null);
  assert.deepEqual(parseHash('#lab=train&tgrid=lr~0.01,0.1!batch~16,64&tfolds=3&tgscore=heldOutF1').notes, []);
  assert.match(parseHash('#lab=train&tfolds=11').notes[0], /tfolds must be an integer in 1\.\.10/);
});

test('a bad grid is refused with the setting and what is allowed', () => {
  assert.equal(parseGrid('lr', '0.1, 1', 'lr', '1, 2').error, 'choose two different settings; both are learning rate η');
  assert.match(parseGrid('lr', '0.1', 'batch', '16, 32').error, /^learning rate η: give 2 to 12 values/);
  assert.match(parseGrid('lr', '0.1, 1', 'batch', '16, -2').error, /^batch size: each batch size must be/);
  assert.match(parseGrid('speed', '1, 2', 'batch', '16, 32').error, /a grid's settings must be two of lr, batch/);
  const big = parseGrid('lr', '1,2,3,4,5,6,7,8,9,10', 'batch', '1,2,3,4,5,6,7,8,9,10', 3);
  assert.equal(big.error, `10 × 10 values with 3 folds make 300 runs; a grid may train at most ${GRID_MOST_RUNS}`);
});

test('a cell\'s state has both values, the column applied after the row', () => {
  const state = { ...defaults(), tdata: 'digits' };
  const grid = parseGrid('width', '4, 8', 'activation', 'relu, tanh');
  assert.equal(cellState(state, grid, 1, 0).tarch, 'd8_relu');
  assert.equal(cellState(state, grid, 0, 1).tarch, 'd4_tanh');
  const rates = parseGrid('lr', '0.1, 1', 'batch', '16, 64');
  assert.deepEqual([cellState(state, rates, 1, 1).tlr, cellState(state, rates, 1, 1).tbs], [1, 64]);
});

test('a cell\'s score is the mean over its folds with the population standard deviation; a diverged fold ends it', () => {
  const points = [0.8, 0.9, 0.85].map((v) => ({ heldOutMetric: v, status: 'finished' }));
  const score = cellScore(points, 3, 'heldOutMetric');
  assert.ok(Math.abs(score.value - 0.85) < 1e-12);
  assert.ok(Math.abs(score.spread - Math.sqrt(((0.05 ** 2) * 2) / 3)) < 1e-12); // numpy.std, ddof 0
  assert.equal(cellScore(points.slice(0, 2), 3, 'heldOutMetric'), null); // a fold still to come
  assert.ok(Number.isNaN(cellScore([{ heldOutMetric: 0.8, status: 'finished' }], 1, 'heldOutMetric').spread));
  const diverged = cellScore([points[0], { status: 'diverged' }, points[2]], 3, 'heldOutMetric');
  assert.equal(diverged.status, 'diverged');
  assert.ok(Number.isNaN(diverged.value));
  assert.equal(cellScore([{ seconds: 2, status: 'finished' }, { seconds: 4, status: 'finished' }], 2, 'seconds').value, 3);
});

test('a sweep value over its folds: the means and spreads of every score, the runs\' total time, the first failure', async () => {
  const { foldsPoint } = await import('../../web/js/train/train-runs.js');
  const fold = (heldOutMetric, seconds, status = 'finished') => ({ metricName: 'accuracy', heldOut: 'validation', trainMetric: 0.9, heldOutMetric, seconds, status, epochs: 5 });
  const point = foldsPoint(0.1, [fold(0.8, 1), fold(0.9, 2), fold(0.85, 1.5)]);
  assert.equal(point.value, 0.1);
  assert.equal(point.folds, 3);
  assert.ok(Math.abs(point.heldOutMetric - 0.85) < 1e-12);
  assert.ok(Math.abs(point.heldOutMetricSpread - Math.sqrt(0.005 / 3)) < 1e-12);
  assert.equal(point.trainMetricSpread, 0);
  assert.equal(point.seconds, 4.5);
  assert.equal(point.heldOut, 'validation fold');
  assert.equal(point.trainF1, undefined); // a score no fold has is left out
  const failed = foldsPoint(1, [fold(0.8, 1), { status: 'diverged', message: 'Loss became NaN', seconds: 1 }, fold(0.7, 1)]);
  assert.equal(failed.status, 'diverged');
  assert.equal(failed.message, 'Loss became NaN');
  assert.equal(failed.heldOutMetric, undefined);
});
