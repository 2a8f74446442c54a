// What the benchmark page offers to bench/browser.mjs as window.bench: the core's workloads and
// latencies through the page's own engine (web/js/engine/engine.js, data fetched from web/data/ as the
// page does), and the same workloads in TF.js. `?engine=` may name another build's engine.js.
import { workloads } from '../workloads.mjs';
import { scaledDataset, timeCoreWorkload } from '../core-workload.mjs';
import { timeTfjsWorkload } from '../tfjs-workload.mjs';
import { measureLatency } from '../latency.mjs';
import { timeCoreAndReference } from '../reference-workload.mjs';

/** The reference MLP's module, built by bench/build-reference.mjs (not part of the site). */
const REFERENCE_MODULE = '/build/wasm/bench-reference/reference.mjs';
const engineUrl = new URL(location.href).searchParams.get('engine') ?? '/web/js/engine/engine.js';
const { createLab } = await import(engineUrl);
const lab = await createLab();
const dataUrl = new URL('/web/data/', location.href);
const workload = (id) => workloads.find((w) => w.id === id);

async function loadData(w) {
  return scaledDataset(lab, await lab.fetchBundled(w.preset, dataUrl), w);
}

const { tf } = window;
tf.wasm.setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');

window.bench = {
  async core(id, runs) {
    const w = workload(id);
    const data = await loadData(w);
    try {
      return await timeCoreWorkload(lab, data, w, runs);
    } finally {
      data.dispose();
    }
  },
  /** The core and the hand-written reference (build/wasm/bench-reference/), interleaved. */
  async coreVsReference(id, runs) {
    const { default: createReferenceModule } = await import(REFERENCE_MODULE);
    const reference = await createReferenceModule();
    const w = workload(id);
    const data = await loadData(w);
    try {
      return await timeCoreAndReference(lab, reference, data, w, runs);
    } finally {
      data.dispose();
    }
  },
  async latency() {
    const w = workload('A');
    const data = await loadData(w);
    try {
      return measureLatency(lab, data, w.spec);
    } finally {
      data.dispose();
    }
  },
  /** backend 'wasm' | 'cpu', mode 'manual' | 'fit'. */
  async tfjs(id, backend, mode, runs) {
    const w = workload(id);
    if (!(await tf.setBackend(backend))) throw new Error(`TF.js backend ${backend} did not start`);
    await tf.ready();
    const data = await loadData(w);
    const net = lab.network(w.spec);
    const input = { features: data.features(), labels: data.labels(), parameters: net.getParameters() };
    net.dispose();
    data.dispose();
    return timeTfjsWorkload(tf, input, w, mode, runs);
  },
  /** TF.js version and which wasm binary its backend can use here. */
  async tfjsInfo() {
    await tf.setBackend('wasm');
    await tf.ready();
    return {
      version: tf.version.tfjs,
      wasmSimd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
      wasmThreads: await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
    };
  },
};
document.body.dataset.ready = 'true';
