// Long curves reach Chart.js as min/max buckets: at most 2,000 points, in x order, with every
// bucket's lowest and highest value kept (so the overall minimum and maximum are drawn) and a gap
// (a diverged epoch's NaN, drawn as null) still a gap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decimate } from '../../web/js/ui/line-chart.js';

test('a 100,000-point series becomes at most 2,000 points that keep its extremes and gaps', () => {
  const data = Array.from({ length: 100000 }, (_, i) => ({ x: i + 1, y: Math.exp(-i / 20000) + 0.01 * Math.sin(i) }));
  data[50000].y = null; // a gap
  data[777].y = 5; // a spike
  data[99998].y = -1; // a dip
  const out = decimate(data);
  assert.ok(out.length <= 2000 && out.length > 1200, `${out.length} points`);
  for (let i = 1; i < out.length; i += 1) assert.ok(out[i].x > out[i - 1].x, 'x increases');
  const values = out.filter((p) => p.y !== null).map((p) => p.y);
  assert.equal(Math.max(...values), 5);
  assert.equal(Math.min(...values), -1);
  assert.ok(out.some((p) => p.x === 50001 && p.y === null), 'the gap is kept');
  assert.equal(out[0].x, 1);
  // every kept point is one of the input points, unchanged
  const byX = new Map(data.map((p) => [p.x, p]));
  for (const p of out) assert.equal(byX.get(p.x).y, p.y);
  // a short series passes unchanged, a log axis turns values ≤ 0 into gaps
  const short = data.slice(0, 500);
  assert.deepEqual(decimate(short), short);
  assert.equal(decimate([{ x: 1, y: -1 }, { x: 2, y: 3 }], { logY: true })[0].y, null);
});
