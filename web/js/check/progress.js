// A student's progress in the "Check your work" lab, kept in the browser (localStorage) with no
// account and no server: per variant seed, exercise and question, the last answer and its verdict.
// Without storage (a private window that refuses it) the lab still works and says it cannot keep it.

/** The storage key; a new shape of the record gets a new version. */
export const PROGRESS_KEY = 'backprop-lab.check-progress.v1';

/** The page's localStorage, or null where reading it is refused (a sandboxed or private page). */
function pageStorage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The progress kept in `storage` (localStorage by default): {available, get, set, count, clear}.
 * @param {Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null} [storage]
 */
export function createProgress(storage = pageStorage()) {
  let records = {};
  let available = Boolean(storage);
  try {
    const parsed = JSON.parse(storage?.getItem(PROGRESS_KEY) ?? '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) records = parsed;
  } catch (error) {
    // refused (a SecurityError) or not ours (bad JSON, which the next save replaces): start empty
    if (error?.name !== 'SyntaxError') available = false;
  }
  const key = (seed, exercise, question) => `${seed}/${exercise}/${question}`;
  const save = () => {
    try {
      storage?.setItem(PROGRESS_KEY, JSON.stringify(records));
      available = Boolean(storage);
    } catch {
      available = false;
    }
  };
  return {
    /** False when the browser refuses to keep it. */
    get available() { return available; },
    /** {answer, verdict} of a question, or null. */
    get: (seed, exercise, question) => records[key(seed, exercise, question)] ?? null,
    set(seed, exercise, question, record) {
      records[key(seed, exercise, question)] = { answer: String(record.answer), verdict: record.verdict };
      save();
    },
    /** How many of `questions` (ids) of an exercise are answered right for `seed`. */
    count: (seed, exercise, questions) => questions.filter((q) => records[key(seed, exercise, q)]?.verdict === 'right').length,
    clear() {
      records = {};
      try {
        storage?.removeItem(PROGRESS_KEY);
      } catch {
        available = false;
      }
    },
  };
}
