// Copies the front-end files the page needs from node_modules into web/vendor/ (git-ignored), so
// that web/ is a complete static site both for `npm start` and for dist/.
import { cpSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// [source inside node_modules, destination inside web/vendor]
const files = [];

for (const [source, destination] of files) {
  const from = join(root, 'node_modules', source);
  if (!existsSync(from)) throw new Error(`vendor: ${from} is missing; run npm ci`);
  const to = join(root, 'web', 'vendor', destination);
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
}
