// Emscripten 3.1.6's glue reads the CommonJS global __dirname when it runs under Node, which an
// ES module does not have. The .wasm is inlined (SINGLE_FILE), so no directory is ever needed.
var __dirname = '';
