// The core's schema (lab.schema) is the only place a setting's name list or range is written: no
// file under web/js may carry its own copy. The scanner flags a list of two or more names of one
// choice row (an array of strings only, or an object keyed by them), and a row's distinctive bound
// written as a literal (`max: 1000`, `> 1000`, `Math.min(x, 1000)`, `0..1000`). It is shown catching the copies
// main had before the schema existed; the few page-own limits that equal a bound are listed below
// with their reason, and an entry that no longer matches fails too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { createLab } from '../../web/js/engine/engine.js';
import { pageFiles, repositoryRoot as root } from './page-files.mjs';

const lab = await createLab();
const rows = Object.values(lab.schema).flatMap((section) => Object.values(section));
const nameLists = rows.filter((r) => r.kind === 'choice' && r.choices.length >= 2)
  .map((r) => ({ path: r.path, names: new Set(r.choices.map((c) => c.name)) }));
// bounds that say something about one setting (0..5, 10 and 100 are everywhere)
const COMMON = new Set([0, 1, 2, 3, 4, 5, 10, 100]);
const bounds = new Map();
for (const r of rows.filter((row) => row.kind === 'number' || row.kind === 'integer')) {
  for (const value of [r.min, r.max]) if (!COMMON.has(value)) bounds.set(value, [...(bounds.get(value) ?? []), r.path]);
}

/** Page-own limits equal to a row's bound by coincidence: [file, the line's text, why]. */
const OWN_LIMITS = [
  ['web/js/state.js', "name: 'op', kind: 'int', min: 1, max: 100000", 'the Step-through lab\'s operation number, not a setting'],
  ['web/js/state.js', "name: 'sample', kind: 'int', min: 0, max: 100000", 'a sample index; no dataset has more samples'],
  ['web/js/train/train-views.js', 'const spansDecades = high / low > 1e6;', 'a chart spanning six decades gets a log axis'],
  ['web/js/ui/format.js', 'magnitude >= 1e6 ||', 'a number from a million up is written in scientific notation'],
  ['web/js/ui/format.js', 'magnitude >= 1e5 ||', 'a number from 100,000 up is written with significant digits'],
  ['web/js/ui/format.js', 'Math.abs(value) >= 1e5)', 'a number from 100,000 up is written with significant digits'],
  ['web/js/ui/chart-style.js', 'magnitude >= 1e6)', 'a tick label from a million up is written in scientific notation'],
  ['web/js/ui/line-chart.js', 'value < 1e4)', 'a log-axis tick below 10,000 is written in decimals'],
];

const stripComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');
const NUMBER = String.raw`-?\d+(?:\.\d+)?(?:e[-+]?\d+)?`;

/** Every copy in `text` (a file's source): [{line, what}]. */
export function findCopies(text) {
  const code = stripComments(text);
  const found = [];
  const lineOf = (index) => code.slice(0, index).split('\n').length;
  const lineText = (index) => code.split('\n')[lineOf(index) - 1].trim();
  const distinct = (names, list) => [...new Set(names.filter((n) => list.names.has(n)))];
  for (const match of code.matchAll(/\[([^[\]]*)\]/g)) {
    const literal = /'([^']*)'|"([^"]*)"/g;
    // a list is an array of string literals only ([dense(6, 'tanh'), …] builds layers, it lists nothing)
    if (match[1].replace(literal, '').replace(/[\s,]/g, '') !== '') continue;
    const strings = [...match[1].matchAll(literal)].map((m) => m[1] ?? m[2]);
    for (const list of nameLists) {
      const copied = distinct(strings, list);
      if (copied.length >= 2) found.push({ line: lineText(match.index), what: `a list of ${list.path} names (${copied.join(', ')})` });
    }
  }
  for (const match of code.matchAll(/\{[^{}]*\}/g)) {
    const keys = [...match[0].matchAll(/(?:^|[{,\n])\s*(\w+)\s*:/g)].map((m) => m[1]);
    for (const list of nameLists) {
      const copied = distinct(keys, list);
      if (copied.length >= 2) found.push({ line: lineText(match.index), what: `an object keyed by ${list.path} names (${copied.join(', ')})` });
    }
  }
  const patterns = [
    new RegExp(String.raw`\b(?:min|max|maxLength)\s*:\s*(${NUMBER})`, 'g'),
    new RegExp(String.raw`[<>]=?\s*(${NUMBER})\b`, 'g'),
    new RegExp(String.raw`Math\.(?:min|max)\([^()]*,\s*(${NUMBER})\)`, 'g'),
    new RegExp(String.raw`(${NUMBER})\.\.(${NUMBER})`, 'g'),
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      for (const literal of match.slice(1).filter(Boolean)) {
        const paths = bounds.get(Number(literal));
        if (paths) found.push({ line: lineText(match.index), what: `the bound ${literal} of ${paths.join(', ')}` });
      }
    }
  }
  return found;
}

test('the scanner catches the copies main had before the schema', () => {
  const before = [
    "export const OPTIMIZER_LABELS = { sgd: 'SGD', momentum: 'SGD + momentum', nesterov: 'Nesterov momentum', rmsprop: 'RMSProp', adam: 'Adam' };",
    "  { owner: 'train', name: 'tlr', kind: 'number', min: 1e-9, max: 1000, fallback: null },",
    "  { owner: 'train', name: 'tinit', kind: 'enum', values: ['zeros', 'uniform', 'normal', 'xavier', 'he'], fallback: null },",
    '    if (!Number.isFinite(value) || value <= 0 || value > 1000) {',
    '        learningRate: Math.min(run.config.settings.learning_rate, 1000),',
    "  { owner: 'train', name: 'tbs', kind: 'int', min: 1, max: 1000000, fallback: null },",
    "const STOP = {\n  val_loss: 'when the validation loss stops falling',\n  val_metric: 'when it stops rising',\n};",
  ];
  for (const text of before) assert.ok(findCopies(text).length > 0, `not caught: ${text}`);
  assert.deepEqual(findCopies("const x = { name: 'tlr', row: ['settings', 'learning_rate'] };"), []);
});

test('no file under web/js carries its own copy of a name list or range the schema holds', () => {
  const used = new Set();
  const copies = [];
  for (const file of pageFiles()) {
    const name = relative(root, file);
    for (const copy of findCopies(readFileSync(file, 'utf8'))) {
      const own = OWN_LIMITS.find(([f, text]) => f === name && copy.line.includes(text));
      if (own) used.add(own);
      else copies.push(`${name}: ${copy.what} in "${copy.line.slice(0, 120)}"`);
    }
  }
  assert.deepEqual(copies, [], 'read these from lab.schema (web/js/schema.js) instead');
  assert.deepEqual(OWN_LIMITS.filter((entry) => !used.has(entry)), [], 'an OWN_LIMITS entry no longer matches: remove it');
});
