// Layer numbers as the page shows them: from 1 for the first layer after the input, as the
// textbook writes W⁽¹⁾. The engine and the URL (glayer) count layers from 0, and so do the engine's
// own sentences about a gradient check; layerNumber() and numberedFromOne() turn them into the page's.

/** The number a person reads for the layer at engine index `index`. */
export const layerNumber = (index) => index + 1;

/** An engine sentence with each "layer 0" or "layer(s) 0, 2" in it counted from 1 instead. */
export function numberedFromOne(text) {
  return text.replace(/\blayer(\(s\))? (\d+(?:, \d+)*)/g,
    (_, plural, list) => `layer${plural ?? ''} ${list.split(', ').map((n) => layerNumber(Number(n))).join(', ')}`);
}
