// Layer numbers as the page shows them: from 1 for the first layer after the input, as the
// textbook writes W⁽¹⁾ and as the engine's sentences do. The engine's indices and the URL (glayer)
// count from 0; layerNumber() turns an index into the number a person reads.

/** The number a person reads for the layer at engine index `index`. */
export const layerNumber = (index) => index + 1;
