// The size of a sweep's pool of workers: the cores (one left for the page on 4 or more), the
// number of runs, a memory budget for the workers' copies of the data, and a chosen count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { POOL_MEMORY_BUDGET, POOL_MOST_WORKERS, poolSize, workerBytes } from '../../web/js/train/train-pool.js';

test('a pool uses every core on 2 cores, leaves one for the page on 4 or more, and never exceeds the runs', () => {
  const digits = { samples: 1797, features: 64 };
  assert.deepEqual(poolSize({ runs: 8, ...digits, cores: 2 }), { size: 2, cores: 2, byMemory: poolSize({ runs: 8, ...digits, cores: 2 }).byMemory, reason: 'cores' });
  assert.equal(poolSize({ runs: 8, ...digits, cores: 1 }).size, 1);
  assert.equal(poolSize({ runs: 8, ...digits, cores: 4 }).size, 3);
  assert.equal(poolSize({ runs: 20, ...digits, cores: 64 }).size, POOL_MOST_WORKERS);
  assert.deepEqual(poolSize({ runs: 2, ...digits, cores: 16 }).size, 2);
  assert.equal(poolSize({ runs: 2, ...digits, cores: 16 }).reason, 'runs');
  assert.equal(poolSize({ runs: 8, ...digits, cores: 16, chosen: 1 }).size, 1);
  assert.equal(poolSize({ runs: 8, ...digits, cores: 2, chosen: 5 }).size, 5); // a chosen count may exceed the cores
});

test('the memory budget caps the pool for large data: MNIST-size copies', () => {
  const mnist = { samples: 10000, features: 784 };
  // 4 copies of 63 MB of doubles and the module: about 300 MB a worker
  assert.equal(workerBytes(10000, 784), 48 * 2 ** 20 + 4 * 8 * 10000 * 784);
  const pool = poolSize({ runs: 12, ...mnist, cores: 16 });
  assert.equal(pool.byMemory, Math.floor(POOL_MEMORY_BUDGET / workerBytes(10000, 784)));
  assert.equal(pool.size, 3);
  assert.equal(pool.reason, 'memory');
  // the most data the page takes (10,000,000 values, 80 MB of doubles) gets 2 workers
  assert.equal(poolSize({ runs: 8, samples: 100000, features: 100, cores: 8 }).size, 2);
  // data beyond the budget still gets one worker
  assert.equal(poolSize({ runs: 4, samples: 1e7, features: 1000, cores: 8 }).size, 1);
});
