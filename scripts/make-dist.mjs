// Writes dist/: the static site that any static file server can host, a copy of web/ (with the
// built module and vendor files) whose page JS has its comments removed. The comments are for the
// people who change the code (web/, which `npm start` serves, keeps them); removing them makes the
// hosted page's JS about 40 KB smaller gzipped. `node scripts/make-dist.mjs [folder]`.
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');

/** The syntax errors of a JS module, as messages (none when it parses). */
export function syntaxErrors(text, fileName = 'module.js') {
  const options = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ESNext, allowJs: true };
  const { diagnostics = [] } = ts.transpileModule(text, { fileName, reportDiagnostics: true, compilerOptions: options });
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** The program text of a JS module without its comments, printed from its syntax tree. */
export function withoutComments(text, fileName = 'module.js') {
  const [broken] = syntaxErrors(text, fileName);
  if (broken) throw new Error(`make-dist: ${fileName} does not parse: ${broken}`);
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  return ts.createPrinter({ removeComments: true }).printFile(source);
}

/** Every .js file under `folder`. */
export function jsFilesUnder(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return jsFilesUnder(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

/** Writes the site to `dist` (replacing what is there) and returns the folder. */
export function makeDist(dist = join(root, 'dist')) {
  if (!existsSync(join(web, 'generated', 'backprop.mjs'))) {
    throw new Error('make-dist: web/generated/backprop.mjs is missing; run scripts/build.sh wasm first');
  }
  rmSync(dist, { recursive: true, force: true });
  // the test pages under web/test-pages/ are for the browser tests only
  cpSync(web, dist, { recursive: true, filter: (source) => !source.startsWith(join(web, 'test-pages')) });
  // only the page's own JS: the module's glue and the vendor files come minified
  for (const file of jsFilesUnder(join(dist, 'js'))) writeFileSync(file, withoutComments(readFileSync(file, 'utf8'), file));
  return dist;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = makeDist(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`dist: static site written to ${dist}`);
}
