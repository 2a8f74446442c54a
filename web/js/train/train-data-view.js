// The Train lab's data view in words and plain data: the gallery's count line and note, the PCA
// projection's points, axes and caption, and the note of a map drawn from a sample of its points.
// train-views.js puts them on the page; every number comes from the worker's messages.
import { schemaRow } from '../schema.js';
import { paddedBounds } from './train-data.js';

/** What the gallery select offers, by mode (the modes are the worker's GALLERY_MODES). */
export const GALLERY_LABELS = { first: 'the first images', mistakes: 'only the mistakes' };
/** The map's marker kind of each part number in ready.map.parts. */
export const PART_KINDS = ['train', 'validation', 'test'];

const count = (n) => n.toLocaleString('en-US');

/** "Showing 48 of 213 mistakes of the test part." for an evaluation's gallery (`images`). */
export function galleryCount(images, part) {
  const { mode, matched, count: shown } = images;
  if (mode === 'mistakes') {
    if (matched === 0) return `No mistakes: the network classifies all of the ${part} part correctly.`;
    if (shown === matched) return `Showing all ${count(matched)} mistake${matched === 1 ? '' : 's'} of the ${part} part.`;
    return `Showing ${count(shown)} of ${count(matched)} mistakes of the ${part} part.`;
  }
  return `Showing the first ${count(shown)} of ${count(matched)} images of the ${part} part.`;
}

/** The sentence under the gallery's title: how to read a caption. */
export function galleryNote(mode, probabilities) {
  const which = mode === 'mistakes' ? 'The images of the scored part that the network gets wrong, in order' : 'The first images of the scored part';
  const number = probabilities
    ? 'the network\'s probability for the class it predicts'
    : 'the network\'s output for the class it predicts (these outputs are scores, not probabilities that add up to 1)';
  return `${which}, each captioned true class → predicted class (${number}); mistakes are marked ✗.`;
}

/** A share of the variance as a percentage: "62%", or "0.4%" below 10%. */
function percent(ratio) {
  const share = 100 * ratio;
  return `${share.toFixed(share < 10 ? 1 : 0)}%`;
}

/**
 * The point map's input for a PCA projection: `points` (labels, total) from the page's copy of the
 * data and `map` from the worker's ready message ({parts, projection: {points, explainedVarianceRatio}}).
 */
export function projectionInput(points, map, classNames) {
  const xy = map.projection.points;
  const [first, second] = map.projection.explainedVarianceRatio;
  return {
    bounds: paddedBounds(xy),
    classes: classNames,
    xLabel: `PC1 (${percent(first)} of the variance)`,
    yLabel: `PC2 (${percent(second)} of the variance)`,
    kept: first + second,
    points: Array.from(points.labels, (label, i) => ({ x: xy[2 * i], y: xy[2 * i + 1], label, kind: PART_KINDS[map.parts[i]] })),
  };
}

/**
 * The caption of a PCA projection of `features` features scaled with `scaling` (a scaling choice's
 * name) that keeps the share `kept` of the variance; the crosses are `wrong` of the `scored` points
 * of `part` (scored null: not known yet), of a sample of the part when `sampled`.
 */
export function projectionNote({ features, scaling, kept, part, wrong, scored, sampled }) {
  const choice = schemaRow('data', 'scaling').choices.find((c) => c.name === scaling);
  const marks = scored === null ? '.' : `; a cross marks a ${part} example the network gets wrong (${count(wrong)} of ${sampled ? 'the ' : ''}${count(scored)}${sampled ? ' shown' : ''}).`;
  return `Each dot is one example, projected onto the two directions in which the ${features} features (scaling: ${choice?.label ?? scaling}) vary most: their first two principal components, which keep ${percent(kept)} of the variance. Colours are the true classes${marks}`;
}

/** " Showing 5,000 of 40,000 points, a fixed random sample." for a map drawn from a sample, else ''. */
export function sampleNote(points) {
  if (!points?.indices) return '';
  return ` Showing ${count(points.indices.length)} of ${count(points.total)} points, a fixed random sample.`;
}
