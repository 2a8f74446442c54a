// More than 200 bad inputs through every entry point of the JS API. Each must give an Error whose
// message starts with the part's tag ("[Spec]", "[Settings]", …) and names the field it is about;
// the object it was called on is unchanged; the module keeps working; and afterwards the live
// handles and the wasm heap are back at their baseline (nothing leaked on the error paths).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLab } from '../../web/js/engine/engine.js';

const lab = await createLab();
const SPEC = { input: 2, layers: [{ units: 3, activation: 'tanh' }, { units: 2, activation: 'softmax' }], loss: 'cross_entropy', init: { scheme: 'xavier', scale: 1, seed: 1 } };
const layer = (changes) => JSON.stringify({ ...SPEC, layers: [{ units: 3, activation: 'tanh', ...changes }, SPEC.layers[1]] });
const spec = (changes) => JSON.stringify({ ...SPEC, ...changes });

/** [what, call, field]: `call()` must throw an Error naming `field` (a string or RegExp). */
function cases(net, data, trainer, prepared) {
  const list = [];
  const add = (what, call, field) => list.push([what, call, field]);
  // model specs (JSON text, so that numbers beyond a double and bad syntax can be written)
  for (const v of ['0', '-1', '2.5', '"2"', 'null', '100001', '1e400', 'true', '[]']) add(`spec input ${v}`, () => lab.network(spec({}).replace('"input":2', `"input":${v}`)), 'input');
  for (const v of ['0', '-3', '4097', '1.5', '"8"', 'null', '1e400', '{}']) add(`layer units ${v}`, () => lab.network(layer({}).replace('"units":3', `"units":${v}`)), 'units');
  for (const v of ['"swish"', '""', '3', 'null', '"softmax"', '["tanh"]']) add(`activation ${v}`, () => lab.network(layer({}).replace('"activation":"tanh"', `"activation":${v}`)), /activation|softmax/);
  for (const v of ['-0.1', '1.5', '"a"', '1e400']) add(`alpha ${v}`, () => lab.network(layer({ activation: 'leaky_relu' }).replace('"activation":"leaky_relu"', `"activation":"leaky_relu","alpha":${v}`)), 'alpha');
  for (const v of ['"conv"', '3', 'null']) add(`layer type ${v}`, () => lab.network(layer({}).replace('"units":3', `"type":${v},"units":3`)), 'type');
  add('bias on residual', () => lab.network(spec({ layers: [{ type: 'residual', bias: false }, SPEC.layers[1]] })), 'bias');
  add('bias not boolean', () => lab.network(layer({ bias: 0 })), 'bias');
  for (const v of ['"hinge"', '3', 'null', '"mse"']) add(`loss ${v}`, () => lab.network(spec({}).replace('"loss":"cross_entropy"', `"loss":${v}`)), 'loss');
  for (const v of ['"glorot"', '3', 'null']) add(`init scheme ${v}`, () => lab.network(spec({ init: { scheme: JSON.parse(v) } })), /init|scheme/);
  for (const v of ['-1', '1001', '"1"', '1e400']) add(`init scale ${v}`, () => lab.network(spec({}).replace('"scale":1', `"scale":${v}`)), 'scale');
  for (const v of ['-4', '2.5', '9007199254740992', '"1"']) add(`init seed ${v}`, () => lab.network(spec({}).replace('"seed":1', `"seed":${v}`)), 'seed');
  for (const v of ['-1', '101', '"0.1"', '1e400', 'null']) add(`l2 ${v}`, () => lab.network(spec({}).replace('"loss"', `"l2":${v},"loss"`)), 'l2');
  for (const v of ['-1', '101', '1e400']) add(`l1 ${v}`, () => lab.network(spec({}).replace('"loss"', `"l1":${v},"loss"`)), 'l1');
  for (const v of ['[]', '{}', 'null', '"x"', `[${Array(65).fill('{"units":1}').join(',')}]`]) add(`layers ${v.slice(0, 20)}`, () => lab.network(spec({}).replace(/"layers":\[.*?\]\]?,"loss"/, `"layers":${v},"loss"`)), 'layers');
  add('unknown spec field', () => lab.network(spec({ lr: 0.1 })), 'lr');
  add('spec not JSON', () => lab.network('{"input": 2,'), /JSON/);
  add('spec nested deep', () => lab.network('['.repeat(100000) + ']'.repeat(100000)), /nested/);
  add('spec top level array', () => lab.network('[1, 2]'), /top level/);
  add('spec too big for memory', () => lab.network({ input: 2, layers: Array(64).fill({ units: 4096, activation: 'relu' }), loss: 'mse' }), /Memory.*layer/);
  // training settings
  const settings = (text) => () => lab.trainer(net, data, text);
  for (const v of ['0', '-1', '1001', '"0.1"', '1e400', 'null']) add(`learning_rate ${v}`, settings(`{"learning_rate":${v}}`), 'learning_rate');
  for (const v of ['0', '-5', '2.5', '1000001', '"32"']) add(`batch_size ${v}`, settings(`{"batch_size":${v}}`), 'batch_size');
  for (const v of ['0', '100001', '1.5', '"10"', '1e400']) add(`epochs ${v}`, settings(`{"epochs":${v}}`), 'epochs');
  for (const v of ['"adamw"', '3', '{"name":"bfgs"}', '{"name":"lbfgs","memory":0}', '{"name":"lbfgs","memory":101}', '{"name":"adam","beta1":1}', '{"name":"adam","beta2":-0.1}', '{"name":"rmsprop","rho":2}', '{"name":"adam","eps":0}', '{"name":"momentum","momentum":1e400}']) add(`optimizer ${v}`, settings(`{"optimizer":${v}}`), /optimizer|momentum|beta1|beta2|rho|eps|memory/);
  for (const v of ['{"type":"cosine"}', '{"type":"step","factor":0}', '{"type":"step","factor":2}', '{"type":"step","every":0}', '"step"']) add(`lr_schedule ${v}`, settings(`{"lr_schedule":${v}}`), /lr_schedule|factor|every/);
  for (const v of ['{"metric":"val_acc"}', '{"patience":0}', '{"min_delta":-1}', '{"min_delta":1e400}', '{"metric":"val_loss"}', '3']) add(`early_stopping ${v}`, settings(`{"early_stopping":${v}}`), /early_stopping|patience|min_delta|validation set/);
  for (const v of ['"half"', '3']) add(`epoch_metrics ${v}`, settings(`{"epoch_metrics":${v}}`), 'epoch_metrics');
  for (const v of ['-1', '"7"', '1.5']) add(`seed ${v}`, settings(`{"seed":${v}}`), 'seed');
  add('shuffle not boolean', settings('{"shuffle":"yes"}'), 'shuffle');
  add('unknown setting', settings('{"momentum":0.9}'), 'momentum');
  add('settings not JSON', settings('{"epochs":'), /JSON/);
  add('settings nested deep', settings('{"a":'.repeat(5000) + '1' + '}'.repeat(5000)), /nested/);
  // generator requests
  for (const v of ['"ring"', '3', 'null']) add(`generator name ${v}`, () => lab.generate(`{"name":${v}}`), 'name');
  for (const v of ['0', '-1', '100001', '2.5', '"300"', '1e400']) add(`generator samples ${v}`, () => lab.generate(`{"name":"circles","samples":${v}}`), 'samples');
  for (const v of ['-0.1', '11', '"0.1"', '1e400']) add(`generator noise ${v}`, () => lab.generate(`{"name":"circles","noise":${v}}`), 'noise');
  for (const v of ['1', '11', '2.5']) add(`generator classes ${v}`, () => lab.generate(`{"name":"spiral","classes":${v}}`), 'classes');
  for (const v of ['-1', '1.5', '"1"']) add(`generator seed ${v}`, () => lab.generate(`{"name":"moons","seed":${v}}`), 'seed');
  for (const v of ['0', '501', '2.5']) add(`generator dimensions ${v}`, () => lab.generate(`{"name":"least_squares","dimensions":${v}}`), 'dimensions');
  for (const v of ['-1', '101', '1e400']) add(`generator lambda ${v}`, () => lab.generate(`{"name":"least_squares","lambda":${v}}`), 'lambda');
  add('generator unknown field', () => lab.generate('{"name":"circles","radius":2}'), 'radius');
  add('generator setting it does not use', () => lab.generate('{"name":"circles","lambda":0.1}'), 'lambda');
  // CSV text and options
  const csv = 'a,b,label\n1,2,x\n3,4,y\n';
  for (const [what, text] of [['empty', ''], ['header only', 'a,b\n'], ['ragged row', 'a,b,c\n1,2,x\n3,y\n'], ['text feature', 'a,b,c\n1,two,x\n3,4,y\n'], ['one class', 'a,b\n1,x\n2,x\n'], ['nan feature', 'a,b\n1,x\nnan,y\n'], ['unclosed quote', 'a,b\n"1,x\n2,y\n'], ['infinite feature', 'a,b\n1e400,x\n2,y\n']]) {
    add(`csv ${what}`, () => lab.parseCsv(text), /\[CSV\]/);
  }
  for (const v of ['{"label_column":5}', '{"label_column":-1}', '{"label_column":"nope"}', '{"task":"clustering"}', '{"header":"maybe"}', '{"delimiter":"ab"}', '{"label_column":1e400}', '{"sep":","}', '[1]']) add(`csv options ${v}`, () => lab.parseCsv(csv, v), /label_column|task|header|delimiter|sep|top level/);
  // datasets from arrays
  const arrays = (changes) => () => lab.dataset({ name: 'd', samples: 2, features: 1, featureValues: [1, 2], labels: [0, 1], classes: 2, ...changes });
  for (const [what, changes, field] of [['samples 0', { samples: 0 }, 'samples'], ['samples 2.5', { samples: 2.5 }, 'samples'], ['features 0', { features: 0 }, 'features'],
    ['features NaN', { features: NaN }, 'features'], ['classes 1', { classes: 1 }, 'classes'], ['label out of range', { labels: [0, 5] }, 'label'], ['label negative', { labels: [-1, 0] }, 'label'],
    ['featureValues missing', { featureValues: undefined }, 'featureValues'], ['featureValues short', { featureValues: [1] }, 'featureValues'], ['featureValues NaN', { featureValues: [1, NaN] }, /finite|NaN|featureValues/],
    ['labels not array', { labels: 'ab' }, /labels/], ['featureValues a string', { featureValues: 'ab' }, 'featureValues']]) add(`dataset ${what}`, arrays(changes), field);
  // methods of a network, a dataset, a prepared split and a trainer
  for (const v of [null, undefined, 'ab', 5]) add(`forward(${v})`, () => net.forward(v), 'inputs');
  for (const v of [[1], [1, 2, 3], [NaN, 1], [Infinity, 0]]) add(`forward([${v}])`, () => net.forward(v), /inputs|finite/);
  for (const v of [null, [1, 2], Array(18).fill(0), Array(16).fill(NaN).concat([0])]) add(`setParameters(${String(v).slice(0, 12)})`, () => net.setParameters(v), /values|parameters|finite/);
  for (const v of [null, [1], [0, 1, 0]]) add(`loss targets ${v}`, () => net.loss([1, 2], v), 'targets');
  for (const v of [0.5, -1, NaN, 64, 2]) add(`jacobianTest(${v})`, () => net.jacobianTest(v), 'layer');
  for (const v of [{ iterations: 0 }, { iterations: 61 }, { eps0: 0 }, { eps0: 100 }, { wrt: 'Z' }, { seed: -1 }]) add(`jacobianTest settings ${JSON.stringify(v)}`, () => net.jacobianTest(0, v), /iterations|eps0|wrt|seed/);
  for (const v of [{ batch: 0 }, { batch: 2.5 }]) add(`jacobianTest batch ${v.batch}`, () => net.jacobianTest(0, v), 'batch');
  for (const v of [{ learningRate: 0 }, { learningRate: -1 }, { optimizer: 'adamw' }, { optimizer: { name: 'adam', beta1: 2 } }, { optimizer: 'lbfgs' }]) add(`trace ${JSON.stringify(v)}`, () => net.trace([1, 2], [1, 0], v), /learning rate|learning_rate|optimizer|beta1/);
  for (const v of [null, 'x']) add(`trace inputs ${v}`, () => net.trace(v, [1, 0]), 'inputs');
  add('trace state of the wrong size', () => net.trace([1, 2], [1, 0], { optimizer: 'momentum', state: { t: 1, values: [1, 2] } }), /state/);
  for (const v of [[], null, [-1], [40], [1.5]]) add(`subset(${v})`, () => data.subset(v), /indices|index|sample/);
  for (const v of [[], null, [-1], [2]]) add(`selectFeatures(${v})`, () => data.selectFeatures(v), /features|feature/);
  for (const v of [{ test: 1.5 }, { validation: -0.1 }, { test: 0.6, validation: 0.6 }, { seed: -1 }, { stratify: 'yes' }, { folds: 11 }, { folds: 3, fold: 3 }, { kfolds: 3 }]) add(`prepare ${JSON.stringify(v)}`, () => data.prepare(v), /test|validation|seed|stratify|folds|fold|kfolds|fraction/);
  for (const v of ['zscore', '', 'MIN_MAX']) add(`prepare scaling ${v}`, () => data.prepare({}, v), 'scaling');
  for (const v of [[NaN, 1], [Infinity, 0], null, [1]]) add(`scale(${v})`, () => prepared.scale(v), /features|samples/);
  for (const v of [2.5, NaN, 0, 1e10, -1, undefined]) add(`run(${v})`, () => trainer.run(v), 'epochs');
  for (const v of [[-1, 2, 3], [0.5, 1, 1], [1, 1, 1e10], [NaN, 1, 1]]) add(`rngSample(${v[0]}, ${v[2]})`, () => lab.rngSample(v[0], v[2]), /seed|count/);
  add('classificationReport classes 0', () => lab.classificationReport([0, 1], [0, 1], 0), 'classes');
  add('classificationReport lengths', () => lab.classificationReport([0, 1], [0], 2), /labels|entries/);
  add('classificationReport label out of range', () => lab.classificationReport([0, 3], [0, 1], 2), 'label');
  add('classificationReport truth null', () => lab.classificationReport(null, [0], 2), 'truth');
  add('useLeastSquaresOptimum with a bad request', () => trainer.useLeastSquaresOptimum(data, { name: 'least_squares', samples: 40, dimensions: 0 }), 'dimensions');
  add('checkTrainingMemory too big', () => lab.checkTrainingMemory({ input: 2, layers: [{ units: 4096 }, { units: 4096 }, { units: 4096 }, { units: 4096 }, { units: 1 }], loss: 'mse' }, { optimizer: 'adam' }, 1000, 0), /Memory.*layer/);
  add('watchesValidation bad settings', () => lab.watchesValidation({ early_stopping: { metric: 'val_acc' } }), 'early_stopping.metric');
  add('specParameterCount bad spec', () => lab.specParameterCount({ input: 0, layers: [] }), 'input');
  add('initDistributions bad spec', () => lab.initDistributions({ input: 2, layers: [{ units: 0 }] }), 'units');
  add('loadBundled unknown', () => lab.loadBundled('cifar', new Uint8Array(10)), /cifar|name/);
  add('loadBundled gzip bytes', () => lab.loadBundled('iris', new Uint8Array([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7])), /gzip/);
  add('loadBundled damaged', () => lab.loadBundled('iris', new Uint8Array([66, 80, 68, 83, 255, 255, 255, 255])), /header length/);
  add('loadBundled not BPDS', () => lab.loadBundled('iris', new TextEncoder().encode('hello, world')), /BPDS/);
  return list;
}

test('over 200 bad inputs each give a clear Error naming the field, change nothing, and leak nothing', () => {
  const handles = lab.liveHandles();
  const heap = lab.heapBytesInUse();
  const data = lab.generate({ name: 'circles', samples: 40, seed: 1 });
  const net = lab.network(SPEC);
  const prepared = data.prepare({ validation: 0, test: 0.25, seed: 1 }, 'standardize');
  const trainer = lab.trainer(net, prepared.train, { epochs: 5, batch_size: 10 });
  const params = Array.from(net.getParameters());
  const list = cases(net, data, trainer, prepared);
  assert.ok(list.length >= 200, `${list.length} bad inputs`);
  const problems = [];
  for (const [what, call, field] of list) {
    try {
      call();
      problems.push(`${what}: accepted`);
    } catch (error) {
      if (!(error instanceof Error)) problems.push(`${what}: threw a ${typeof error}, not an Error`);
      else if (!/^\[[A-Za-z]+\]/.test(error.message)) problems.push(`${what}: "${error.message}" does not start with the part's tag`);
      else if (typeof field === 'string' ? !error.message.includes(field) : !field.test(error.message)) problems.push(`${what}: "${error.message.slice(0, 160)}" does not name ${field}`);
    }
  }
  assert.deepEqual(problems, [], `${problems.length} of ${list.length} bad inputs were not refused clearly`);
  // nothing changed, and everything still works
  assert.deepEqual(Array.from(net.getParameters()), params);
  assert.equal(trainer.epoch, 0);
  assert.equal(trainer.run(2).epoch, 2);
  assert.equal(net.forward([0.1, 0.2]).length, 2);
  assert.equal(data.info.samples, 40);
  for (const owned of [trainer, prepared, net, data]) owned.dispose();
  assert.equal(lab.liveHandles(), handles, 'every handle made on the way was freed');
  const grown = lab.heapBytesInUse() - heap;
  assert.ok(grown < 256 * 1024, `the heap is back at its baseline (it grew by ${grown} bytes)`);
  console.log(`# ${list.length} bad inputs refused clearly; heap ${grown >= 0 ? '+' : ''}${grown} bytes`);
});
