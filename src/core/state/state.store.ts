// The station's runtime state, the truth that every view mirrors. Domains are replaced whole
// (immutably); changes made in one turn of the event loop are coalesced into one patch per domain,
// numbered by `rev`, and published once that turn's I/O callbacks and promise chains have run — so
// a command's audit row is written, and its reply handed to the socket, before its patch goes out.
// Events wait for the same moment, and go out before that turn's patches, in the order emitted.
import type { Domain, Patch, ServerMessage, StationEvent, StationState } from '../../shared/contract/index';
import { sameValue } from './same-value';

export type StateListener = (message: ServerMessage) => void;

export interface StateStore {
  get<D extends Domain>(domain: D): StationState[D];
  set<D extends Domain>(domain: D, value: StationState[D]): void;
  update<D extends Domain>(domain: D, fn: (current: StationState[D]) => StationState[D]): void;
  /**
   * The slice is out of date and `build` makes its new value from the held one. It is built once,
   * when the slice is next read (`get`, `update`, `snapshot`) or published, whichever comes first:
   * a command that changes what a view shows leaves the view's work until after its reply, and no
   * reader ever sees the older value. A later `invalidate` replaces the builder; a `set` drops it.
   */
  invalidate<D extends Domain>(domain: D, build: (current: StationState[D]) => StationState[D]): void;
  /** A full copy for a new subscriber, with the rev it corresponds to. */
  snapshot(): { rev: number; state: StationState };
  emit(event: StationEvent): void;
  /** Listeners get every patch and event after subscribing; read `snapshot()` first. */
  subscribe(listener: StateListener): () => void;
  /** Publishes pending events and patches now (used at shutdown and by tests). */
  flush(): void;
}

/**
 * When pending events and patches go out. By default after the current turn's I/O callbacks,
 * microtasks and ticks (`setImmediate`): the reply of a command settled in this turn is written
 * first, and the broadcast work (every listener, every view's redaction and encoding) runs off its path.
 */
export type PublishScheduler = (flush: () => void) => void;

export const afterIo: PublishScheduler = (flush) => void setImmediate(flush);

/** The broadcast `ms` after the turn that asked for it (a same-run A/B's other side; see docs/offers.md). */
export const afterDelay =
  (ms: number): PublishScheduler =>
  (flush) =>
    void setTimeout(flush, ms);

export function createStateStore(initial: StationState, schedule: PublishScheduler = afterIo): StateStore {
  let state: StationState = initial;
  let rev = 0;
  const dirty = new Set<Domain>();
  let events: StationEvent[] = [];
  let scheduled = false;
  const listeners = new Set<StateListener>();
  /** Slices to rebuild before they are read or published, in the order they went stale. */
  const stale = new Map<Domain, (current: never) => unknown>();

  const publish = (message: ServerMessage) => {
    for (const l of listeners) {
      try {
        l(message);
      } catch {
        // A broken listener (a closed socket) must not stop the others.
      }
    }
  };

  // True while a flush is delivering. A listener may change state and ask for a flush (a snapshot)
  // mid-delivery; publishing then would hand later listeners rev N+1 before rev N, and a view drops
  // a patch older than one it has (an open host card kept reading a paused offer as LIVE). What a
  // listener changes goes out in the next flush instead, with higher revs.
  let delivering = false;
  const flush = () => {
    if (delivering) return;
    // Built while `scheduled` still holds, so the changes they make ask for no second flush.
    settleAll();
    scheduled = false;
    delivering = true;
    try {
      if (events.length > 0) {
        const due = events;
        events = [];
        for (const event of due) publish({ t: 'event', event });
      }
      const domains = [...dirty];
      dirty.clear();
      for (const domain of domains) {
        // A listener of an earlier patch in this delivery may have changed this slice again (on an
        // offer's pause the cue module writes an audit row while the offers patch is delivered): it
        // goes out once, as it is now, instead of once here and again, unchanged, in the next flush.
        settle(domain);
        dirty.delete(domain);
        rev += 1;
        publish({ t: 'patch', rev, domain, value: state[domain] } as Patch);
      }
    } finally {
      delivering = false;
    }
    if (events.length > 0 || dirty.size > 0 || stale.size > 0) later();
  };

  const later = () => {
    if (!scheduled) {
      scheduled = true;
      schedule(flush);
    }
  };

  const markDirty = (domain: Domain) => {
    dirty.add(domain);
    later();
  };

  // A slice rebuilt with the same content (a poll, a timer's re-evaluation) is no change: the held
  // object stays, and no patch wakes every view. The comparison is bounded (same-value.ts).
  const change = <D extends Domain>(domain: D, next: StationState[D]) => {
    if (sameValue(state[domain], next)) return;
    state = { ...state, [domain]: next };
    markDirty(domain);
  };

  /** Builds a stale slice now (its builder is dropped first: it reads the held value). */
  const settle = (domain: Domain) => {
    const build = stale.get(domain);
    if (!build) return;
    stale.delete(domain);
    change(domain, build(state[domain] as never) as StationState[typeof domain]);
  };
  const settleAll = () => {
    for (const domain of stale.keys()) settle(domain);
  };

  return {
    get(domain) {
      if (stale.size > 0) settle(domain);
      return state[domain];
    },
    set(domain, value) {
      stale.delete(domain);
      change(domain, value);
    },
    update(domain, fn) {
      settle(domain);
      change(domain, fn(state[domain]));
    },
    invalidate(domain, build) {
      stale.set(domain, build as (current: never) => unknown);
      later();
    },
    snapshot() {
      // Pending patches belong to the past of this snapshot: publish them first so the new
      // subscriber's rev lines up with what everyone else has. Mid-delivery they go out in the next
      // flush, with revs above this one: a subscriber gets them again, the same values.
      flush();
      settleAll();
      return { rev, state };
    },
    emit(event) {
      events.push(event);
      later();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush,
  };
}
