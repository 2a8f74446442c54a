// Builds the hand-written reference MLP (bench/reference/) as its own wasm module with the core's
// compile flags, in build/wasm/bench-reference/ (the wasm preset's tree, `npm run bench` builds
// the core's module there first).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function buildReference() {
  execFileSync('bash', ['-c', 'source scripts/env.sh && cmake --build --preset wasm --target bench_reference'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
