// A grid of small greyscale images (dark ink on light paper), each scaled up with crisp pixels and
// captioned "true 3 · predicted 5", or "3 → 5 (0.83)" with a confidence; mistakes get a red border
// and a ✗, correct ones a quiet ✓. It draws plain pixel arrays, labels and numbers only.

const PAPER = [255, 255, 255];
const INK = [29, 35, 48];
const TARGET_SIZE = 84; // about how many CSS pixels wide each image is shown

/**
 * Draws `pixels` (width × height, row-major) on a new canvas: `low` is paper, `high` is ink.
 * @param {ArrayLike<number>} pixels
 * @param {number} width
 * @param {number} height
 * @param {number[]} range [low, high]
 */
export function imageCanvas(pixels, width, height, [low, high]) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const image = new ImageData(width, height);
  const span = high - low || 1;
  for (let i = 0; i < width * height; i += 1) {
    const v = Number(pixels[i]);
    const t = Number.isFinite(v) ? Math.min(1, Math.max(0, (v - low) / span)) : 0;
    for (let k = 0; k < 3; k += 1) image.data[4 * i + k] = PAPER[k] + (INK[k] - PAPER[k]) * t;
    image.data[4 * i + 3] = 255;
  }
  canvas.getContext('2d').putImageData(image, 0, 0);
  const scale = Math.max(1, Math.round(TARGET_SIZE / Math.max(width, height)));
  canvas.style.width = `${width * scale}px`;
  canvas.style.height = `${height * scale}px`;
  canvas.setAttribute('aria-hidden', 'true');
  return canvas;
}

/** The caption's text and the image's description for one image (see renderImageGrid). */
function describeImage(image, i, name, confidenceName) {
  const hasPrediction = image.predictedLabel !== undefined && image.predictedLabel !== null;
  const mistake = hasPrediction && image.predictedLabel !== image.trueLabel;
  const verdict = !hasPrediction ? '' : mistake ? ' — wrong' : ' — correct';
  const sure = Number.isFinite(image.confidence);
  const text = hasPrediction ? `true ${name(image.trueLabel)} · predicted ${name(image.predictedLabel)}` : `true ${name(image.trueLabel)}`;
  const extra = sure ? ` with ${confidenceName} ${image.confidence.toFixed(2)}` : '';
  return {
    hasPrediction,
    mistake,
    sure,
    short: sure && hasPrediction ? `${name(image.trueLabel)} → ${name(image.predictedLabel)} (${image.confidence.toFixed(2)})` : null,
    label: `Image ${i + 1}: ${text.replace(' · ', ', ')}${extra}${verdict}`,
    title: `${text}${extra}${verdict}`,
  };
}

/**
 * Replaces the content of `container` with a grid of images.
 *   width, height: the size of every image in pixels (8 × 8 digits, 28 × 28 MNIST)
 *   images: [{pixels, trueLabel, predictedLabel, confidence}]; pixels has width × height values,
 *     row-major; predictedLabel may be left out (then only the true label is shown); confidence
 *     (optional) is a number about the prediction, e.g. its probability
 *   valueRange: [low, high]: low is drawn as paper, high as dark ink
 *   classNames: names of the labels (default: the label itself)
 *   confidenceName: what the confidence is, for the description (default 'probability')
 * Each item is an <li class="image-item"> with data-mistake="true" or "false" (and data-true,
 * data-predicted), holding a role="img" element whose aria-label says what its caption says
 * ("Image 4: true 3, predicted 5 — wrong"). The caption shows "true 3" over "predicted 5", or with a
 * confidence "3 → 5 (0.83)".
 */
export function renderImageGrid(container, { width, height, images, valueRange = [0, 1], classNames = null, confidenceName = 'probability' }) {
  const name = (label) => String(classNames?.[label] ?? label);
  const list = document.createElement('ul');
  list.className = 'image-grid';
  list.setAttribute('aria-label', `${images.length} images with their true and predicted labels`);
  images.forEach((image, i) => {
    const { hasPrediction, mistake, short, label, title } = describeImage(image, i, name, confidenceName);
    const item = document.createElement('li');
    item.className = `image-item${mistake ? ' mistake' : hasPrediction ? ' correct' : ''}`;
    item.dataset.mistake = String(mistake);
    item.dataset.true = String(image.trueLabel);
    if (hasPrediction) item.dataset.predicted = String(image.predictedLabel);
    const card = document.createElement('div');
    card.className = 'image-card';
    card.setAttribute('role', 'img');
    card.setAttribute('aria-label', label);
    card.title = title;
    item.append(card);

    card.append(imageCanvas(image.pixels, width, height, valueRange));
    const caption = document.createElement('span');
    caption.className = 'image-caption';
    caption.setAttribute('aria-hidden', 'true');
    const trueText = document.createElement('span');
    trueText.textContent = short ?? `true ${name(image.trueLabel)}`;
    if (short) trueText.className = 'summary';
    caption.append(trueText);
    if (short) {
      const mark = document.createElement('span');
      mark.className = 'mark';
      mark.textContent = mistake ? '✗' : '✓';
      card.append(mark);
    } else if (hasPrediction) {
      const predicted = document.createElement('span');
      predicted.className = 'predicted';
      predicted.textContent = `predicted ${name(image.predictedLabel)}`;
      caption.append(predicted);
      const mark = document.createElement('span');
      mark.className = 'mark';
      mark.textContent = mistake ? '✗' : '✓';
      card.append(mark);
    }
    card.append(caption);
    list.append(item);
  });
  container.replaceChildren(list);
}

/**
 * Updates the predicted labels (and confidences, when the grid was drawn with them) of a grid drawn
 * by renderImageGrid in place (the images are not redrawn, so a new prediction costs no canvas
 * work). Returns false, changing nothing, when the container holds no grid of
 * predictedLabels.length images of the same kind.
 */
export function updateImagePredictions(container, { predictedLabels, trueLabels, confidences = null, classNames = null, confidenceName = 'probability' }) {
  const name = (label) => String(classNames?.[label] ?? label);
  const items = container.querySelectorAll(':scope > ul.image-grid > li.image-item');
  const withConfidence = Boolean(confidences);
  if (items.length !== predictedLabels.length || !items[0]?.querySelector('.mark')
    || Boolean(items[0].querySelector('.predicted')) === withConfidence) return false;
  items.forEach((item, i) => {
    const image = { trueLabel: trueLabels[i], predictedLabel: predictedLabels[i], confidence: confidences?.[i] };
    const { mistake, short, label, title } = describeImage(image, i, name, confidenceName);
    const card = item.querySelector('.image-card');
    if (card.getAttribute('aria-label') === label) return;
    card.setAttribute('aria-label', label);
    card.title = title;
    if (short) item.querySelector('.image-caption .summary').textContent = short;
    // only a new prediction changes the rest (a new confidence alone does not)
    if (item.dataset.predicted === String(image.predictedLabel)) return;
    item.dataset.mistake = String(mistake);
    item.dataset.predicted = String(image.predictedLabel);
    item.className = `image-item${mistake ? ' mistake' : ' correct'}`;
    if (!short) item.querySelector('.predicted').textContent = `predicted ${name(image.predictedLabel)}`;
    item.querySelector('.mark').textContent = mistake ? '✗' : '✓';
  });
  return true;
}
