// Emscripten 3.1.6's glue reads the CommonJS global __dirname when it runs under Node, which an
// ES module does not have. Under Node engine.js hands the glue the .wasm bytes (wasmBinary), so
// the directory is never used to find a file.
var __dirname = '';
