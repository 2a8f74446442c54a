// Choosing classes of a classification dataset (seed 002's Shirt vs Sandal): the link keeps the
// class numbers in the order chosen ("6,5"); the form takes numbers or names and shows names. The
// core makes the subset (Dataset.selectClasses) and renumbers the classes 0..k−1 in that order.

/** The class numbers of the link's text ("6,5" → [6, 5]), or null for all classes. */
export function classList(text) {
  return text ? text.split(',').map(Number) : null;
}

/** The field's text for the link's class numbers: their names ("Shirt, Sandal"), or numbers without names. */
export function classesText(text, names) {
  const list = classList(text);
  if (!list) return '';
  return list.map((k) => names?.[k] ?? String(k)).join(', ');
}

/**
 * Reads the field: class numbers or names (any case), separated by commas, in the order wanted.
 * Returns {value: "6,5" | null (empty: all classes)} or {error: a sentence naming the field and what is allowed}.
 */
export function parseClassesField(text, names) {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  const K = names.length;
  const allowed = `class numbers 0–${K - 1} or names (${names.join(', ')}), separated by commas`;
  const chosen = [];
  for (const token of trimmed.split(',').map((t) => t.trim())) {
    const byName = names.findIndex((n) => n.toLowerCase() === token.toLowerCase());
    const k = /^\d+$/.test(token) && Number(token) < K ? Number(token) : byName;
    if (k < 0) return { error: `Classes must be ${allowed}; "${token.slice(0, 30)}" is not one of them` };
    if (chosen.includes(k)) return { error: `Classes: ${names[k]} (class ${k}) is chosen twice` };
    chosen.push(k);
  }
  if (chosen.length < 2) return { error: `Classes: choose at least 2 of the ${K} classes (${allowed}); leave it empty for all` };
  // every class in its own order is the whole dataset
  if (chosen.length === K && chosen.every((k, i) => k === i)) return { value: null };
  return { value: chosen.join(',') };
}
