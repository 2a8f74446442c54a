// The diagram of a traced step's network, as ui/diagram.js draws it: the input and a column per
// layer (a residual block marked to draw its skip arc), with each layer's W (a block's W₁) as the
// edges into it. Shared by the Step-through lab and the exercises of the Check-your-work lab.

/**
 * {columns, weights} of `trace` for drawDiagram. `matrixOf(update)` picks the numbers drawn for a
 * layer's W (its `before` unless told: the Step-through lab shows `after` on the update step).
 */
export function traceDiagram(trace, matrixOf = (update) => update.before) {
  const columns = [{ label: 'input', size: trace.input.rows }];
  const weights = [];
  trace.layers.forEach((layer, l) => {
    const outRows = layer.forward.find((v) => v.name === 'a').rows;
    columns.push({ label: `${layer.type === 'residual' ? 'res ' : ''}${l + 1} ${layer.activation}`, size: outRows, skip: layer.type === 'residual' });
    weights.push(matrixOf(trace.updates.find((u) => u.layer === l && (u.name === 'W' || u.name === 'W1'))));
  });
  return { columns, weights };
}
