// The page's JS + wasm payload, gzipped (zlib level 9), datasets excluded. Counted: the module
// web/generated/backprop.mjs (JS glue) and its backprop.wasm, every web/js/**/*.js (the worker's
// files too, though they load only when training starts), and the vendor JS/CSS files the page
// requested while loading. Also: how the module splits into glue and wasm.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const web = fileURLToPath(new URL('../web', import.meta.url));
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

function jsFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

function entry(path) {
  const bytes = readFileSync(path);
  return { file: relative(web, path), bytes: bytes.length, gzip: gz(bytes) };
}

/** How the module splits: the JS glue (backprop.mjs) and the wasm binary (backprop.wasm). */
export function moduleParts(folder = join(web, 'generated')) {
  const glue = readFileSync(join(folder, 'backprop.mjs'));
  const wasm = readFileSync(join(folder, 'backprop.wasm'));
  return {
    glue: { bytes: glue.length, gzip: gz(glue) },
    wasm: { bytes: wasm.length, gzip: gz(wasm) },
  };
}

/** {groups: [{name, files, bytes, gzip}], total} for the paths the page loaded (relative to web/). */
export function measurePayload(loadedPaths) {
  const vendor = [...new Set(loadedPaths)].filter((p) => p.startsWith('vendor/') && /\.(js|css)$/.test(p)).sort();
  const groups = [
    { name: 'module (web/generated/backprop.mjs + backprop.wasm)', files: ['backprop.mjs', 'backprop.wasm'].map((f) => entry(join(web, 'generated', f))) },
    { name: 'page JS (web/js/**/*.js)', files: jsFiles(join(web, 'js')).sort().map(entry) },
    { name: 'vendor JS/CSS loaded', files: vendor.map((p) => entry(join(web, p))) },
  ].map((g) => ({ ...g, bytes: g.files.reduce((s, f) => s + f.bytes, 0), gzip: g.files.reduce((s, f) => s + f.gzip, 0) }));
  return {
    groups,
    total: { bytes: groups.reduce((s, g) => s + g.bytes, 0), gzip: groups.reduce((s, g) => s + g.gzip, 0) },
  };
}
