// An HTML legend that several charts share: one entry per group of lines (a colour swatch and a
// name that wraps, never clipped), a toggle button per entry that hides or shows the group on every
// chart (aria-pressed), an optional remove button, and a key of line styles explained once.
// Plain data only: it knows nothing of what the groups are.

const SVG = 'http://www.w3.org/2000/svg';

/** The line-style sample of a key item: a short line, solid or dashed, with an optional marker. */
function lineSample({ dashed = false, marker = null, open = false, color = 'currentColor', width = 2.5 }) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'legend-line');
  svg.setAttribute('viewBox', '0 0 36 12');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG, 'line');
  Object.entries({ x1: 1, y1: 6, x2: 35, y2: 6, stroke: color, 'stroke-width': width }).forEach(([k, v]) => line.setAttribute(k, String(v)));
  if (dashed) line.setAttribute('stroke-dasharray', '7 4');
  svg.append(line);
  if (marker === 'circle' || marker === 'triangle' || marker === 'rect') {
    const shape = document.createElementNS(SVG, marker === 'circle' ? 'circle' : marker === 'rect' ? 'rect' : 'polygon');
    const attributes = marker === 'circle' ? { cx: 18, cy: 6, r: 4.2 }
      : marker === 'rect' ? { x: 14, y: 2, width: 8, height: 8 } : { points: '18,1 23,10.5 13,10.5' };
    const paint = open ? { fill: 'white', stroke: color, 'stroke-width': 1.6 } : { fill: color, stroke: 'white', 'stroke-width': 1 };
    Object.entries({ ...attributes, ...paint }).forEach(([k, v]) => shape.setAttribute(k, String(v)));
    svg.append(shape);
  }
  return svg;
}

/**
 * A legend in `container`. Options: label (the list's accessible name), onToggle(id, shown),
 * onRemove(id) (entries with a `removeLabel` get a ✕ button), hint (a sentence after the key).
 * Returns {set(entries, key)}:
 *   entries: [{id, label, color, kind?, tag?, hidden?, thick?, removeLabel?}] (kind: the item's
 *     data-kind; tag: a short muted note, e.g. "this run"; thick: a wider swatch, for the
 *     emphasised group);
 *   key: [{label, dashed?, marker?: 'circle' | 'triangle' | 'rect', open?}], the line styles, drawn
 *     in ink (open: a marker white inside).
 * The list is rebuilt only when the entries change; a toggle only flips its own button, so the
 * focus stays where it was.
 */
/**
 * @param {HTMLElement} container
 * @param {{ label?: string, hint?: string, onToggle?: (id: string, shown: boolean) => void,
 *   onRemove?: (id: string) => void }} [options]
 */
export function createSeriesLegend(container, { label = 'Legend', onToggle = () => {}, onRemove = () => {}, hint = '' } = {}) {
  const root = document.createElement('div');
  root.className = 'series-legend';
  const list = document.createElement('ul');
  list.className = 'legend-entries';
  list.setAttribute('aria-label', label);
  const keyLine = document.createElement('p');
  keyLine.className = 'legend-key';
  root.append(list, keyLine);
  container.replaceChildren(root);

  let shownStructure = null;
  let shownKey = null;
  /** @type {Map<string, HTMLButtonElement>} */
  const toggles = new Map();

  function pressed(button, entry) {
    button.setAttribute('aria-pressed', String(!entry.hidden));
    button.title = entry.hidden ? 'Hidden on the charts: press to show' : 'Shown on the charts: press to hide';
    button.closest('li')?.classList.toggle('is-hidden', Boolean(entry.hidden));
  }

  function entryItem(entry, index, entries) {
    const item = document.createElement('li');
    item.dataset.id = String(entry.id);
    if (entry.kind) item.dataset.kind = entry.kind;
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'legend-toggle';
    const swatch = document.createElement('span');
    swatch.className = `legend-swatch${entry.thick ? ' thick' : ''}`;
    swatch.style.setProperty('--swatch', entry.color);
    const name = document.createElement('span');
    name.className = 'legend-name';
    name.textContent = entry.label;
    toggle.append(swatch, name);
    if (entry.tag) {
      const tag = document.createElement('span');
      tag.className = 'legend-tag';
      tag.textContent = entry.tag;
      toggle.append(' ', tag);
    }
    toggle.addEventListener('click', () => {
      const hidden = toggle.getAttribute('aria-pressed') === 'true';
      pressed(toggle, { hidden });
      onToggle(entry.id, !hidden);
    });
    toggles.set(String(entry.id), toggle);
    item.append(toggle);
    if (entry.removeLabel) {
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'icon legend-remove';
      remove.textContent = '✕';
      remove.setAttribute('aria-label', entry.removeLabel);
      remove.title = entry.removeLabel;
      remove.addEventListener('click', () => {
        // the focus goes on to the next entry (or the previous one), not to the page's top
        const next = entries[index + 1] ?? entries[index - 1];
        onRemove(entry.id);
        const target = next && toggles.get(String(next.id));
        if (target?.isConnected) target.focus();
      });
      item.append(remove);
    }
    pressed(toggle, entry);
    return item;
  }

  function setKey(key) {
    const text = JSON.stringify(key);
    if (text === shownKey) return;
    shownKey = text;
    const parts = [];
    key.forEach((k, i) => {
      const part = document.createElement('span');
      part.className = 'legend-key-item';
      part.append(lineSample(k), ` ${k.label}`);
      parts.push(part);
      if (i < key.length - 1) parts.push(' ');
    });
    if (hint) {
      const note = document.createElement('span');
      note.className = 'legend-hint';
      note.textContent = hint;
      parts.push(' ', note);
    }
    keyLine.replaceChildren(...parts);
    keyLine.hidden = !key.length && !hint;
  }

  return {
    set(entries, key = []) {
      const structure = JSON.stringify(entries.map((entry) => ({ ...entry, hidden: undefined })));
      if (structure !== shownStructure) {
        shownStructure = structure;
        const focused = list.contains(document.activeElement) ? document.activeElement?.closest('li')?.dataset.id : null;
        toggles.clear();
        list.replaceChildren(...entries.map((entry, i) => entryItem(entry, i, entries)));
        if (focused) toggles.get(focused)?.focus();
      } else {
        for (const entry of entries) {
          const toggle = toggles.get(String(entry.id));
          if (toggle && (toggle.getAttribute('aria-pressed') === 'true') === Boolean(entry.hidden)) pressed(toggle, entry);
        }
      }
      list.hidden = !entries.length;
      setKey(key);
    },
  };
}
