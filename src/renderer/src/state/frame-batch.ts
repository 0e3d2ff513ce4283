// Coalesces the station's messages into one store update per frame: while 2,000 comments a second
// arrive, the patches landing between two frames re-render the views once, not once per patch.
// Pure: the frame clock is handed in, so the order and the flushing are testable without a browser.

/** Asks for `run` once, soon; returns a cancel. */
export type RequestFrame = (run: () => void) => () => void;

export interface FrameBatch<M> {
  /** Queues a message; the batch is handed over on the next frame. */
  push(message: M): void;
  /** Hands over what is queued now (before an event that may read the store, and on close). */
  flush(): void;
  dispose(): void;
}

export function createFrameBatch<M>(apply: (messages: M[]) => void, requestFrame: RequestFrame): FrameBatch<M> {
  let queued: M[] = [];
  let cancel: (() => void) | null = null;
  const flush = () => {
    if (cancel) cancel();
    cancel = null;
    if (queued.length === 0) return;
    const batch = queued;
    queued = [];
    apply(batch);
  };
  return {
    push(message) {
      queued.push(message);
      if (!cancel) cancel = requestFrame(flush);
    },
    flush,
    dispose() {
      if (cancel) cancel();
      cancel = null;
      queued = [];
    },
  };
}

/**
 * The browser's frame clock, with a timer beside it: a hidden page gets no animation frames, and the
 * producer's title and icon must still follow the show from a background tab (the timer is throttled
 * there, to about once a second, which is enough for a title).
 */
export function browserFrame(fallbackMs = 100): RequestFrame {
  return (run) => {
    let done = false;
    const stop = () => {
      done = true;
      cancelAnimationFrame(raf);
      clearTimeout(timer);
    };
    const once = () => {
      if (done) return;
      stop();
      run();
    };
    const raf = requestAnimationFrame(once);
    const timer = setTimeout(once, fallbackMs);
    return stop;
  };
}
