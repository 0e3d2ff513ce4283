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
/** An offers slice that differs from the initial (empty) one. */
const firing = { ruleId: 'r1', offerId: 'o1', at: 1, detail: 'payment errors' } as never;

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

  // A module that reacts to one patch by changing another domain and reading a snapshot (the cue
  // module on an offer pause, the overlay module) used to publish the new patch from inside the first
  // one's delivery: listeners after it saw rev N+1 before rev N and a view dropped rev N as old — a
  // host card kept showing a paused offer as LIVE.
  it('delivers every patch to every listener in rev order when a listener changes state and snapshots mid-delivery', async () => {
    const state = fresh();
    state.subscribe((m) => {
      if (m.t === 'patch' && m.domain === 'offers') {
        state.update('cues', (c) => ({ ...c, changedAt: 1 }));
        state.snapshot();
      }
    });
    const later: string[] = [];
    state.subscribe((m) => later.push(label(m)));
    state.set('offers', { items: [], firings: [firing] });
    await turnEnds();
    await turnEnds();
    expect(later).toEqual(['patch:offers:1', 'patch:cues:2']);
  });

  // On an offer's pause the offers and audit patches go out in one delivery, and the cue module,
  // hearing the offers patch, writes an audit row: the audit slice went out again, unchanged, in
  // the next flush (8 KB to every view, twice per click).
  it('publishes a slice once when a listener of an earlier patch in the same delivery changes it again', async () => {
    const state = fresh();
    state.subscribe((m) => {
      if (m.t === 'patch' && m.domain === 'offers') state.update('show', (s) => ({ ...s, loadedAt: 2 }));
    });
    const seen: string[] = [];
    const shown: unknown[] = [];
    state.subscribe((m) => {
      seen.push(label(m));
      if (m.t === 'patch' && m.domain === 'show') shown.push(m.value.loadedAt);
    });
    state.set('offers', { items: [], firings: [firing] });
    state.update('show', (s) => ({ ...s, loadedAt: 1 }));
    await turnEnds();
    await turnEnds();
    expect(seen).toEqual(['patch:offers:1', 'patch:show:2']);
    expect(shown).toEqual([2]);
  });

  it('builds a slice a listener made stale earlier in the same delivery before publishing it, once', async () => {
    const state = fresh();
    state.subscribe((m) => {
      if (m.t === 'patch' && m.domain === 'offers') state.invalidate('show', (s) => ({ ...s, loadedAt: 3 }));
    });
    const seen: string[] = [];
    const shown: unknown[] = [];
    state.subscribe((m) => {
      seen.push(label(m));
      if (m.t === 'patch' && m.domain === 'show') shown.push(m.value.loadedAt);
    });
    state.set('offers', { items: [], firings: [firing] });
    state.update('show', (s) => ({ ...s, loadedAt: 1 }));
    await turnEnds();
    await turnEnds();
    expect(seen).toEqual(['patch:offers:1', 'patch:show:2']);
    expect(shown).toEqual([3]);
    expect(state.get('show').loadedAt).toBe(3);
  });

  it('a snapshot taken mid-delivery holds every change made so far', async () => {
    const state = fresh();
    let snap: ReturnType<typeof state.snapshot> | null = null;
    state.subscribe((m) => {
      if (m.t === 'patch' && m.domain === 'offers') {
        state.update('cues', (c) => ({ ...c, changedAt: 7 }));
        snap = state.snapshot();
      }
    });
    state.set('offers', { items: [], firings: [firing] });
    await turnEnds();
    expect(snap!.state.cues.changedAt).toBe(7);
    expect(state.snapshot().rev).toBe(2);
  });

  // A module that rebuilds its slice on a timer (a store poll, a checklist re-evaluation) hands the
  // store a new object with the same content: a patch of it wakes every view for nothing.
  it('publishes no patch for a slice set to a value equal to the one it holds, and keeps the held object', async () => {
    const state = fresh();
    const seen: string[] = [];
    state.subscribe((m) => seen.push(label(m)));
    const items = [{ id: 'a', rules: [{ id: 'r', limit: 3 }], stock: { SKU1: 4 } }] as never;
    state.set('offers', { items, firings: [] });
    await turnEnds();
    const held = state.get('offers');
    state.set('offers', { items: [{ id: 'a', rules: [{ id: 'r', limit: 3 }], stock: { SKU1: 4 } }] as never, firings: [] });
    state.update('offers', (o) => ({ ...o, firings: [] }));
    await turnEnds();
    expect(seen).toEqual(['patch:offers:1']);
    expect(state.get('offers')).toBe(held);
    // One field deep inside differs: that is a change.
    state.set('offers', { items: [{ id: 'a', rules: [{ id: 'r', limit: 3 }], stock: { SKU1: 5 } }] as never, firings: [] });
    await turnEnds();
    expect(seen).toEqual(['patch:offers:1', 'patch:offers:2']);
  });

  it('bounds the comparison: a slice too large to compare cheaply is published as a change', async () => {
    const state = fresh();
    const seen: string[] = [];
    state.subscribe((m) => seen.push(label(m)));
    const big = () => ({ items: Array.from({ length: 20_000 }, (_, i) => ({ id: `o${i}` })) as never, firings: [] });
    state.set('offers', big());
    state.flush();
    state.set('offers', big());
    state.flush();
    expect(seen).toEqual(['patch:offers:1', 'patch:offers:2']);
  });

  describe('a stale slice (invalidate)', () => {
    const withFiring = (n: number) => ({ items: [], firings: Array.from({ length: n }, () => firing) });

    it('is built once, after the turn’s replies, however often it went stale', async () => {
      const state = fresh();
      const seen: string[] = [];
      state.subscribe((m) => seen.push(label(m)));
      let builds = 0;
      const build = () => {
        builds += 1;
        return withFiring(1);
      };
      state.invalidate('offers', build);
      state.invalidate('offers', build);
      await Promise.resolve();
      seen.push('reply');
      expect(builds).toBe(0);
      await turnEnds();
      expect(builds).toBe(1);
      expect(seen).toEqual(['reply', 'patch:offers:1']);
      expect(state.get('offers').firings).toHaveLength(1);
    });

    it('is built at once when read: no reader sees the older value', () => {
      const state = fresh();
      state.invalidate('offers', () => withFiring(2));
      expect(state.get('offers').firings).toHaveLength(2);
      state.invalidate('offers', () => withFiring(3));
      expect(state.snapshot().state.offers.firings).toHaveLength(3);
      state.invalidate('offers', () => withFiring(4));
      state.update('offers', (o) => ({ ...o, firings: [...o.firings, firing] }));
      expect(state.get('offers').firings).toHaveLength(5);
    });

    it('builds from the held value, publishes nothing when that is unchanged, and is dropped by a set', async () => {
      const state = fresh();
      const seen: string[] = [];
      state.subscribe((m) => seen.push(label(m)));
      const held = state.get('offers');
      state.invalidate('offers', (current) => current);
      await turnEnds();
      expect(seen).toEqual([]);
      expect(state.get('offers')).toBe(held);
      state.invalidate('offers', () => withFiring(7));
      state.set('offers', withFiring(1));
      await turnEnds();
      expect(state.get('offers').firings).toHaveLength(1);
      expect(seen).toEqual(['patch:offers:1']);
    });
  });
});
