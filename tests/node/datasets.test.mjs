// Datasets through the wasm build: the generators' fixed values for seed 7 pinned by the native
// tests/generators.test.cpp (exact where only + − × ÷ √ are involved, 1e-12 relative where sin,
// cos or exp are), the bundled files loaded as the page loads them, and CSV errors as JS Errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createLab } from '../../web/js/engine/engine.js';

const lab = await createLab();

// [request, exact, [[column, [first features], label or target], …]]: the native test's table.
/** @type {[{ name: string, [setting: string]: number | string }, boolean, [number, number[], number][]][]} */
const FIXED = [
  [{ name: 'circles', samples: 10, noise: 0.1, seed: 7 }, false,
    [[0, [-0.35558402762816488, -0.87539582078476008], 0], [1, [0.46608476059024639, -0.16914067387920395], 1], [9, [0.40493561469768602, 0.36512998647026035], 1]]],
  [{ name: 'xor', samples: 10, noise: 0.05, seed: 7 }, true,
    [[0, [0.6715007877330238, 0.30409119603781115], 0], [1, [0.10917434839271102, -0.45771647279181438], 1], [9, [0.92231053873153113, -0.63226486178249075], 1]]],
  [{ name: 'blobs', samples: 10, noise: 1, seed: 7, classes: 3, dimensions: 3 }, true,
    [[0, [2.8284331808883909, -4.2844121606661592], 0], [1, [9.771521956576283, 10.836816665781711], 1], [9, [4.3120876040303626, -5.4318862261009784], 0]]],
  [{ name: 'moons', samples: 10, noise: 0.1, seed: 7 }, false,
    [[0, [-0.63926339255795694, 0.88472490499390566], 0], [1, [1.9678443206043479, 0.33075471473663159], 1], [9, [0.17054503645439636, 0.06828377269142788], 1]]],
  [{ name: 'spiral', samples: 10, noise: 0.1, seed: 7, classes: 3 }, false,
    [[0, [-0.71065214072635996, 0.30993581473794329], 0], [1, [0.91661122762831593, -0.36628670456252777], 1], [9, [0.1962179682011341, 0.057230076189673712], 0]]],
  [{ name: 'peaks', samples: 10, noise: 0, seed: 7 }, false,
    [[0, [1.2034588930781371, -1.3274926231572943], 0], [1, [0.24820559123030339, 1.3911492422736824], 4], [9, [0.74182497087674815, 2.0417771022187221], 4]]],
  [{ name: 'swiss_roll', samples: 10, noise: 0.05, seed: 7 }, false,
    [[0, [0.22645755068677306, -0.72146880626407339], 0], [1, [-0.19017231120917905, -1.0267196492859507], 1], [9, [-0.36871427899929199, 0.10975738272567696], 1]]],
  [{ name: 'gmm', samples: 10, noise: 0.2, seed: 7, classes: 5, dimensions: 5, components: 4 }, true,
    [[0, [0.52663016902464554, -0.8101386548228674], 0], [1, [-0.76626449305749078, -0.96005559559671383], 1], [9, [0.75383628967903249, -1.0904919959150448], 4]]],
  [{ name: 'sine', samples: 10, noise: 0.1, seed: 7 }, false,
    [[0, [1.260259205797194], 0.90215566226414234], [1, [3.022826157131365], 0.19526124189418409], [9, [0.95099959473239526], 0.79711322326107426]]],
  [{ name: 'polynomial', samples: 10, noise: 0.1, seed: 7 }, true,
    [[0, [0.60172944653906857], -0.43387017218719209], [1, [1.443293175044805], 1.6399976527325566], [9, [0.45406885914014983], -0.37733293217568359]]],
  [{ name: 'plane', samples: 10, noise: 0.1, seed: 7 }, true,
    [[0, [0.40115296435937919, -0.44249754105243144], 3.0994055394894868], [1, [0.082735197076767797, 0.46371641409122755], -0.33557578022028173], [9, [-0.29129163812120407, 0.37626052185926695], -0.72559644686566793]]],
  [{ name: 'least_squares', samples: 20, dimensions: 10, noise: 0.05, lambda: 0.001, seed: 7 }, false,
    [[0, [-0.35666393114563483, 0.17214771299388837], -1.0777610406508609], [1, [0.24779991451211197, -0.071740823523257724], 0.21109965199458108], [9, [-0.18551205664300172, -0.25775020713178082], 0.63674903106147462]]],
];

function check(actual, expected, exact, what) {
  if (exact) assert.equal(actual, expected, what);
  else assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.abs(expected) + 1e-14, `${what}: ${actual} vs ${expected}`);
}

test('generators give the native build\'s fixed values for seed 7', () => {
  for (const [request, exact, samples] of FIXED) {
    const data = lab.generate(request);
    const { features: d, task } = data.info;
    const x = data.features();  // samples × features, row-major
    const labels = data.labels();
    const targets = data.targets();
    for (const [column, features, expected] of samples) {
      features.forEach((value, i) => check(x[column * d + i], value, exact, `${request.name} sample ${column} feature ${i}`));
      if (task === 'classification') assert.equal(labels[column], expected, `${request.name} label ${column}`);
      else check(targets[column], expected, exact, `${request.name} target ${column}`);
    }
    data.dispose();
  }
});

test('bundled files load from their gunzipped bytes with the documented shapes', () => {
  const expected = {
    iris: { samples: 150, features: 4, classCounts: [50, 50, 50] },
    iris_binary: { samples: 100, features: 2, classCounts: [50, 50] },
    digits: { samples: 1797, features: 64, classCounts: [178, 182, 177, 183, 181, 182, 181, 179, 174, 180] },
    mnist_1k: { samples: 1000, features: 784, classCounts: Array(10).fill(100) },
    fashion_mnist: { samples: 6000, features: 784, classCounts: Array(10).fill(600) },
  };
  for (const [name, shape] of Object.entries(expected)) {
    const preset = lab.bundledPresets.find((p) => p.name === name);
    const bytes = gunzipSync(readFileSync(new URL(`../../datasets/${preset.file}`, import.meta.url)));
    const data = lab.loadBundled(name, bytes);
    const info = data.info;
    assert.equal(info.samples, shape.samples, name);
    assert.equal(info.features, shape.features, name);
    assert.deepEqual(Array.from(info.classCounts), shape.classCounts, name);
    data.dispose();
  }
  const digits = lab.loadBundled('digits', gunzipSync(readFileSync(new URL('../../datasets/digits.bpds.gz', import.meta.url))));
  assert.deepEqual(Array.from(digits.features().slice(0, 6)), [0, 0, 5, 13, 9, 1]);
  digits.dispose();
  const gz = readFileSync(new URL('../../datasets/iris.bpds.gz', import.meta.url));
  assert.throws(() => lab.loadBundled('iris', gz), /still gzip-compressed/);
});

test('a dataset keeps chosen classes, renumbered in the order given, through wasm; a bad choice names the field', () => {
  const iris = lab.loadBundled('iris', gunzipSync(readFileSync(new URL('../../datasets/iris.bpds.gz', import.meta.url))));
  const pair = iris.selectClasses([2, 0]);
  assert.deepEqual(pair.info.classNames, ['virginica', 'setosa']);
  assert.deepEqual(Array.from(pair.info.classCounts), [50, 50]);
  // iris is ordered by species: the setosa rows (now class 1) come first
  assert.deepEqual(Array.from(pair.labels().slice(0, 2)), [1, 1]);
  assert.deepEqual(Array.from(pair.labels().slice(-2)), [0, 0]);
  assert.deepEqual(Array.from(pair.features().slice(0, 4)), [5.1, 3.5, 1.4, 0.2]);
  assert.throws(() => iris.selectClasses([0, 3]), { message: '[Dataset] classes: 3 is not a class of "iris": its classes are 0..2' });
  assert.throws(() => iris.selectClasses([1]), /choose 2 to 3 of the classes 0\.\.2/);
  assert.throws(() => iris.selectClasses([1.5, 2]), /classes/);
  pair.dispose();
  iris.dispose();
});

test('CSV import works through wasm and its errors arrive as JS Errors naming row and column', () => {
  const data = lab.parseCsv('a,b,species\n5.1,3.5,setosa\n7.0,3.2,versicolor\n');
  assert.deepEqual(data.info.classNames, ['setosa', 'versicolor']);
  data.dispose();
  assert.throws(() => lab.parseCsv('a,b,label\n1,abc,x\n'), { message: '[CSV] row 2, column 2: "abc" is not a number' });
  assert.throws(() => lab.parseCsv('a,b,label\n1,2,x\n1,2\n'), { message: '[CSV] row 3 has 2 columns, expected 3 like row 1' });
  // the module keeps working after an error
  const again = lab.parseCsv('1,2,0\n3,4,1\n');
  assert.equal(again.info.samples, 2);
  again.dispose();
});

test('CSV import takes several regression targets: names, features and values through wasm', () => {
  const text = 'a,y1,b,y2\n1,10,2,20\n3,30,4,40\n5,50,6,60\n';
  const data = lab.parseCsv(text, { task: 'regression', label_column: ['y1', 'y2'] });
  assert.equal(data.info.task, 'regression');
  assert.deepEqual(data.info.targetNames, ['y1', 'y2']);
  assert.equal(data.info.features, 2);
  assert.deepEqual(data.info.featureNames, ['a', 'b']);
  assert.equal(data.info.samples, 3);
  // samples × targets and samples × features, row-major
  assert.deepEqual(Array.from(data.targets()), [10, 20, 30, 40, 50, 60]);
  assert.deepEqual(Array.from(data.features()), [1, 2, 3, 4, 5, 6]);
  // a network of two outputs with mse trains on exactly these targets
  const net = lab.network({ input: 2, layers: [{ units: 2, activation: 'identity' }], loss: 'mse' });
  assert.deepEqual(Array.from(net.targetsFor(data)), [10, 20, 30, 40, 50, 60]);
  net.dispose();
  data.dispose();
  // the order given is the targets' order; a comma-separated string works the same
  const reversed = lab.parseCsv(text, { task: 'regression', label_column: 'y2, 2' });
  assert.deepEqual(reversed.info.targetNames, ['y2', 'y1']);
  assert.deepEqual(Array.from(reversed.targets()), [20, 10, 40, 30, 60, 50]);
  reversed.dispose();
  assert.throws(() => lab.parseCsv(text, { label_column: ['y1', 'y2'] }), {
    message: '[CSV] label_column: classification takes one label column, got 2 ("y1", "y2"); choose the regression task for several targets',
  });
});
