// The stream's phase, driven by OBS's StreamStateChanged events (GetStreamStatus contradicts them
// during reconnects, so events win). STARTING followed by STOPPED without STARTED is a failed
// start, never a plain "stopped".
import type { ObsState, StreamPhase } from '../../shared/contract/index';
import { ingestLabel } from './ingest-label';

export type StreamSlice = ObsState['stream'];

/** What happened, for alerts and the audit trail; null when nothing notable did. */
export type StreamNote = 'starting' | 'started' | 'reconnecting' | 'reconnected' | 'stopping' | 'stopped' | 'failed_start';

export const OUTPUT_STATE = {
  starting: 'OBS_WEBSOCKET_OUTPUT_STARTING',
  started: 'OBS_WEBSOCKET_OUTPUT_STARTED',
  stopping: 'OBS_WEBSOCKET_OUTPUT_STOPPING',
  stopped: 'OBS_WEBSOCKET_OUTPUT_STOPPED',
  reconnecting: 'OBS_WEBSOCKET_OUTPUT_RECONNECTING',
  reconnected: 'OBS_WEBSOCKET_OUTPUT_RECONNECTED',
} as const;

export function nextStream(s: StreamSlice, outputState: string, at: number, server: string | null): { next: StreamSlice; note: StreamNote | null } {
  const phase = (p: StreamPhase, patch: Partial<StreamSlice> = {}): StreamSlice => ({ ...s, phase: p, since: at, ...patch });
  switch (outputState) {
    case OUTPUT_STATE.starting:
      return { next: phase('starting', { startedAt: null, reconnects: 0, retry: 0, lastError: null }), note: 'starting' };
    case OUTPUT_STATE.started:
      return { next: phase('live', { startedAt: at, retry: 0, lastError: null }), note: 'started' };
    case OUTPUT_STATE.reconnecting:
      // OBS repeats RECONNECTING on every retry; the phase (and its `since`) stays put.
      return {
        next: {
          ...s,
          phase: 'reconnecting',
          since: s.phase === 'reconnecting' ? s.since : at,
          retry: s.retry + 1,
          reconnects: s.phase === 'reconnecting' ? s.reconnects : s.reconnects + 1,
          lastError: `ingest unreachable${server ? ` (${ingestLabel(server)})` : ''}`,
        },
        note: 'reconnecting',
      };
    case OUTPUT_STATE.reconnected:
      return { next: phase('live', { startedAt: s.startedAt ?? at, retry: 0, lastError: null }), note: 'reconnected' };
    case OUTPUT_STATE.stopping:
      return { next: phase('stopping'), note: 'stopping' };
    case OUTPUT_STATE.stopped:
      if (s.phase === 'starting') {
        return {
          next: phase('failed_start', {
            startedAt: null,
            retry: 0,
            lastError: `OBS could not start the stream${server ? ` to ${ingestLabel(server)}` : ''}: it went STARTING → STOPPED without STARTED (ingest down or refusing the key?)`,
          }),
          note: 'failed_start',
        };
      }
      return { next: phase('idle', { startedAt: null, retry: 0 }), note: 'stopped' };
    default:
      return { next: s, note: null };
  }
}
