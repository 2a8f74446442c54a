// The page's JS + wasm payload, gzipped (zlib level 9), datasets excluded, as the hosted site
// (dist/, written by scripts/make-dist.mjs: the page JS without comments) serves it. Counted: the
// module generated/backprop.mjs (JS glue) and its backprop.wasm, every js/**/*.js (the worker's
// files too, though they load only when training starts), and the vendor JS/CSS files the page
// requested while loading. Also: how the module splits into glue and wasm.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { jsFilesUnder } from '../scripts/make-dist.mjs';

const web = fileURLToPath(new URL('../web', import.meta.url));
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

function entry(site, path) {
  const bytes = readFileSync(path);
  return { file: relative(site, path), bytes: bytes.length, gzip: gz(bytes) };
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

/**
 * {groups: [{name, files, bytes, gzip}], total} of the site in `site` (dist/ or web/) for the
 * paths the page loaded (relative to the site's root).
 */
export function measurePayload(loadedPaths, site = web) {
  const vendor = [...new Set(loadedPaths)].filter((p) => p.startsWith('vendor/') && /\.(js|css)$/.test(p)).sort();
  const file = (path) => entry(site, path);
  const groups = [
    { name: 'module (generated/backprop.mjs + backprop.wasm)', files: ['backprop.mjs', 'backprop.wasm'].map((f) => file(join(site, 'generated', f))) },
    { name: 'page JS (js/**/*.js)', files: jsFilesUnder(join(site, 'js')).sort().map(file) },
    { name: 'vendor JS/CSS loaded', files: vendor.map((p) => file(join(site, p))) },
  ].map((g) => ({ ...g, bytes: g.files.reduce((s, f) => s + f.bytes, 0), gzip: g.files.reduce((s, f) => s + f.gzip, 0) }));
  return {
    groups,
    total: { bytes: groups.reduce((s, g) => s + g.bytes, 0), gzip: groups.reduce((s, g) => s + g.gzip, 0) },
  };
}
