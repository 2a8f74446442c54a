// The student's own arrays against the lab's (issue 18, item 6): read from .npz, .npy or JSON files
// with maintained readers (npyjs for .npy, fflate for the zip), matched by name, in the lab's
// orientation, transposed (one row per sample, W as in × out) or flat (a bias of shape (n,)),
// and compared element by element as np.allclose does; an array that disagrees is tried against
// the same array computed with each known mistake (mistakes(): exact arithmetic on the lab's
// numbers; the page adds the core's teaching bugs), so that a match names the mistake. It knows no DOM.

const VENDOR = new URL('../../vendor/', import.meta.url).href;

/** Elements agree when |yours − lab| ≤ atol + rtol·|lab|: NumPy's np.allclose defaults. */
export const TOLERANCE = { rtol: 1e-5, atol: 1e-8 };

/** The shape and C-order numbers of a JSON value: a number, or nested arrays of numbers of equal lengths. */
export function jsonArray(value, where) {
  if (typeof value === 'number') return { shape: [], data: [value] };
  const shape = [];
  for (let v = value; Array.isArray(v); v = v[0]) shape.push(v.length);
  const data = [];
  const walk = (v, depth) => {
    if (depth === shape.length) {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${where}: every entry must be a finite number; got ${JSON.stringify(v)?.slice(0, 20)}`);
      data.push(v);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) throw new Error(`${where}: the rows must all have ${shape[depth]} entries (a rectangular array)`);
    for (const item of v) walk(item, depth + 1);
  };
  walk(value, 0);
  return { shape, data };
}

/** Numbers stored in Fortran order (the first index fastest) for `shape`, in C order (the last fastest). */
export function cOrder(data, shape) {
  if (shape.length < 2) return data;
  const out = new Float64Array(data.length);
  const index = new Array(shape.length).fill(0);
  for (let k = 0; k < data.length; k += 1) {
    // index: the C-order position k as (i0, …, i_{n−1}); its Fortran offset is Σ i_d · Π_{e<d} shape[e]
    let offset = 0;
    let step = 1;
    for (let d = 0; d < shape.length; d += 1) {
      offset += index[d] * step;
      step *= shape[d];
    }
    out[k] = data[offset];
    for (let d = shape.length - 1; d >= 0; d -= 1) {
      index[d] += 1;
      if (index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

/**
 * Reads the files a student gave ([{name, bytes: Uint8Array}]): a .npz (every .npy inside, named
 * by its file name), a .npy (named by its file name), or a .json object {name: array}. Returns
 * {arrays: {name: {shape, data, from}}, problems: [message]}: a file or array that cannot be read
 * is named in a problem; the others are still read.
 */
export async function readArrays(files) {
  const [{ parse }, { unzipSync }] = await Promise.all([import(`${VENDOR}npyjs.js`), import(`${VENDOR}fflate.js`)]);
  const arrays = {};
  const problems = [];
  const npy = (bytes, name, from) => {
    // a text (the lab's own README and spec in its export) is no array to compare
    if (/'descr': '[<>|]U/.test(new TextDecoder().decode(bytes.subarray(10, 128)))) {
      if (name !== 'README' && name !== 'spec') problems.push(`${from}: "${name}" holds text, not numbers`);
      return;
    }
    try {
      const { shape, data, fortranOrder } = parse(bytes.slice().buffer);
      if (typeof data[0] === 'bigint' || !(data instanceof Float64Array || data instanceof Float32Array || data instanceof Int32Array || data instanceof Int16Array || data instanceof Int8Array || data instanceof Uint8Array)) {
        throw new Error('is not an array of numbers');
      }
      // np.save writes a transposed view (X.T) in Fortran order: its numbers column by column
      const values = Float64Array.from(data);
      arrays[name] = { shape: [...shape], data: fortranOrder ? cOrder(values, shape) : values, from };
    } catch (error) {
      problems.push(`${from}: the array "${name}" could not be read (${error.message.replace(/^\[?npyjs\]?:?\s*/i, '')})`);
    }
  };
  for (const { name: file, bytes } of files) {
    const base = file.replace(/^.*[\\/]/, '');
    const stem = base.replace(/\.[^.]+$/, '');
    if (/\.npz$/i.test(base)) {
      let entries;
      try {
        entries = unzipSync(bytes);
      } catch (error) {
        problems.push(`${base}: not a .npz (a zip of .npy files, as np.savez writes): ${error.message}`);
        continue;
      }
      for (const [entry, content] of Object.entries(entries)) {
        if (/\.npy$/i.test(entry)) npy(content, entry.replace(/\.npy$/i, ''), base);
      }
    } else if (/\.npy$/i.test(base)) {
      npy(bytes, stem, base);
    } else if (/\.json$/i.test(base)) {
      let object;
      try {
        object = JSON.parse(new TextDecoder().decode(bytes));
      } catch (error) {
        problems.push(`${base}: not valid JSON (${error.message})`);
        continue;
      }
      if (object === null || typeof object !== 'object' || Array.isArray(object)) {
        problems.push(`${base}: must be a JSON object of named arrays, {"W1": [[…], …], …}`);
        continue;
      }
      for (const [name, value] of Object.entries(object)) {
        try {
          arrays[name] = { ...jsonArray(value, `${base}: "${name}"`), from: base };
        } catch (error) {
          problems.push(error.message);
        }
      }
    } else {
      problems.push(`${base}: choose .npz, .npy or .json files`);
    }
  }
  return { arrays, problems };
}

const shapeText = (shape) => `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
const size = (shape) => shape.reduce((a, b) => a * b, 1);

/** The transpose of a rows × cols array in C order. */
function transposed(data, rows, cols) {
  const out = new Float64Array(data.length);
  for (let r = 0; r < rows; r += 1) for (let c = 0; c < cols; c += 1) out[c * rows + r] = data[r * cols + c];
  return out;
}

/** Element-wise agreement of `yours` with `lab` (same length): {agree, largestRelative, worst}. */
function agreement(yours, lab) {
  let agree = 0;
  let largestRelative = 0;
  let worst = 0;
  for (let k = 0; k < lab.length; k += 1) {
    const difference = Math.abs(yours[k] - lab[k]);
    if (difference <= TOLERANCE.atol + TOLERANCE.rtol * Math.abs(lab[k])) agree += 1;
    const relative = difference / Math.max(Math.abs(lab[k]), Number.MIN_VALUE);
    if (!(relative <= largestRelative)) {
      largestRelative = relative;
      worst = k;
    }
  }
  return { agree, largestRelative, worst };
}

/** The gradient arrays of a step (a sign or batch mistake changes them): dL_doutput, delta1, dW1, db1, grad_in1, L2_dW1, … */
const GRADIENT = /^(dL_doutput|(L\d+_)?(delta|dW|db|grad_in|dh)\d*)$/;

/**
 * The step's arrays as a known mistake computes them, from the lab's own numbers ({name: {shape,
 * data}}, traceArrays' names): every gradient with its sign flipped; for a batch of B > 1 samples,
 * every gradient B times too large (a sum where the loss takes the mean) or B times too small;
 * the bias gradients averaged over the batch where δ already holds its 1/B; for a softmax output
 * layer k with cross-entropy (`softmaxLayer`), its δ with the softmax Jacobian applied on top of
 * the fused gradient (a − y)/B, and the dW, db that follow; and every updated weight with the
 * learning rate left out, applied twice, added instead of subtracted, or not updated at all (plain
 * SGD's rule, W_new = W − η dW); where two dense layers have the same width, a layer's dW and db
 * made from the other's δ, or its δ that is the other's (wrongLayer); where a dense layer's W is
 * square, its dW made with its own output in place of its input. [{text, arrays}]
 */
export function mistakes(lab, { batch, learningRate, softmaxLayer = 0 }) {
  const map = (test, f) => Object.fromEntries(Object.entries(lab).filter(([name]) => test(name)).map(([name, a]) => [name, { shape: a.shape, data: Float64Array.from(a.data, f) }]));
  const gradients = (f) => map((name) => GRADIENT.test(name), f);
  const out = [{ text: 'every gradient has the wrong sign (for example a − y written as y − a)', arrays: gradients((v) => -v) }];
  if (batch > 1) {
    out.push({ text: `the bias gradient is averaged over the batch, but δ already holds the mean's 1/${batch}: sum it`, arrays: map((name) => /^(L\d+_)?db\d*$/.test(name), (v) => v / batch) });
    out.push({ text: `the gradients are ${batch} times too large: a sum over the batch where the loss takes the mean`, arrays: gradients((v) => v * batch) });
    out.push({ text: `the gradients are ${batch} times too small: divided by the batch size twice`, arrays: gradients((v) => v / batch) });
  }
  if (softmaxLayer > 0) out.push(softmaxJacobianTwice(lab, softmaxLayer));
  out.push(...wrongLayer(lab));
  // W1_new from W1 and dW1; L2_W1_new from L2_W1 and L2_dW1
  const updated = (rule) => Object.fromEntries(Object.keys(lab).filter((name) => name.endsWith('_new')).flatMap((name) => {
    const before = lab[name.replace(/_new$/, '')];
    const gradient = lab[name.replace(/^(L\d+_)?(.*)_new$/, '$1d$2')];
    if (!before || !gradient) return [];
    return [[name, { shape: before.shape, data: Float64Array.from(before.data, (w, k) => rule(w, gradient.data[k])) }]];
  }));
  const eta = learningRate;
  out.push({ text: 'the learning rate is left out of the update: W − ∂L/∂W', arrays: updated((w, g) => w - g) });
  out.push({ text: 'the learning rate is applied twice: W − η² ∂L/∂W', arrays: updated((w, g) => w - eta * eta * g) });
  out.push({ text: 'the update goes up the gradient: W + η ∂L/∂W', arrays: updated((w, g) => w + eta * g) });
  out.push({ text: 'the weights are not updated', arrays: updated((w) => w) });
  return out;
}

/**
 * δ of the wrong layer, from the lab's dense layers (delta1, dW1, db1 with inputs X, a1, …): for
 * layers l and m of the same width, dW_l = δ_m a_{l−1}ᵀ and db_l = Σ δ_m (the δ of the layer above
 * or below picked up by an index slip), and the same with δ_l itself holding δ_m; for a layer whose W
 * is square, dW_l = δ_l a_lᵀ (its own output for its input). Each dW is the lab's plus the
 * difference (dW′ = dW + δ′ a′ᵀ − δ aᵀ), so an L2 or L1 term in it stays. Only variants whose shapes
 * fit are made. [{text, arrays}]
 */
function wrongLayer(lab) {
  const layers = Object.keys(lab).map((name) => /^delta(\d+)$/.exec(name)?.[1]).filter(Boolean).map(Number).sort((a, b) => a - b);
  // the input of dense layer l: X, or the output of the layer below (a dense a1 or a residual L1_a)
  const inputName = (l) => (l === 1 ? 'X' : [`a${l - 1}`, `L${l - 1}_a`].find((name) => lab[name]));
  const sameShape = (p, q) => p && q && p.shape.length === q.shape.length && p.shape.every((d, i) => d === q.shape[i]);
  /** dW_l + δ′ a′ᵀ − δ_l a_{l−1}ᵀ and (with `bias`) db_l + Σ (δ′ − δ_l), for δ′ (units × B) and a′ (in × B) of the lab's shapes. */
  const gradients = (l, deltaWrong, inputWrong, bias = true) => {
    const delta = lab[`delta${l}`];
    const input = lab[inputName(l)];
    const dW = lab[`dW${l}`];
    const db = lab[`db${l}`];
    const [units, samples] = delta.shape;
    const ins = input.shape[0];
    /** @type {Record<string, {shape: number[], data: Float64Array<ArrayBuffer>}>} */
    const arrays = {};
    if (dW) {
      arrays[`dW${l}`] = { shape: dW.shape, data: Float64Array.from(dW.data, (v, n) => {
        const [i, c] = [Math.floor(n / ins), n % ins];
        let extra = 0;
        for (let j = 0; j < samples; j += 1) extra += deltaWrong[i * samples + j] * inputWrong[c * samples + j] - delta.data[i * samples + j] * input.data[c * samples + j];
        return v + extra;
      }) };
    }
    if (bias && db && db.data.length === units) {
      arrays[`db${l}`] = { shape: db.shape, data: Float64Array.from(db.data, (v, i) => {
        let extra = 0;
        for (let j = 0; j < samples; j += 1) extra += deltaWrong[i * samples + j] - delta.data[i * samples + j];
        return v + extra;
      }) };
    }
    return arrays;
  };
  const which = (l, m) => (m === l + 1 ? 'the layer above\'s δ' : m === l - 1 ? 'the layer below\'s δ' : `layer ${m}'s δ`);
  // dW and db from another δ come first, so that a dW that fits both is named by the simpler slip
  const usesOther = [];
  const holdsOther = [];
  const ownOutput = [];
  for (const l of layers) {
    const delta = lab[`delta${l}`];
    const input = lab[inputName(l)];
    if (!input || input.shape[1] !== delta.shape[1]) continue;
    for (const m of layers) {
      const other = lab[`delta${m}`];
      if (m === l || !sameShape(delta, other)) continue;
      usesOther.push({ text: `dW${l} and db${l} use δ${m}, ${which(l, m)}: use δ${l}`, arrays: gradients(l, other.data, input.data) });
      const own = layers.includes(l + 1) ? `δ${l} = f′(z${l}) ⊙ W${l + 1}ᵀ δ${l + 1}` : `δ${l} = ∂L/∂z${l}`;
      holdsOther.push({ text: `δ${l} holds δ${m}, ${which(l, m)}, and dW${l}, db${l} are made from it: use ${own}`, arrays: { [`delta${l}`]: { shape: other.shape, data: Float64Array.from(other.data) }, ...gradients(l, other.data, input.data) } });
    }
    // dW_l = δ_l a_lᵀ: the layer's own output where its input belongs (a square W only)
    const output = lab[`a${l}`];
    if (sameShape(output, input)) {
      ownOutput.push({ text: `dW${l} uses a${l}, the layer's own output: use ${inputName(l)}, its input (dW${l} = δ${l} ${inputName(l)}ᵀ)`, arrays: gradients(l, delta.data, output.data, false) });
    }
  }
  return [...usesOther, ...holdsOther, ...ownOutput];
}

/**
 * The output layer k's δ, dW and db when the softmax Jacobian is applied on top of the fused
 * cross-entropy gradient g = (a − y)/B: δ′ = a ⊙ (g − aᵀg) per sample, dW′ = dW + (δ′ − δ) a_prevᵀ,
 * db′ = db + Σ_samples (δ′ − δ).
 */
function softmaxJacobianTwice(lab, k) {
  const a = lab[`a${k}`];
  const delta = lab[`delta${k}`];
  const below = k > 1 ? lab[`a${k - 1}`] : lab.X;
  /** @type {Record<string, {shape: number[], data: Float64Array<ArrayBuffer>}>} */
  const arrays = {};
  if (a && delta && below) {
    const [units, samples] = delta.shape;
    const wrong = new Float64Array(delta.data.length);
    for (let j = 0; j < samples; j += 1) {
      let dot = 0;
      for (let i = 0; i < units; i += 1) dot += a.data[i * samples + j] * delta.data[i * samples + j];
      for (let i = 0; i < units; i += 1) wrong[i * samples + j] = a.data[i * samples + j] * (delta.data[i * samples + j] - dot);
    }
    arrays[`delta${k}`] = { shape: delta.shape, data: wrong };
    const inputs = below.shape[0];
    const dW = lab[`dW${k}`];
    if (dW) {
      arrays[`dW${k}`] = { shape: dW.shape, data: Float64Array.from(dW.data, (v, n) => {
        const [i, c] = [Math.floor(n / inputs), n % inputs];
        let extra = 0;
        for (let j = 0; j < samples; j += 1) extra += (wrong[i * samples + j] - delta.data[i * samples + j]) * below.data[c * samples + j];
        return v + extra;
      }) };
    }
    const db = lab[`db${k}`];
    if (db) {
      arrays[`db${k}`] = { shape: db.shape, data: Float64Array.from(db.data, (v, i) => {
        let extra = 0;
        for (let j = 0; j < samples; j += 1) extra += wrong[i * samples + j] - delta.data[i * samples + j];
        return v + extra;
      }) };
    }
  }
  return { text: 'the softmax Jacobian is applied on top of the cross-entropy gradient (a − y)/B, which already is ∂L/∂z', arrays };
}

/**
 * Compares the student's arrays with the lab's ({name: {shape, data}}, as traceArrays gives them).
 * A name matches the lab's exactly or ignoring case. An array is read in the lab's orientation
 * when its shape is the lab's, transposed when its shape is the lab's reversed (a matrix), flat
 * when only its size is the lab's (a bias as (n,)); a square matrix is also tried transposed when
 * it does not agree as it is. Returns {rows: [{name, labName, from, shape, labShape, orientation
 * ('same' | 'transposed' | 'flat' | null), agree, total, largestRelative, worst: {index, yours,
 * lab} | null, problem, mistake}], unmatched: [names]}, rows in the lab's order. `variants`
 * ([{text, arrays}], mistakes() and the page's teaching bugs) are the same arrays computed with
 * a known mistake: a row that disagrees with the lab but agrees everywhere with a variant's array
 * gets that variant's text as its `mistake` (the first variant that fits; a square matrix that fits
 * one only transposed is then shown transposed).
 */
export function compareArrays(yours, lab, variants = []) {
  const byLower = new Map(Object.keys(yours).map((name) => [name.toLowerCase(), name]));
  const rows = [];
  const used = new Set();
  for (const [labName, { shape: labShape, data: labData }] of Object.entries(lab)) {
    const name = labName in yours ? labName : byLower.get(labName.toLowerCase());
    if (name === undefined) continue;
    used.add(name);
    const mine = yours[name];
    const row = { name, labName, from: mine.from, shape: mine.shape, labShape, orientation: null, agree: 0, total: labData.length, largestRelative: NaN, worst: null, problem: '', mistake: '' };
    const candidates = [];
    const same = mine.shape.length === labShape.length && mine.shape.every((d, i) => d === labShape[i]);
    const matrix = labShape.length === 2;
    const reversed = matrix && mine.shape.length === 2 && mine.shape[0] === labShape[1] && mine.shape[1] === labShape[0];
    if (same) candidates.push(['same', mine.data]);
    if (reversed) candidates.push(['transposed', transposed(mine.data, mine.shape[0], mine.shape[1])]);
    if (!same && !reversed && size(mine.shape) === labData.length && (labShape.filter((d) => d > 1).length <= 1)) candidates.push(['flat', mine.data]);
    if (!candidates.length) {
      row.problem = `shape ${shapeText(mine.shape)}, the lab's is ${shapeText(labShape)}${matrix ? ` (or ${shapeText([...labShape].reverse())} with one row per sample)` : ''}`;
      rows.push(row);
      continue;
    }
    // the first orientation that agrees everywhere, else the one that agrees most
    let best = null;
    const results = [];
    for (const [orientation, data] of candidates) {
      const result = { orientation, ...agreement(data, labData), data };
      results.push(result);
      if (!best || result.agree > best.agree) best = result;
      if (result.agree === labData.length) break;
    }
    // an array that agrees nowhere may fit a mistake: in the orientation that agrees most, else (a
    // square matrix of a student who keeps one row per sample) in the other, which it is then read in
    let mistake = '';
    if (best.agree < labData.length) {
      for (const result of [best, ...results.filter((r) => r !== best)]) {
        const fits = variants.find((v) => v.arrays[labName]?.data.length === labData.length && agreement(result.data, v.arrays[labName].data).agree === labData.length);
        if (fits) {
          best = result;
          mistake = fits.text;
          break;
        }
      }
    }
    row.orientation = best.orientation;
    row.agree = best.agree;
    row.largestRelative = best.largestRelative;
    row.worst = { index: best.worst, yours: best.data[best.worst], lab: labData[best.worst] };
    row.mistake = mistake;
    rows.push(row);
  }
  return { rows, unmatched: Object.keys(yours).filter((name) => !used.has(name)) };
}
