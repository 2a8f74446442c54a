// The training Web Worker: loads its own copy of the engine and hands every message to a
// TrainingSession, which posts progress back. The page's main thread never runs a long loop.
import { createLab } from './engine.js';
import { TrainingSession } from './training-session.js';

/** The worker's scope (tsc checks web/ with the DOM's types, in which `self` is a Window). */
const scope = /** @type {{ onmessage: ((event: MessageEvent) => void) | null, postMessage(message: unknown, transfer?: Transferable[]): void }} */ (
  /** @type {unknown} */ (self));
const waiting = [];
let session = null;

// Listen at once, and keep messages that arrive before the engine has loaded.
scope.onmessage = (event) => {
  if (session) session.handle(event.data);
  else waiting.push(event.data);
};

createLab().then(
  (lab) => {
    session = new TrainingSession(lab, (message, transfer = []) => scope.postMessage(message, transfer));
    scope.postMessage({ type: 'loaded' });
    for (const message of waiting.splice(0)) session.handle(message);
  },
  (error) => scope.postMessage({ type: 'error', message: `[Worker] the engine did not load: ${error.message}` }),
);
