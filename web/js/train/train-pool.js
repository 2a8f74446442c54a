// Sweeps and grids train their runs on a pool of training workers, one run per worker at a time,
// so that every core trains. The pool's size comes from the cores (one left for the page on
// machines with 4 or more), the number of runs, and a memory budget: each worker holds its own
// copy of the data (fetched or generated there; only the request or the compressed file travels).
import { TrainingClient } from '../engine/training-client.js';

/** The most workers a pool starts, whatever the cores. */
export const POOL_MOST_WORKERS = 8;
/** What all the pool's workers together may take (bytes). */
export const POOL_MEMORY_BUDGET = 1024 * 2 ** 20;
/** A worker's memory besides the data: the wasm module, the network, the trainer's buffers (bytes, generous). */
const WORKER_BASE_BYTES = 48 * 2 ** 20;
/**
 * Copies of the data a worker holds while it trains, as doubles: the dataset, its split parts and
 * the trainer's copy of the training part.
 */
const DATA_COPIES = 3;

/** The bytes one worker needs for a dataset of `samples` × `features` (an estimate that errs high). */
export function workerBytes(samples, features) {
  return WORKER_BASE_BYTES + DATA_COPIES * 8 * samples * features;
}

/**
 * How many workers a pool of `runs` runs starts: {size, cores, byMemory, reason} where reason
 * names what limited it ('cores' | 'runs' | 'memory' | 'chosen'). `chosen` (a number, or null
 * for automatic) is a student's or teacher's choice, still bounded by the runs and the memory.
 */
export function poolSize({ runs, samples, features, chosen = null, cores = globalThis.navigator?.hardwareConcurrency || 1 }) {
  const byCores = Math.min(POOL_MOST_WORKERS, cores >= 4 ? cores - 1 : cores);
  const byMemory = Math.max(1, Math.floor(POOL_MEMORY_BUDGET / workerBytes(samples, features)));
  const wanted = chosen ?? byCores;
  const size = Math.max(1, Math.min(wanted, runs, byMemory));
  const reason = size === byMemory && byMemory < Math.min(wanted, runs) ? 'memory' : size === runs && runs < wanted ? 'runs' : chosen ? 'chosen' : 'cores';
  return { size, cores, byMemory, reason };
}

/**
 * Runs `jobs` (an array) on `size` new training workers: each worker takes the next job when its
 * last one ends, `run(client, job, index)` trains it and resolves with its result. Results are
 * handed to onResult(result, index) in the jobs' order (a fast later job waits for the earlier
 * ones), so a table fills in order. cancel() starts no new job (the running ones are stopped by
 * `run` through its own check). Resolves with the results in order (jobs never started are left
 * out); the workers end with it.
 */
export function runOnPool({ jobs, size, run, onResult }) {
  const clients = Array.from({ length: Math.max(1, Math.min(size, jobs.length)) }, () => new TrainingClient());
  const results = new Array(jobs.length);
  const finished = new Array(jobs.length).fill(false);
  let next = 0;
  let handed = 0;
  let cancelled = false;
  // jobs start in order, so once the pool ends every job before `next` has finished
  const handOn = () => {
    while (handed < jobs.length && finished[handed]) {
      onResult(results[handed], handed);
      handed += 1;
    }
  };
  async function work(client) {
    for (;;) {
      if (cancelled || next >= jobs.length) return;
      const index = next;
      next += 1;
      results[index] = await run(client, jobs[index], index);
      finished[index] = true;
      handOn();
    }
  }
  const done = Promise.all(clients.map(work))
    .then(() => results.filter((_, i) => finished[i]))
    .finally(() => { for (const client of clients) client.terminate(); });
  return { done, workers: clients.length, cancel() { cancelled = true; } };
}
