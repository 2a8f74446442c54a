// The native side: configures and builds bench/native (the core, Release, as the native tests
// build it) in build/bench-native, then runs train_bench once per workload, and reference_bench
// (the core against the hand-written reference MLP) once per workload.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { workloads, TIMED_RUNS, WARM_UP_SECONDS } from './workloads.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = `${root}build/bench-native`;

export function buildNative() {
  const run = (args) => execFileSync('cmake', args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  run(['-S', 'bench/native', '-B', buildDir, '-DCMAKE_BUILD_TYPE=Release']);
  run(['--build', buildDir, '--target', 'train_bench', 'reference_bench', '-j2']);
}

const workloadArgs = (w, runs) => [`${root}datasets/${w.file}`, w.preset, String(w.divisor), JSON.stringify(w.spec),
  JSON.stringify(w.settings), String(runs), String(WARM_UP_SECONDS)];

/** {A: {core: [s…], reference: [s…], samples, max_weight_difference}, B: …}: the core and the reference MLP, interleaved. */
export function runNativeReference(runs = TIMED_RUNS) {
  const results = {};
  for (const w of workloads) {
    results[w.id] = JSON.parse(execFileSync(`${buildDir}/reference_bench`, workloadArgs(w, runs), { encoding: 'utf8' }));
  }
  return results;
}

/** {A: {seconds, samples, accuracy}, B: …} from the native core. */
export function runNative(runs = TIMED_RUNS) {
  const results = {};
  for (const w of workloads) {
    const out = execFileSync(`${buildDir}/train_bench`, workloadArgs(w, runs), { encoding: 'utf8' });
    results[w.id] = JSON.parse(out);
  }
  return results;
}
