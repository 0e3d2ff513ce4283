// The station's runtime state, the truth that every view mirrors. Domains are replaced whole
// (immutably); changes made in one tick are coalesced into one patch per domain, numbered by
// `rev`, and published after the current synchronous work — so a synchronous command's audit row
// is written before its patch goes out.
import type { Domain, Patch, ServerMessage, StationEvent, StationState } from '../../shared/contract/index';

export type StateListener = (message: ServerMessage) => void;

export interface StateStore {
  get<D extends Domain>(domain: D): StationState[D];
  set<D extends Domain>(domain: D, value: StationState[D]): void;
  update<D extends Domain>(domain: D, fn: (current: StationState[D]) => StationState[D]): void;
  /** A full copy for a new subscriber, with the rev it corresponds to. */
  snapshot(): { rev: number; state: StationState };
  emit(event: StationEvent): void;
  /** Listeners get every patch and event after subscribing; read `snapshot()` first. */
  subscribe(listener: StateListener): () => void;
  /** Publishes pending patches now (used at shutdown and by tests). */
  flush(): void;
}

export function createStateStore(initial: StationState): StateStore {
  let state: StationState = initial;
  let rev = 0;
  const dirty = new Set<Domain>();
  let scheduled = false;
  const listeners = new Set<StateListener>();

  const publish = (message: ServerMessage) => {
    for (const l of listeners) {
      try {
        l(message);
      } catch {
        // A broken listener (a closed socket) must not stop the others.
      }
    }
  };

  // True while patches are being delivered. A listener may change state and ask for a flush (a
  // snapshot) mid-delivery; publishing then would hand later listeners rev N+1 before rev N, and a
  // view drops a patch older than one it has. The outer loop publishes those changes instead.
  let delivering = false;
  const flush = () => {
    scheduled = false;
    if (delivering) return;
    delivering = true;
    try {
      while (dirty.size > 0) {
        const domains = [...dirty];
        dirty.clear();
        for (const domain of domains) {
          rev += 1;
          publish({ t: 'patch', rev, domain, value: state[domain] } as Patch);
        }
      }
    } finally {
      delivering = false;
    }
  };

  const markDirty = (domain: Domain) => {
    dirty.add(domain);
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
  };

  return {
    get: (domain) => state[domain],
    set(domain, value) {
      if (state[domain] === value) return;
      state = { ...state, [domain]: value };
      markDirty(domain);
    },
    update(domain, fn) {
      const next = fn(state[domain]);
      if (next === state[domain]) return;
      state = { ...state, [domain]: next };
      markDirty(domain);
    },
    snapshot() {
      // Pending patches belong to the past of this snapshot: publish them first so the new
      // subscriber's rev lines up with what everyone else has. Mid-delivery they go out right
      // after, with revs above this one: a subscriber gets them again, the same values.
      flush();
      return { rev, state };
    },
    emit(event) {
      publish({ t: 'event', event });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush,
  };
}
