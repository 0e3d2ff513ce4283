// Pushes changes out without flooding the views: changed comments go out as one `comments.changed`
// event every ~25 ms (or on the next turn for a person's action, so a claim shows at once), and the
// `comments` snapshot slice is rebuilt at most ten times a second for arrivals, at once (`stale`)
// for a person's command, and sent only when it differs.
import type { CommentRecord, CommentsState } from '../../shared/contract/index';
import type { StateStore } from '../state/state.store';

export interface CommentsPublisher {
  changed(records: readonly CommentRecord[], urgent?: boolean): void;
  /** Arrivals or a source changed the summary (counts, health): rebuild it within 100 ms. */
  dirty(): void;
  /**
   * A person's command changed the summary (a pin): the slice is out of date now, so the next
   * reader — the next command, whatever domain it belongs to — sees the change. Rebuilt when first
   * read or published, after the reply; never on a timer that a fast second command can beat.
   */
  stale(): void;
  flush(): void;
  close(): void;
}

const EVENT_MS = 25;
const SUMMARY_MS = 100;

export function createCommentsPublisher(deps: { state: StateStore; summary(): CommentsState }): CommentsPublisher {
  let pending = new Map<string, CommentRecord>();
  let eventTimer: NodeJS.Timeout | null = null;
  let urgentTimer: NodeJS.Immediate | null = null;
  let summaryTimer: NodeJS.Timeout | null = null;
  let lastSummary = 0;
  let closed = false;

  const flushEvents = () => {
    if (eventTimer) clearTimeout(eventTimer);
    if (urgentTimer) clearImmediate(urgentTimer);
    eventTimer = null;
    urgentTimer = null;
    if (pending.size === 0) return;
    const comments = [...pending.values()];
    pending = new Map();
    deps.state.emit({ name: 'comments.changed', comments });
  };

  const publishSummary = () => {
    if (summaryTimer) clearTimeout(summaryTimer);
    summaryTimer = null;
    lastSummary = performance.now();
    // The overflow check asks for a rebuild every second, show or no show. The state store drops a
    // slice equal to the one it holds (same-value.ts), so an unchanged summary is no patch to every
    // view and no checklist re-evaluation 50 ms later (`comments` is a slice the checklist watches).
    deps.state.set('comments', deps.summary());
  };

  return {
    changed(records, urgent = false) {
      if (closed) return;
      // The latest version of a comment wins; an event never carries two copies of one.
      for (const r of records) pending.set(r.id, r);
      if (urgent) {
        if (!urgentTimer) urgentTimer = setImmediate(flushEvents);
      } else if (!eventTimer && !urgentTimer) eventTimer = setTimeout(flushEvents, EVENT_MS);
    },
    dirty() {
      if (closed || summaryTimer) return;
      const wait = Math.max(0, SUMMARY_MS - (performance.now() - lastSummary));
      summaryTimer = setTimeout(publishSummary, wait);
    },
    stale() {
      if (closed) return;
      // The pending timed rebuild is this one: the builder reads the summary as it is then.
      if (summaryTimer) clearTimeout(summaryTimer);
      summaryTimer = null;
      deps.state.invalidate('comments', () => {
        lastSummary = performance.now();
        return deps.summary();
      });
    },
    flush() {
      flushEvents();
      publishSummary();
    },
    close() {
      this.flush();
      closed = true;
    },
  };
}
