// Timers as a dependency, beside the Clock: code that waits asks for them, so tests can drive time
// by hand and nothing schedules through the globals behind a module's back.

export interface Timers {
  /** Calls `fn` once after `ms`; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
  /** Calls `fn` every `ms` until cancelled. */
  every(ms: number, fn: () => void): () => void;
  /** Calls `fn` once the current turn (its promise continuations and replies) is done. */
  defer(fn: () => void): void;
}

export const systemTimers: Timers = {
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
  every(ms, fn) {
    const t = setInterval(fn, ms);
    t.unref?.();
    return () => clearInterval(t);
  },
  defer(fn) {
    setImmediate(fn);
  },
};
