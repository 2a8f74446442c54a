// Turns one trace from the engine into the Step-through lab's operations, in the order a student
// computes them: input, each layer's z and a, the loss, the output gradient, each layer's δ, dW
// and db from the top down, then every parameter's update (step-updates.js).
//
// Each operation knows its formula in LaTeX, symbolic and with the trace's numbers substituted;
// nothing here computes a number.
import { superscript } from '../ui/format.js';
import { texMatrix } from '../ui/tex.js';
import { updateOperations } from './step-updates.js';

/** "⁽¹²⁾" for 12: a layer index as a superscript in plain text. */
const sup = (n) => `⁽${superscript(String(n))}⁾`;

/**
 * Most rows or columns of a matrix written into a formula: a longer one is written with its first
 * entries, ⋮ or ⋯, its last, and its shape.
 */
const SUBSTITUTE_LIMIT = 6;

const ACTIVATION_TEX = {
  identity: { f: 'z', fprime: '1' },
  sigmoid: { f: '\\sigma(z) = \\frac{1}{1 + e^{-z}}', fprime: "\\sigma'(z) = a \\odot (1 - a)" },
  tanh: { f: '\\tanh(z)', fprime: "\\tanh'(z) = 1 - a^{2}" },
  relu: { f: '\\max(0, z)', fprime: "\\mathrm{relu}'(z) = [z > 0]" },
  leaky_relu: { f: '\\max(\\alpha z, z)', fprime: "f'(z) = 1 \\text{ if } z > 0 \\text{ else } \\alpha" },
  softmax: { f: '\\frac{e^{z_k}}{\\sum_j e^{z_j}}', fprime: '' },
};

const find = (values, name) => values.find((v) => v.name === name);
const transpose = ({ rows, cols, data }) => {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r += 1) for (let c = 0; c < cols; c += 1) out[c * rows + r] = data[r * cols + c];
  return { rows: cols, cols: rows, data: out };
};

const shortened = (m) => m.rows > SUBSTITUTE_LIMIT || m.cols > SUBSTITUTE_LIMIT;
/**
 * A substituted formula from its pieces ("z =", "W a", "+ b", "= z"): on one line, or, when one
 * of `matrices` is shortened (so wide), one piece a line, aligned at "=", so that it stays in its card.
 */
function written(matrices, first, ...rest) {
  if (!matrices.some(shortened)) return [first, ...rest].join(' ');
  const line = (piece) => (piece.startsWith('=') ? `&${piece}` : `& \\quad ${piece}`);
  const lines = first.endsWith(' =')
    ? [`${first.slice(0, -2)} &= ${rest[0]}`, ...rest.slice(1).map(line)]
    : [`& ${first}`, ...rest.map(line)];
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

/** The operations of a trace: [{id, kind, layer, title, tex, numbers, result, resultName}]. */
export function traceOperations(trace, { format }) {
  const M = (matrix) => texMatrix(matrix, format, { most: SUBSTITUTE_LIMIT });
  const ops = [];
  const layers = trace.layers;
  const last = layers.length - 1;
  const input = (l) => (l === 0 ? trace.input : find(layers[l - 1].forward, 'a'));
  const m = trace.input.cols;
  const mean = m > 1 ? `\\tfrac{1}{${m}}` : '';

  ops.push({
    id: 'input', kind: 'input', layer: -1, title: 'The input',
    tex: 'a^{(0)} = x', numbers: `a^{(0)} = ${M(trace.input)}`, result: trace.input, resultName: 'a⁽⁰⁾',
  });

  layers.forEach((layer, l) => {
    const L = l + 1;
    const a0 = input(l);
    const z = find(layer.forward, 'z');
    const a = find(layer.forward, 'a');
    const act = ACTIVATION_TEX[layer.activation];
    const W = trace.updates.find((u) => u.layer === l && (u.name === 'W' || u.name === 'W1')).before;
    // a dense layer without a bias (seed 000 §1.2's linear model) has no b: z = W a
    const b = trace.updates.find((u) => u.layer === l && (u.name === 'b' || u.name === 'b1'))?.before;
    if (layer.type === 'dense') {
      ops.push({
        id: `z${L}`, kind: 'forward', layer: l, title: `Layer ${L}: pre-activation z${sup(L)}`,
        tex: `z^{(${L})} = W^{(${L})} a^{(${L - 1})}${b ? ` + b^{(${L})}` : ''}`,
        numbers: b
          ? written([W, a0, b, z], `z^{(${L})} =`, `${M(W)} ${M(a0)}`, `+ ${M(b)}`, `= ${M(z)}`)
          : written([W, a0, z], `z^{(${L})} =`, `${M(W)} ${M(a0)}`, `= ${M(z)}`),
        result: z, resultName: `z${sup(L)}`,
      });
      ops.push({
        id: `a${L}`, kind: 'forward', layer: l, title: `Layer ${L}: activation a${sup(L)} (${layer.activation})`,
        tex: `a^{(${L})} = f(z^{(${L})}),\\quad f(z) = ${act.f}`,
        numbers: written([z, a], `a^{(${L})} =`, `f\\left(${M(z)}\\right)`, `= ${M(a)}`),
        result: a, resultName: `a${sup(L)}`,
      });
    } else {
      const h = find(layer.forward, 'h');
      const W2 = trace.updates.find((u) => u.layer === l && u.name === 'W2').before;
      ops.push({
        id: `z${L}`, kind: 'forward', layer: l, title: `Residual block ${L}: z${sup(L)}`,
        tex: `z^{(${L})} = W_1^{(${L})} a^{(${L - 1})} + b_1^{(${L})}`,
        numbers: written([W, a0, b, z], `z^{(${L})} =`, `${M(W)} ${M(a0)}`, `+ ${M(b)}`, `= ${M(z)}`),
        result: z, resultName: `z${sup(L)}`,
      });
      ops.push({
        id: `h${L}`, kind: 'forward', layer: l, title: `Residual block ${L}: h${sup(L)} = f(z${sup(L)})`,
        tex: `h^{(${L})} = f(z^{(${L})}),\\quad f(z) = ${act.f}`,
        numbers: written([z, h], `h^{(${L})} =`, `f\\left(${M(z)}\\right)`, `= ${M(h)}`),
        result: h, resultName: `h${sup(L)}`,
      });
      ops.push({
        id: `a${L}`, kind: 'forward', layer: l, title: `Residual block ${L}: output a${sup(L)}`,
        tex: `a^{(${L})} = a^{(${L - 1})} + W_2^{(${L})} h^{(${L})}`,
        numbers: written([a0, W2, h, a], `a^{(${L})} =`, M(a0), `+ ${M(W2)} ${M(h)}`, `= ${M(a)}`),
        result: a, resultName: `a${sup(L)}`,
      });
    }
  });

  const n = layers.length;
  const out = trace.output;
  const lossTex = {
    mse: `L = ${m > 1 ? '\\frac{1}{m}\\sum_{i=1}^{m}' : ''}\\tfrac{1}{2}\\lVert a^{(${n})} - y \\rVert^{2}`,
    cross_entropy: `L = ${m > 1 ? '\\frac{1}{m}\\sum_{i=1}^{m}' : ''} -\\sum_k y_k \\log a^{(${n})}_k`,
    binary_cross_entropy: `L = ${m > 1 ? '\\frac{1}{m}\\sum_{i=1}^{m}' : ''} -\\left[y \\log a^{(${n})} + (1 - y) \\log(1 - a^{(${n})})\\right]`,
  }[trace.lossName];
  const penalty = trace.loss.penalty > 0 ? ` + ${format(trace.loss.penalty)}` : '';
  ops.push({
    id: 'loss', kind: 'loss', layer: last, title: `The loss (${trace.lossName.replace(/_/g, ' ')})`,
    tex: lossTex + (trace.loss.penalty > 0 ? ' + \\tfrac{\\lambda}{2}\\sum\\lVert W \\rVert^2' : ''),
    numbers: written([out], `a^{(${n})} = ${M(out)},\\;`, `y = ${M(trace.target)}`, `\\;\\Rightarrow\\; L = ${format(trace.loss.data)}${penalty}`),
    result: { rows: 1, cols: 1, data: [trace.loss.total] }, resultName: 'L',
  });

  const g = trace.outputGradient;
  ops.push(trace.outputGradientIsDelta ? {
    id: 'dout', kind: 'backward', layer: last, title: `Output gradient: δ${sup(n)} (fused with the loss)`,
    tex: `\\delta^{(${n})} = \\frac{\\partial L}{\\partial z^{(${n})}} = ${mean}\\left(a^{(${n})} - y\\right)`,
    numbers: written([out, g], `\\delta^{(${n})} =`, `${mean}\\left(${M(out)} - ${M(trace.target)}\\right)`, `= ${M(g)}`),
    result: g, resultName: `δ${sup(n)}`,
  } : {
    id: 'dout', kind: 'backward', layer: last, title: `Output gradient: ∂L/∂a${sup(n)}`,
    tex: `\\frac{\\partial L}{\\partial a^{(${n})}} = ${mean}\\left(a^{(${n})} - y\\right)`,
    numbers: written([out, g], `\\frac{\\partial L}{\\partial a^{(${n})}} =`, `${mean}\\left(${M(out)} - ${M(trace.target)}\\right)`, `= ${M(g)}`),
    result: g, resultName: `∂L/∂a${sup(n)}`,
  });

  for (let l = last; l >= 0; l -= 1) {
    const L = l + 1;
    const layer = layers[l];
    const a0 = input(l);
    const upstream = l === last ? g : find(layers[l + 1].backward, 'grad_in');
    const gName = `\\frac{\\partial L}{\\partial a^{(${L})}}`;
    const act = ACTIVATION_TEX[layer.activation];
    const fprime = find(layer.backward, 'fprime');
    const delta = find(layer.backward, 'delta');
    if (layer.type === 'dense') {
      const fused = l === last && trace.outputGradientIsDelta;
      if (!fused) {
        ops.push({
          id: `delta${L}`, kind: 'backward', layer: l, title: `Layer ${L}: δ${sup(L)} = ∂L/∂z${sup(L)}`,
          tex: `\\delta^{(${L})} = ${gName} \\odot f'(z^{(${L})}),\\quad ${act.fprime}`,
          numbers: written([upstream, delta], `\\delta^{(${L})} =`, `${M(upstream)} \\odot ${M(fprime)}`, `= ${M(delta)}`),
          result: delta, resultName: `δ${sup(L)}`,
        });
      }
      const dW = find(layer.backward, 'dW');
      const db = find(layer.backward, 'db');
      ops.push({
        id: `dW${L}`, kind: 'backward', layer: l, title: `Layer ${L}: ∂L/∂W${sup(L)}`,
        tex: `\\frac{\\partial L}{\\partial W^{(${L})}} = \\delta^{(${L})} \\, a^{(${L - 1})\\top}`,
        numbers: written([delta, a0, dW], `\\frac{\\partial L}{\\partial W^{(${L})}} =`, `${M(delta)} ${M(transpose(a0))}`, `= ${M(dW)}`),
        result: dW, resultName: `∂L/∂W${sup(L)}`,
      });
      // a dense layer without a bias has an empty db: no operation
      if (db?.rows > 0) ops.push({
        id: `db${L}`, kind: 'backward', layer: l, title: `Layer ${L}: ∂L/∂b${sup(L)}`,
        tex: m > 1 ? `\\frac{\\partial L}{\\partial b^{(${L})}} = \\sum_{i=1}^{m} \\delta^{(${L})}_i` : `\\frac{\\partial L}{\\partial b^{(${L})}} = \\delta^{(${L})}`,
        numbers: `\\frac{\\partial L}{\\partial b^{(${L})}} = ${M(db)}`,
        result: db, resultName: `∂L/∂b${sup(L)}`,
      });
      if (l > 0) {
        const W = trace.updates.find((u) => u.layer === l && u.name === 'W').before;
        const gradIn = find(layer.backward, 'grad_in');
        ops.push({
          id: `gin${L}`, kind: 'backward', layer: l, title: `Layer ${L}: the gradient passed down, ∂L/∂a${sup(L - 1)}`,
          tex: `\\frac{\\partial L}{\\partial a^{(${L - 1})}} = W^{(${L})\\top} \\delta^{(${L})}`,
          numbers: written([W, delta, gradIn], `\\frac{\\partial L}{\\partial a^{(${L - 1})}} =`, `${M(transpose(W))} ${M(delta)}`, `= ${M(gradIn)}`),
          result: gradIn, resultName: `∂L/∂a${sup(L - 1)}`,
        });
      }
    } else {
      const dh = find(layer.backward, 'dh');
      const W1 = trace.updates.find((u) => u.layer === l && u.name === 'W1').before;
      const W2 = trace.updates.find((u) => u.layer === l && u.name === 'W2').before;
      const h = find(layer.forward, 'h');
      ops.push({
        id: `dW2${L}`, kind: 'backward', layer: l, title: `Residual block ${L}: ∂L/∂W₂${sup(L)}`,
        tex: `\\frac{\\partial L}{\\partial W_2^{(${L})}} = ${gName} \\, h^{(${L})\\top}`,
        numbers: written([upstream, h, find(layer.backward, 'dW2')], `${M(upstream)} ${M(transpose(h))}`, `= ${M(find(layer.backward, 'dW2'))}`),
        result: find(layer.backward, 'dW2'), resultName: `∂L/∂W₂${sup(L)}`,
      });
      ops.push({
        id: `dh${L}`, kind: 'backward', layer: l, title: `Residual block ${L}: ∂L/∂h${sup(L)}`,
        tex: `\\frac{\\partial L}{\\partial h^{(${L})}} = W_2^{(${L})\\top} ${gName}`,
        numbers: written([W2, upstream, dh], `${M(transpose(W2))} ${M(upstream)}`, `= ${M(dh)}`),
        result: dh, resultName: `∂L/∂h${sup(L)}`,
      });
      ops.push({
        id: `delta${L}`, kind: 'backward', layer: l, title: `Residual block ${L}: δ${sup(L)} = ∂L/∂z${sup(L)}`,
        tex: `\\delta^{(${L})} = \\frac{\\partial L}{\\partial h^{(${L})}} \\odot f'(z^{(${L})}),\\quad ${act.fprime.replace(/\ba\b/g, 'h')}`,
        numbers: written([dh, delta], `${M(dh)} \\odot ${M(fprime)}`, `= ${M(delta)}`),
        result: delta, resultName: `δ${sup(L)}`,
      });
      ops.push({
        id: `dW1${L}`, kind: 'backward', layer: l, title: `Residual block ${L}: ∂L/∂W₁${sup(L)} and ∂L/∂b₁${sup(L)}`,
        tex: `\\frac{\\partial L}{\\partial W_1^{(${L})}} = \\delta^{(${L})} a^{(${L - 1})\\top},\\quad \\frac{\\partial L}{\\partial b_1^{(${L})}} = ${m > 1 ? '\\sum_i ' : ''}\\delta^{(${L})}`,
        numbers: written([delta, a0, find(layer.backward, 'dW1')], `${M(delta)} ${M(transpose(a0))}`, `= ${M(find(layer.backward, 'dW1'))}`),
        result: find(layer.backward, 'dW1'), resultName: `∂L/∂W₁${sup(L)}`,
      });
      if (l > 0) {
        ops.push({
          id: `gin${L}`, kind: 'backward', layer: l, title: `Residual block ${L}: the gradient passed down`,
          tex: `\\frac{\\partial L}{\\partial a^{(${L - 1})}} = ${gName} + W_1^{(${L})\\top} \\delta^{(${L})}`,
          numbers: written([upstream, W1, delta], M(upstream), `+ ${M(transpose(W1))} ${M(delta)}`, `= ${M(find(layer.backward, 'grad_in'))}`),
          result: find(layer.backward, 'grad_in'), resultName: `∂L/∂a${sup(L - 1)}`,
        });
      }
    }
  }

  ops.push(...updateOperations(trace, { M, sup }));
  return ops;
}
