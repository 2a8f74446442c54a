// The type of the Emscripten module that the wasm build writes beside this file (backprop.mjs).
// This declaration is kept in git, so that tsc (npm run lint) checks web/js/engine/engine.js against it
// before the module is built and never type-checks the generated, minified glue. The module's
// members are the embind table in wasm/bindings.cpp; docs/api.md documents them through engine.js.

/** Options of the Emscripten factory that engine.js uses. */
export interface ModuleOptions {
  /** The .wasm bytes (under node; browsers fetch and stream-compile backprop.wasm). */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

/** Instantiates the module; resolves to the embind table of wasm/bindings.cpp. */
export default function createBackpropModule(options?: ModuleOptions): Promise<any>;
