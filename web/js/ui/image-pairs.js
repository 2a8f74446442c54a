// Pairs of small greyscale images, one above the other in a card with a caption: an original
// and what was made of it (an autoencoder's reconstruction). It draws plain pixel arrays, two
// row names and a caption per pair only.
import { imageCanvas } from './image-grid.js';

/**
 * Replaces the content of `container` with a row of image pairs.
 *   width, height: every image's size in pixels (row-major pixels)
 *   pairs: [{top, bottom, caption, label}]: two pixel arrays, a short caption under the pair and
 *     the pair's description for screen readers
 *   rows: [top name, bottom name], written once at the start of the row ("original", "reconstructed")
 *   valueRange: [low, high]: low is drawn as paper, high as dark ink (values beyond are clamped)
 * Each pair is an <li class="pair-item"> holding a role="img" element with the pair's label.
 */
export function renderImagePairs(container, { width, height, pairs, rows, valueRange }) {
  const list = document.createElement('ul');
  list.className = 'image-pairs';
  list.setAttribute('aria-label', `${pairs.length} images, each ${rows[0]} above ${rows[1]}`);
  const names = document.createElement('li');
  names.className = 'pair-names';
  names.setAttribute('aria-hidden', 'true');
  for (const name of rows) {
    const span = document.createElement('span');
    span.textContent = name;
    names.append(span);
  }
  list.append(names);
  for (const pair of pairs) {
    const item = document.createElement('li');
    item.className = 'pair-item';
    const card = document.createElement('div');
    card.className = 'pair-card';
    card.setAttribute('role', 'img');
    card.setAttribute('aria-label', pair.label);
    card.title = pair.label;
    const caption = document.createElement('span');
    caption.className = 'pair-caption';
    caption.setAttribute('aria-hidden', 'true');
    caption.textContent = pair.caption;
    card.append(imageCanvas(pair.top, width, height, valueRange), imageCanvas(pair.bottom, width, height, valueRange), caption);
    item.append(card);
    list.append(item);
  }
  container.replaceChildren(list);
}
