import { describe, expect, it } from 'vitest';
import { nextStream, OUTPUT_STATE, type StreamSlice } from './stream.tracker';

const idle: StreamSlice = { phase: 'idle', since: null, startedAt: null, reconnects: 0, retry: 0, lastError: null };
const run = (states: string[], from = idle) => {
  let s = from;
  const notes: (string | null)[] = [];
  states.forEach((state, i) => {
    const r = nextStream(s, state, 1_000 * (i + 1), 'rtmp://ingest/live');
    s = r.next;
    notes.push(r.note);
  });
  return { s, notes };
};
const O = OUTPUT_STATE;

describe('the stream phase', () => {
  it('goes idle → starting → live → stopping → idle', () => {
    const { s, notes } = run([O.starting, O.started, O.stopping, O.stopped]);
    expect(notes).toEqual(['starting', 'started', 'stopping', 'stopped']);
    expect(s.phase).toBe('idle');
    expect(s.startedAt).toBeNull();
  });

  it('calls STARTING then STOPPED without STARTED a failed start, with the reason', () => {
    const { s, notes } = run([O.starting, O.stopped]);
    expect(notes).toEqual(['starting', 'failed_start']);
    expect(s.phase).toBe('failed_start');
    expect(s.lastError).toContain('STARTING → STOPPED without STARTED');
    // The ingest by scheme, host and port: its path and query can carry the key or a passphrase.
    expect(s.lastError).toContain('rtmp://ingest/…');
    expect(s.lastError).not.toContain('/live');
  });

  it('counts retries within an outage and reconnects per stream, keeping the stream start', () => {
    const { s } = run([O.starting, O.started, O.reconnecting, O.reconnecting, O.reconnecting]);
    expect(s).toMatchObject({ phase: 'reconnecting', retry: 3, reconnects: 1, startedAt: 2_000, since: 3_000 });
    expect(s.lastError).toBe('ingest unreachable (rtmp://ingest/…)');
    const back = nextStream(s, O.reconnected, 9_000, null).next;
    expect(back).toMatchObject({ phase: 'live', retry: 0, reconnects: 1, startedAt: 2_000, lastError: null });
    const again = nextStream(back, O.reconnecting, 10_000, null).next;
    expect(again).toMatchObject({ retry: 1, reconnects: 2 });
  });

  it('ignores states it does not know', () => {
    expect(nextStream(idle, 'OBS_WEBSOCKET_OUTPUT_PAUSED', 1, null)).toEqual({ next: idle, note: null });
  });
});
