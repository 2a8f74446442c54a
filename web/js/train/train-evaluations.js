// How many times a full-batch optimizer (L-BFGS) evaluated the training loss and its gradient: its
// line search may evaluate both several times in one epoch, so the epoch count alone undersells the
// work. The Train lab's status line shows it; the mini-batch optimizers show nothing here.
import { isFullBatch } from '../schema.js';

/** " · 23 function and 23 gradient evaluations" for a full-batch optimizer's latest record, else ''. */
export function evaluationsNote(optimizerName, record) {
  if (!isFullBatch(optimizerName) || !record || !Number.isFinite(record.functionEvaluations)) return '';
  const count = (n) => n.toLocaleString('en-US');
  return ` · ${count(record.functionEvaluations)} function and ${count(record.gradientEvaluations)} gradient evaluations`;
}
