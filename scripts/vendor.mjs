// Copies the front-end files the page needs from node_modules into web/vendor/, and the bundled
// datasets into web/data/ (both git-ignored), so that web/ is a complete static site both for
// `npm start` and for dist/.
import { cpSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// [source inside node_modules, destination inside web/vendor]
const files = [
  ['chart.js/dist/chart.umd.js', 'chart.umd.js'],
  ['katex/dist/katex.min.js', 'katex/katex.min.js'],
  ['katex/dist/katex.min.css', 'katex/katex.min.css'],
  ['katex/dist/fonts', 'katex/fonts'],
  // zip and .npy reading for the NumPy export and import (.npz), loaded on first use
  ['fflate/esm/browser.js', 'fflate.js'],
  ['npyjs/dist/index.js', 'npyjs.js'],
];

for (const [source, destination] of files) {
  const from = join(root, 'node_modules', source);
  if (!existsSync(from)) throw new Error(`vendor: ${from} is missing; run npm ci`);
  const to = join(root, 'web', 'vendor', destination);
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
}

mkdirSync(join(root, 'web', 'data'), { recursive: true });
for (const file of readdirSync(join(root, 'datasets')).filter((f) => f.endsWith('.bpds.gz'))) {
  cpSync(join(root, 'datasets', file), join(root, 'web', 'data', file));
}
