// Small images of signed numbers, one per tile, in the diverging palette (blue below 0, white at
// 0, red above), each tile scaled to its own largest magnitude: a layer's weights seen as images
// of its inputs. It draws plain arrays only.
import { divergingRGB } from './palette.js';

const TARGET_SIZE = 56; // about how many CSS pixels wide each tile is shown

/**
 * Replaces the content of `container` with a grid of `count` tiles of width × height values each,
 * taken one after another from `values` (row-major within a tile). `label(i)` names tile i for
 * its caption and description.
 * @param {HTMLElement} container
 * @param {{width: number, height: number, count: number, values: ArrayLike<number>, label: (i: number) => string}} tiles
 */
export function renderWeightTiles(container, { width, height, count, values, label }) {
  const size = width * height;
  const list = document.createElement('ul');
  list.className = 'weight-tiles';
  for (let t = 0; t < count; t += 1) {
    let most = 0;
    for (let k = t * size; k < (t + 1) * size; k += 1) most = Math.max(most, Math.abs(values[k]));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const image = new ImageData(width, height);
    for (let k = 0; k < size; k += 1) {
      // −most → blue, 0 → white, +most → red
      const rgb = divergingRGB(most > 0 ? 0.5 + values[t * size + k] / (2 * most) : 0.5);
      image.data.set([...rgb.map(Math.round), 255], 4 * k);
    }
    canvas.getContext('2d').putImageData(image, 0, 0);
    const scale = Math.max(1, Math.round(TARGET_SIZE / Math.max(width, height)));
    canvas.style.width = `${width * scale}px`;
    canvas.style.height = `${height * scale}px`;
    const item = document.createElement('li');
    item.setAttribute('role', 'img');
    item.setAttribute('aria-label', `${label(t)}: its weights as an image, largest magnitude ${most.toPrecision(3)}`);
    const caption = document.createElement('span');
    caption.textContent = label(t);
    caption.setAttribute('aria-hidden', 'true');
    item.append(canvas, caption);
    list.append(item);
  }
  container.replaceChildren(list);
}
