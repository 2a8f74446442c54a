// A chart as a figure that can go straight into a report: a title line, the chart (drawn at
// FIGURE_SCALE times its on-screen size), the legend (a colour and a name per group, wrapped in
// rows), the key of line styles, notes and a settings line, on white, as a PNG data URL.
// Plain text, colours and canvases only; it knows nothing of what the chart shows.
import { INK, MUTED, canvasFont } from './chart-style.js';

/** Exported figures have this many pixels per CSS pixel of the chart on screen. */
export const FIGURE_SCALE = 2;

const PAD = 14;
const ROW = 24;
const GAP = 20;
const SAMPLE = 34;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 of `bytes`, as PNG chunks carry it. */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A PNG data URL with UTF-8 text chunks (iTXt) added after its header, e.g. {Title, Description}:
 * image viewers and file managers show them, and the figure's words travel with the file.
 */
export function withPngText(dataUrl, fields) {
  const bytes = Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (c) => c.charCodeAt(0));
  const encoder = new TextEncoder();
  const chunks = Object.entries(fields).filter(([, text]) => text).map(([keyword, text]) => {
    // keyword, 0, compression flag 0, method 0, empty language tag, 0, empty translated keyword, 0, text
    const data = new Uint8Array([...encoder.encode(keyword), 0, 0, 0, 0, 0, ...encoder.encode(text)]);
    const typed = new Uint8Array([...encoder.encode('iTXt'), ...data]);
    const chunk = new Uint8Array(12 + data.length);
    const view = new DataView(chunk.buffer);
    view.setUint32(0, data.length);
    chunk.set(typed, 4);
    view.setUint32(8 + data.length, crc32(typed));
    return chunk;
  });
  const headerEnd = 8 + 25; // the signature, then IHDR (length, type, 13 bytes, CRC)
  const out = new Uint8Array(bytes.length + chunks.reduce((n, c) => n + c.length, 0));
  out.set(bytes.subarray(0, headerEnd));
  let at = headerEnd;
  for (const chunk of chunks) { out.set(chunk, at); at += chunk.length; }
  out.set(bytes.subarray(headerEnd), at);
  let binary = '';
  for (let i = 0; i < out.length; i += 0x8000) binary += String.fromCharCode(...out.subarray(i, i + 0x8000));
  return `data:image/png;base64,${btoa(binary)}`;
}

/** `text` in lines no wider than `width` (in the context's current font); words longer than a line are cut. */
function wrap(ctx, text, width) {
  const lines = [];
  let line = '';
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const tried = line ? `${line} ${word}` : word;
    if (ctx.measureText(tried).width <= width || !line) {
      line = tried;
    } else {
      lines.push(line);
      line = word;
    }
    while (ctx.measureText(line).width > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && ctx.measureText(line.slice(0, cut)).width > width) cut -= 1;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A line sample at (x, y): solid or dashed, with an optional point marker in its middle. */
function drawSample(ctx, x, y, { color = INK, dashed = false, marker = null, open = false, width = 2.5 }) {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.setLineDash(dashed ? [7, 4] : []);
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + SAMPLE, y);
  ctx.stroke();
  ctx.setLineDash([]);
  if (marker) {
    const cx = x + SAMPLE / 2;
    ctx.fillStyle = open ? 'white' : color;
    ctx.strokeStyle = open ? color : 'white';
    ctx.lineWidth = open ? 1.8 : 1;
    ctx.beginPath();
    if (marker === 'triangle') {
      ctx.moveTo(cx, y - 5.5);
      ctx.lineTo(cx + 5.5, y + 4.5);
      ctx.lineTo(cx - 5.5, y + 4.5);
      ctx.closePath();
    } else if (marker === 'rect') {
      ctx.rect(cx - 4.5, y - 4.5, 9, 9);
    } else {
      ctx.arc(cx, y, 4.5, 0, 2 * Math.PI);
    }
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

/** Places items of given widths in rows across `width`; returns [{x, row}] and the row count. */
function flow(widths, width) {
  let x = 0;
  let row = 0;
  const placed = widths.map((w) => {
    if (x > 0 && x + w > width) { x = 0; row += 1; }
    const at = { x, row };
    x += w + GAP;
    return at;
  });
  return { placed, rows: widths.length ? row + 1 : 0 };
}

/**
 * The figure as a PNG data URL. `chart`: a canvas drawn at `scale` pixels per CSS pixel (its width
 * sets the figure's width). Options: title (bold, at the top), legend [{label, color, thick?}],
 * key [{label, dashed?, marker?, open?}] (line styles, in ink), notes [text] and settings (text, muted,
 * at the bottom); everything wraps to the figure's width. The title and settings are also written
 * into the PNG as text (Title, Description).
 */
export function composeFigure(chart, { scale = FIGURE_SCALE, title = '', legend = [], key = [], notes = [], settings = '' } = {}) {
  const width = chart.width / scale;
  const inner = width - 2 * PAD;
  const measure = document.createElement('canvas').getContext('2d');
  const fonts = { title: `bold ${canvasFont(18)}`, legend: canvasFont(15), small: canvasFont(13) };

  measure.font = fonts.title;
  const titleLines = title ? wrap(measure, title, inner) : [];
  measure.font = fonts.legend;
  const entryWidths = legend.map((e) => 30 + measure.measureText(e.label).width);
  const keyWidths = key.map((k) => SAMPLE + 8 + measure.measureText(k.label).width);
  // a name wider than a row is cut into lines of its own
  const long = legend.map((e, i) => (entryWidths[i] > inner ? wrap(measure, e.label, inner - 30) : null));
  const entries = flow(entryWidths.map((w) => Math.min(w, inner)), inner);
  const rowsOf = (i) => long[i]?.length ?? 1;
  const entryRowHeights = Array.from({ length: entries.rows }, (_, r) => ROW * Math.max(1, ...entries.placed.map((p, i) => (p.row === r ? rowsOf(i) : 1))));
  const keys = flow(keyWidths, inner);
  measure.font = fonts.small;
  const smallLines = [...notes.flatMap((n) => wrap(measure, n, inner)), ...(settings ? wrap(measure, settings, inner) : [])];

  const chartHeight = chart.height / scale;
  const height = PAD + titleLines.length * 24 + (titleLines.length ? 6 : 0) + chartHeight + 8
    + entryRowHeights.reduce((a, b) => a + b, 0) + keys.rows * ROW + (smallLines.length ? 6 + smallLines.length * 18 : 0) + PAD;

  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = INK;

  let y = PAD;
  ctx.font = fonts.title;
  for (const line of titleLines) { ctx.fillText(line, PAD, y + 12); y += 24; }
  if (titleLines.length) y += 6;
  ctx.drawImage(chart, 0, y, width, chartHeight);
  y += chartHeight + 8;

  ctx.font = fonts.legend;
  let rowTop = y;
  for (let r = 0; r < entries.rows; r += 1) {
    entries.placed.forEach((p, i) => {
      if (p.row !== r) return;
      const entry = legend[i];
      const mid = rowTop + ROW / 2;
      ctx.fillStyle = entry.color;
      const barHeight = entry.thick ? 7 : 5;
      ctx.fillRect(PAD + p.x, mid - barHeight / 2, 22, barHeight);
      ctx.fillStyle = INK;
      (long[i] ?? [entry.label]).forEach((line, k) => ctx.fillText(line, PAD + p.x + 30, mid + k * ROW));
    });
    rowTop += entryRowHeights[r];
  }
  y = rowTop;
  keys.placed.forEach((p, i) => {
    const mid = y + p.row * ROW + ROW / 2;
    drawSample(ctx, PAD + p.x, mid, key[i]);
    ctx.fillStyle = INK;
    ctx.fillText(key[i].label, PAD + p.x + SAMPLE + 8, mid);
  });
  y += keys.rows * ROW;

  if (smallLines.length) y += 6;
  ctx.font = fonts.small;
  ctx.fillStyle = MUTED;
  for (const line of smallLines) { ctx.fillText(line, PAD, y + 9); y += 18; }
  return withPngText(canvas.toDataURL('image/png'), { Title: title, Description: settings });
}

/**
 * A copy of a Chart.js chart's canvas, drawn again at `scale` pixels per CSS pixel on white. The
 * chart is redrawn at that ratio and back within this call, so the page never shows it.
 */
export function chartCanvasAt(chart, scale = FIGURE_SCALE) {
  const options = chart.options;
  const had = Object.prototype.hasOwnProperty.call(chart.config.options, 'devicePixelRatio');
  const previous = options.devicePixelRatio;
  options.devicePixelRatio = scale;
  chart.resize();
  const copy = document.createElement('canvas');
  copy.width = chart.canvas.width;
  copy.height = chart.canvas.height;
  const ctx = copy.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, copy.width, copy.height);
  ctx.drawImage(chart.canvas, 0, 0);
  if (had) options.devicePixelRatio = previous;
  else delete options.devicePixelRatio;
  chart.resize();
  return copy;
}
