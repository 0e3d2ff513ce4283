import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../shared/contract/index';
import { initialState } from './initial-state';
import { createStateStore } from './state.store';

const fresh = () =>
  createStateStore(
    initialState({ version: 't', startedAt: 0, mode: 'headless', url: '', lan: false, dataDir: ':memory:', views: { producer: 0, host: 0, moderator: 0, approver: 0, commerce: 0, 'customer-service': 0, observer: 0 } }),
  );

const label = (m: ServerMessage) => (m.t === 'patch' ? `patch:${m.domain}:${m.rev}` : m.t === 'event' ? `event:${m.event.name}` : m.t);
const turnEnds = () => new Promise((resolve) => setImmediate(resolve));

describe('state store', () => {
  it('publishes a turn’s changes once its promise chains have run: after a reply written in that turn', async () => {
    const state = fresh();
    const seen: string[] = [];
    state.subscribe((m) => seen.push(label(m)));
    state.update('show', (s) => ({ ...s, loadedAt: 1 }));
    // What a command's reply does: a few promise hops, then a write.
    await Promise.resolve();
    await Promise.resolve();
    seen.push('reply');
    expect(seen).toEqual(['reply']);
    await turnEnds();
    expect(seen).toEqual(['reply', 'patch:show:1']);
  });

  it('coalesces a turn’s changes into one patch per domain, events first in the order emitted', async () => {
    const state = fresh();
    const seen: string[] = [];
    state.subscribe((m) => seen.push(label(m)));
    state.update('show', (s) => ({ ...s, loadedAt: 1 }));
    state.emit({ name: 'cue.changed', cueId: null, at: 1 });
    state.update('show', (s) => ({ ...s, loadedAt: 2 }));
    state.emit({ name: 'audit.appended', entry: {} } as never);
    await turnEnds();
    expect(seen).toEqual(['event:cue.changed', 'event:audit.appended', 'patch:show:1']);
  });

  it('flushes what is pending before a snapshot, so the new subscriber’s rev lines up', () => {
    const state = fresh();
    const seen: string[] = [];
    state.subscribe((m) => seen.push(label(m)));
    state.update('show', (s) => ({ ...s, loadedAt: 1 }));
    const snap = state.snapshot();
    expect(snap.rev).toBe(1);
    expect(seen).toEqual(['patch:show:1']);
  });

  it('keeps publishing to the other listeners when one throws, and publishes what a listener changes in a later flush', async () => {
    const state = fresh();
    const seen: string[] = [];
    state.subscribe(() => {
      throw new Error('closed socket');
    });
    state.subscribe((m) => {
      seen.push(label(m));
      if (m.t === 'patch' && m.domain === 'show') state.emit({ name: 'audit.appended', entry: {} } as never);
    });
    state.update('show', (s) => ({ ...s, loadedAt: 1 }));
    await turnEnds();
    expect(seen).toEqual(['patch:show:1']);
    await turnEnds();
    expect(seen).toEqual(['patch:show:1', 'event:audit.appended']);
  });
});
