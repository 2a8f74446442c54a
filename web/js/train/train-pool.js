// Sweeps and grids train their runs on a pool of training workers, one run per worker at a time,
// so that every core trains. The pool's size comes from the cores (one left for the page on
// machines with 4 or more), the number of runs, and a memory budget: each worker holds its own
// copy of the data (fetched or generated there; only the request or the compressed file travels).
// Workers are kept for a while after a pool ends, so that the next sweep starts at once (a
// worker's start compiles the module; its bundled data stays loaded).
import { TrainingClient } from '../engine/training-client.js';

/** The most workers a pool starts, whatever the cores. */
export const POOL_MOST_WORKERS = 8;
/** What all the pool's workers together may take (bytes). */
export const POOL_MEMORY_BUDGET = 1024 * 2 ** 20;
/** How long an idle worker is kept for the next pool (ms). */
export const POOL_IDLE_MS = 60000;
/** Workers a pool has finished with, kept for the next one until the timer ends them. */
const idle = [];
let idleTimer = null;

/** `count` workers: idle ones first, then new ones. */
function takeWorkers(count) {
  clearTimeout(idleTimer);
  const taken = idle.splice(0, count);
  while (taken.length < count) taken.push(new TrainingClient());
  return taken;
}

/** Keeps `clients` for the next pool; all idle workers end POOL_IDLE_MS after the last pool. */
function keepWorkers(clients) {
  idle.push(...clients);
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => { for (const client of idle.splice(0)) client.terminate(); }, POOL_IDLE_MS);
}

/** A worker's memory besides the data: the wasm module, the network, the trainer's buffers (bytes, generous). */
const WORKER_BASE_BYTES = 48 * 2 ** 20;
/**
 * Copies of the data a worker holds while it trains, as doubles: the bundled dataset it keeps for
 * the next setup, the run's copy, its split parts and the trainer's copy of the training part.
 */
const DATA_COPIES = 4;

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
 * Runs `jobs` (an array) on `size` training workers (kept ones first): each worker takes the next job when its
 * last one ends, `run(client, job, index)` trains it and resolves with its result. Results are
 * handed to onResult(result, index) in the jobs' order (a fast later job waits for the earlier
 * ones), so a table fills in order. cancel() starts no new job (the running ones are stopped by
 * `run` through its own check). Resolves with the results in order (jobs never started are left
 * out). A worker whose job `reusable(result)` says failed is ended; the others are kept for the
 * next pool (POOL_IDLE_MS).
 * @param {{ jobs: any[], size: number, run: (client: TrainingClient, job: any, index: number) => Promise<any>,
 *   onResult: (result: any, index: number) => void, reusable?: (result: any) => boolean }} options
 */
export function runOnPool({ jobs, size, run, onResult, reusable = () => true }) {
  const clients = takeWorkers(Math.max(1, Math.min(size, jobs.length)));
  const broken = new Set();
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
      if (!reusable(results[index])) broken.add(client);
      handOn();
    }
  }
  const done = Promise.all(clients.map(work))
    .then(() => results.filter((_, i) => finished[i]))
    .finally(() => {
      for (const client of broken) client.terminate();
      keepWorkers(clients.filter((client) => !broken.has(client)));
    });
  return { done, workers: clients.length, cancel() { cancelled = true; } };
}
