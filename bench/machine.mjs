// The machine and tool versions that RESULTS.md records beside the figures.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const firstLine = (command, args) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0].trim();
  } catch {
    return 'not found';
  }
};

function eigenVersion() {
  const macros = readFileSync('/usr/include/eigen3/Eigen/src/Core/util/Macros.h', 'utf8');
  const part = (name) => macros.match(new RegExp(`#define EIGEN_${name}_VERSION (\\d+)`))?.[1];
  return `${part('WORLD')}.${part('MAJOR')}.${part('MINOR')}`;
}

const packageVersion = (name) =>
  JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;

/** {cpu, cores, date, versions: {...}}; `chromium` comes from the running browser. */
export function describeMachine(chromium) {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cpu: cpuinfo.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    versions: {
      node: process.version,
      chromium,
      emscripten: firstLine('emcc', ['--version']).match(/\d+\.\d+\.\d+/)?.[0] ?? 'not found',
      'g++': firstLine('g++', ['--version']),
      Eigen: eigenVersion(),
      'TF.js': packageVersion('@tensorflow/tfjs'),
      'TF.js wasm backend': packageVersion('@tensorflow/tfjs-backend-wasm'),
      'playwright-core': packageVersion('playwright-core'),
    },
  };
}
