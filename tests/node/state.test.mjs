// The URL state is grouped by the lab that owns each property: resetting the Train lab's settings
// (its recipe button, a dataset change) clears only Train-lab properties, never another lab's
// (the Step-through lab's edited `target` starts with a "t" too), and no code reads ownership
// from a name's first letter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pageFiles } from './page-files.mjs';
import { createLab } from '../../web/js/engine/engine.js';
import { useSchema } from '../../web/js/schema.js';
import { LABS, pageOfHash, parseHash, properties, ownerOf, propertiesOf, toHash } from '../../web/js/state.js';
import { resetToRecipe } from '../../web/js/train/train-form.js';

useSchema(await createLab());

test('every property belongs to one lab, and the recipe reset clears only the Train lab\'s run settings', () => {
  // the page's own properties (the lab shown, the view) belong to no lab
  for (const p of properties()) assert.ok(['lab', 'view'].includes(p.name) ? p.owner === null : LABS.includes(p.owner), p.name);
  assert.equal(ownerOf('target'), 'step');
  assert.equal(ownerOf('tlr'), 'train');
  const cleared = resetToRecipe({ tdata: 'digits' });
  assert.equal(cleared.tdata, 'digits');
  for (const name of Object.keys(cleared)) assert.equal(ownerOf(name), 'train', `${name} is not a Train-lab property`);
  assert.ok(!('target' in cleared) && !('tbudget' in cleared) && !('tlossview' in cleared));
  // every Train-lab run setting is cleared, so the recipe fills it; the task stays (a recipe is the dataset's for its task)
  assert.ok(!('ttask' in cleared));
  const runSettings = propertiesOf('train').filter((p) => !p.view && p.name !== 'tdata' && p.name !== 'ttask').map((p) => p.name);
  assert.deepEqual(Object.keys(cleared).filter((k) => k !== 'tdata').sort(), runSettings.sort());
});

test('no page code tells a lab\'s property by its first letter', () => {
  const files = pageFiles();
  for (const file of files) assert.doesNotMatch(readFileSync(file, 'utf8'), /startsWith\(['"]t['"]\)/, file);
});

test('the operation in a link counts from 1, as the page shows it; an older step= link (from 0) opens the same operation', () => {
  assert.equal(parseHash('#op=13').state.op, 13);
  assert.equal(toHash({ ...parseHash('').state, op: 13 }), '#op=13');
  assert.equal(parseHash('').state.op, 1);
  // step=12 counted from 0: the thirteenth operation
  const old = parseHash('#preset=digits&step=12');
  assert.deepEqual([old.state.op, old.notes], [13, []]);
  assert.equal(parseHash('#step=0').state.op, 1);
  // op=0 does not exist, and a bad old value is named with the property it became
  assert.match(parseHash('#op=0').notes[0], /op must be an integer in 1\.\.100000; got "0", so 1 is used/);
  assert.match(parseHash('#step=-3').notes[0], /step \(now op\) must be an integer in 1\.\.100000; got "-3"/);
});

test('projector mode is kept in the link as view=projector, read before the schema and checked like any property', () => {
  assert.deepEqual(pageOfHash('#lab=train&tdata=peaks&view=projector'), { lab: 'train', view: 'projector' });
  assert.deepEqual(pageOfHash('#view=huge'), { lab: 'step', view: 'normal' });
  const { state, notes } = parseHash('#lab=gradient&view=projector');
  assert.equal(state.view, 'projector');
  assert.deepEqual(notes, []);
  assert.match(toHash(state), /(^#|&)view=projector(&|$)/);
  assert.doesNotMatch(toHash({ ...state, view: 'normal' }), /view=/, 'the normal view is the default, left out of the link');
  const bad = parseHash('#view=huge');
  assert.equal(bad.state.view, 'normal');
  assert.match(bad.notes.join(), /view must be one of normal, projector; got "huge"/);
});
