// Writes NumPy's .npy format, version 1.0 (the one np.save writes for small headers): a float64
// array of any shape in C order (row-major), or a text as a 0-d unicode array, so that np.load
// gives back exactly these numbers. Reading .npy is left to a maintained library (npyjs).

const MAGIC = [0x93, ...'NUMPY'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0)));

/** The header dict as NumPy writes it, padded with spaces and a newline to a multiple of 64 bytes. */
function header(descr, shape) {
  const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${tuple}, }`;
  // magic (6) + version (2) + length (2) + dict + padding + '\n'
  const total = Math.ceil((10 + dict.length + 1) / 64) * 64;
  return `${dict}${' '.repeat(total - 10 - dict.length - 1)}\n`;
}

function npy(descr, shape, body) {
  const text = header(descr, shape);
  const out = new Uint8Array(10 + text.length + body.byteLength);
  out.set(MAGIC, 0);
  out[6] = 1; // version 1.0
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, text.length, true);
  for (let i = 0; i < text.length; i += 1) out[10 + i] = text.charCodeAt(i);
  out.set(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), 10 + text.length);
  return out;
}

/**
 * A float64 array ('<f8', little-endian) of `shape` (e.g. [rows, cols]; [] for a number) whose
 * values `data` are in C order: the last index changes fastest.
 * @param {{shape: number[], data: ArrayLike<number>}} array
 */
export function npyNumbers({ shape, data }) {
  const size = shape.reduce((a, b) => a * b, 1);
  if (data.length !== size) throw new Error(`[NumPy] an array of shape (${shape.join(', ')}) holds ${size} numbers; got ${data.length}`);
  const values = Float64Array.from(data);
  // the format is little-endian; so is every machine a browser runs on, but say so rather than assume
  const body = new DataView(values.buffer);
  for (let i = 0; i < values.length; i += 1) body.setFloat64(8 * i, values[i], true);
  return npy('<f8', shape, values);
}

/** A text as a 0-d array of dtype '<U{length}' (UTF-32, little-endian): np.load(...)[name].item() is the text. */
export function npyText(text) {
  const points = Array.from(text, (ch) => ch.codePointAt(0));
  const body = new Uint8Array(4 * Math.max(1, points.length));
  const view = new DataView(body.buffer);
  points.forEach((p, i) => view.setUint32(4 * i, p, true));
  return npy(`<U${Math.max(1, points.length)}`, [], body);
}
