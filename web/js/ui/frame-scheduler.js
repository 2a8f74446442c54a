// Spreads drawing work over animation frames so that no frame gets long: a queue that runs one
// keyed task a frame (a newer task with the same key replaces one still waiting), and a throttle
// that lets work asked for often run at most once every so many milliseconds.

/**
 * A queue of drawing tasks: each animation frame runs one of them, in the order first queued, so
 * that a burst of work (everything changing at once) is spread over several frames instead of
 * one long one. Returns {inFrame(key, task)}.
 */
export function createFrameQueue() {
  const tasks = new Map();
  let requested = false;
  function runOne() {
    const [key, task] = tasks.entries().next().value;
    tasks.delete(key);
    task();
    if (tasks.size) requestAnimationFrame(runOne);
    else requested = false;
  }
  return {
    /** Queues `task` under `key`, replacing a task with that key still waiting. */
    inFrame(key, task) {
      tasks.delete(key);
      tasks.set(key, task);
      if (!requested) {
        requested = true;
        requestAnimationFrame(runOne);
      }
    },
  };
}

/**
 * Runs `work` at most once every `ms` milliseconds: soon() runs it when the wait is over (once,
 * however often it is called meanwhile), now() cancels the wait and runs it at once.
 */
export function throttle(work, ms) {
  let timer = null;
  return {
    soon() {
      timer ??= setTimeout(() => {
        timer = null;
        work();
      }, ms);
    },
    now() {
      clearTimeout(timer);
      timer = null;
      work();
    },
  };
}
