// The friendly JS API over the wasm module, used by the page, the worker and the node tests.
// Every call goes through `call()`, so a C++ error arrives as a JS Error with the core's message
// and the module keeps working. Handles own wasm memory: call dispose() when done.
import createBackpropModule from '../generated/backprop.mjs';

/**
 * Runs fn against the module; on a thrown Error, restores the wasm stack pointer that a JS throw
 * out of C++ frames leaves behind, then rethrows.
 */
function call(module, fn) {
  const stack = module.stackSave();
  try {
    return fn();
  } catch (error) {
    module.stackRestore(stack);
    throw error instanceof Error ? error : new Error(`core error: ${String(error)}`);
  }
}

/** A network built from a model spec (DESIGN.md). Call dispose() to free its wasm memory. */
export class Network {
  #module;
  #handle;

  /** @param {object} module the wasm module; @param {object|string} spec a model spec */
  constructor(module, spec) {
    this.#module = module;
    const text = typeof spec === 'string' ? spec : JSON.stringify(spec);
    this.#handle = call(module, () => new module.Network(text));
  }

  #live() {
    if (!this.#handle) throw new Error('[Network] this network was disposed; create a new one');
    return this.#handle;
  }

  /** The model spec with every field filled in. */
  get spec() { return JSON.parse(this.#live().specJson()); }
  /** Number of parameters in the flat vector. */
  get parameterCount() { return this.#live().parameterCount(); }
  /** Features per input sample. */
  get inputSize() { return this.#live().inputSize(); }
  /** Values per output sample. */
  get outputSize() { return this.#live().outputSize(); }
  /** The flat parameter vector (a copy), in DESIGN.md order. */
  getParameters() { return call(this.#module, () => this.#live().parameters()); }
  /** Sets the flat parameter vector (array or Float64Array of parameterCount numbers). */
  setParameters(values) {
    call(this.#module, () => this.#live().setParameters(Float64Array.from(values)));
  }
  /** Outputs for `inputs` (n samples × inputSize numbers, row-major), as n × outputSize numbers. */
  forward(inputs, samples = inputs.length / this.inputSize) {
    return call(this.#module, () => this.#live().forward(Float64Array.from(inputs), samples));
  }
  /** Frees the wasm memory of this network; later calls throw. */
  dispose() {
    this.#handle?.delete();
    this.#handle = null;
  }
}

/** Loads the wasm module and resolves to the lab API. */
export async function createLab() {
  const module = await createBackpropModule();
  return {
    /** A new Network from a model spec object or JSON text. */
    network: (spec) => new Network(module, spec),
    /** The first `count` uniforms then `count` normals of the project's generator for `seed`. */
    rngSample: (seed, count) => call(module, () => module.rngSample(seed, count)),
  };
}
