// An opt-in tracer of a command's path through the station: named points, timed by whoever records
// them (the station's BATON_TRACE_FILE recorder). Off by default: the hot path calls a no-op.
export type TracePoint =
  /** A command frame arrived on a view's WebSocket (before parsing). */
  | 'ws.frame'
  /** A command request reached its HTTP route (before its body is read). */
  | 'http.command'
  /** The dispatcher took the command. */
  | 'dispatch'
  /** The handler's answer is in (a promise settled): the audit commit comes next. */
  | 'handled'
  /** The command's transaction (its writes and audit rows) is committed. */
  | 'committed'
  /** The answer was handed to the transport. */
  | 'reply'
  /** Pending patches and events start going out to listeners, and are out. */
  | 'publish'
  | 'published';

export type Trace = (point: TracePoint) => void;

export const noTrace: Trace = () => undefined;
