// Writes dist/: a static copy of web/ (with the built module and vendor files) that any static
// file server can host.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');
if (!existsSync(join(web, 'generated', 'backprop.mjs'))) {
  throw new Error('make-dist: web/generated/backprop.mjs is missing; run scripts/build.sh wasm first');
}
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
// the test pages under web/test-pages/ are for the browser tests only
cpSync(web, dist, { recursive: true, filter: (source) => !source.startsWith(join(web, 'test-pages')) });
console.log(`dist: static site written to ${dist}`);
