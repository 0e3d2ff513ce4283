import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../shared/contract/index';
import { freshState } from '../../../test/support/state-fixtures';
import { createStateStore } from './state.store';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('state store', () => {
  it('coalesces one tick of changes into one patch per domain, numbered in order', async () => {
    const store = createStateStore(freshState());
    const seen: string[] = [];
    store.subscribe((m) => m.t === 'patch' && seen.push(`${m.rev} ${m.domain}`));
    store.update('kpis', (k) => ({ ...k, orders: 1 }));
    store.update('kpis', (k) => ({ ...k, orders: 2 }));
    store.update('alerts', (a) => ({ ...a, items: [] }));
    await tick();
    expect(seen).toEqual(['1 kpis', '2 alerts']);
    expect(store.get('kpis').orders).toBe(2);
  });

  // A module that reacts to one patch by changing another domain and reading a snapshot (the cue
  // module on an offer pause, the overlay module) used to publish the new patch from inside the first
  // one's delivery: listeners after it saw rev N+1 before rev N and a view dropped rev N as old — a
  // host card kept showing a paused offer as LIVE.
  it('delivers every patch to every listener in rev order when a listener changes state and snapshots mid-delivery', async () => {
    const store = createStateStore(freshState());
    store.subscribe((m) => {
      if (m.t === 'patch' && m.domain === 'offers') {
        store.update('cues', (c) => ({ ...c, changedAt: 1 }));
        store.snapshot();
      }
    });
    const later: ServerMessage[] = [];
    store.subscribe((m) => later.push(m));
    store.set('offers', { items: [], firings: [{ at: 1 } as never] });
    await tick();
    const revs = later.flatMap((m) => (m.t === 'patch' ? [`${m.rev} ${m.domain}`] : []));
    expect(revs).toEqual(['1 offers', '2 cues']);
  });

  it('a snapshot taken mid-delivery still holds every change made so far', async () => {
    const store = createStateStore(freshState());
    let snap: ReturnType<typeof store.snapshot> | null = null;
    store.subscribe((m) => {
      if (m.t === 'patch' && m.domain === 'offers') {
        store.update('cues', (c) => ({ ...c, changedAt: 7 }));
        snap = store.snapshot();
      }
    });
    store.set('offers', { items: [], firings: [] });
    await tick();
    expect(snap!.state.cues.changedAt).toBe(7);
    expect(store.snapshot().rev).toBe(2);
  });
});
