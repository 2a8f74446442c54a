// Waiting in node tests for something a training session posts later (it runs in slices).
import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves once predicate() is true, checking every 2 ms; rejects after timeoutMs naming `what`. */
export async function until(predicate, what, timeoutMs = 20000) {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}
