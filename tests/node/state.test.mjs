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
import { properties, ownerOf, propertiesOf } from '../../web/js/state.js';
import { resetToRecipe } from '../../web/js/train/train-form.js';

useSchema(await createLab());

test('every property belongs to one lab, and the recipe reset clears only the Train lab\'s run settings', () => {
  for (const p of properties()) assert.ok(p.name === 'lab' ? p.owner === null : ['step', 'gradient', 'train'].includes(p.owner), p.name);
  assert.equal(ownerOf('target'), 'step');
  assert.equal(ownerOf('tlr'), 'train');
  const cleared = resetToRecipe({ tdata: 'digits' });
  assert.equal(cleared.tdata, 'digits');
  for (const name of Object.keys(cleared)) assert.equal(ownerOf(name), 'train', `${name} is not a Train-lab property`);
  assert.ok(!('target' in cleared) && !('tbudget' in cleared) && !('tlossview' in cleared));
  // every Train-lab run setting is cleared, so the recipe fills it
  const runSettings = propertiesOf('train').filter((p) => !p.view && p.name !== 'tdata').map((p) => p.name);
  assert.deepEqual(Object.keys(cleared).filter((k) => k !== 'tdata').sort(), runSettings.sort());
});

test('no page code tells a lab\'s property by its first letter', () => {
  const files = pageFiles();
  for (const file of files) assert.doesNotMatch(readFileSync(file, 'utf8'), /startsWith\(['"]t['"]\)/, file);
});
