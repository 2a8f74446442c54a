// An SVG diagram of a layered graph: columns of nodes joined by weighted edges. Edge colour shows
// the weight's sign and width its size; one column, its incoming edges, one node or one edge can
// be highlighted. It draws plain data and knows nothing of networks or the engine.

const SVG = 'http://www.w3.org/2000/svg';
const MAX_NODES = 10; // a column with more nodes shows the first MAX_NODES − 1, then "…"

function element(name, attributes = {}, parent = null) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  parent?.appendChild(node);
  return node;
}

/**
 * Draws into `svg`:
 *   columns: [{label, size, skip}] (skip: the column adds its input back, drawn as an arc)
 *   weights: [{rows, cols, data}] for each pair of columns (rows = next column's size), or null
 *   highlight: {column, edgesInto, node: {column, index}, edge: {column, row, col}}
 * @param {SVGSVGElement} svg
 * @param {{ columns: { label: string, size: number, skip?: boolean }[], weights?: ({ rows: number, cols: number, data: number[] | Float64Array } | null)[],
 *   highlight?: { column?: number, edgesInto?: number, node?: { column: number, index: number }, edge?: { column: number, row: number, col: number } },
 *   title?: string }} drawing
 */
export function drawDiagram(svg, { columns, weights = [], highlight = {}, title = 'Network diagram' }) {
  const width = 560;
  const height = 280;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.replaceChildren();
  element('title', {}, svg).textContent = title;

  const marginX = 56;
  const top = 46;
  const bottom = height - 34;
  const step = columns.length > 1 ? (width - 2 * marginX) / (columns.length - 1) : 0;
  const positions = columns.map((column, c) => {
    const shown = Math.min(column.size, MAX_NODES);
    const gap = Math.min(44, (bottom - top) / Math.max(shown, 1));
    const start = (top + bottom) / 2 - (gap * (shown - 1)) / 2;
    return Array.from({ length: shown }, (_, i) => ({ x: marginX + c * step, y: start + i * gap, index: i === shown - 1 && column.size > MAX_NODES ? column.size - 1 : i, ellipsis: column.size > MAX_NODES && i === shown - 2 }));
  });

  // the largest |w| sets the width scale
  let largest = 0;
  for (const w of weights) if (w) for (const v of w.data) largest = Math.max(largest, Math.abs(v));

  const edges = element('g', { class: 'edges' }, svg);
  for (let c = 1; c < columns.length; c += 1) {
    const w = weights[c - 1];
    const active = highlight.edgesInto === c;
    for (const to of positions[c]) {
      if (to.ellipsis) continue;
      for (const from of positions[c - 1]) {
        if (from.ellipsis) continue;
        const value = w && to.index < w.rows && from.index < w.cols ? w.data[to.index * w.cols + from.index] : null;
        const isEdge = highlight.edge && highlight.edge.column === c && highlight.edge.row === to.index && highlight.edge.col === from.index;
        const strokeWidth = value === null || largest === 0 ? 1 : 0.6 + 4.4 * Math.sqrt(Math.abs(value) / largest);
        element('line', {
          x1: from.x, y1: from.y, x2: to.x, y2: to.y,
          class: `edge ${value === null ? 'neutral' : value >= 0 ? 'positive' : 'negative'}${active ? ' active' : ''}${isEdge ? ' selected' : ''}`,
          // the page's CSS may scale every edge (projector mode): --edge-scale in lab.css
          style: `stroke-width: calc(${isEdge ? strokeWidth + 3 : strokeWidth}px * var(--edge-scale, 1))`,
        }, edges);
      }
    }
    if (columns[c].skip) {
      const x0 = positions[c - 1][0].x;
      const x1 = positions[c][0].x;
      element('path', { d: `M ${x0} ${top - 14} Q ${(x0 + x1) / 2} ${top - 40} ${x1} ${top - 14}`, class: `skip${active ? ' active' : ''}` }, edges);
    }
  }

  const nodes = element('g', { class: 'nodes' }, svg);
  columns.forEach((column, c) => {
    const activeColumn = highlight.column === c;
    for (const p of positions[c]) {
      if (p.ellipsis) {
        element('text', { x: p.x, y: p.y + 5, class: 'ellipsis', 'text-anchor': 'middle' }, nodes).textContent = '⋮';
        continue;
      }
      const isNode = highlight.node && highlight.node.column === c && highlight.node.index === p.index;
      element('circle', { cx: p.x, cy: p.y, r: 12, class: `node${activeColumn ? ' active' : ''}${isNode ? ' selected' : ''}` }, nodes);
    }
    const label = element('text', { x: positions[c][0]?.x ?? marginX, y: height - 8, class: `column-label${activeColumn ? ' active' : ''}`, 'text-anchor': 'middle' }, nodes);
    label.textContent = column.size > MAX_NODES ? `${column.label} (${column.size})` : column.label;
  });
}
