import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommentsState, ServerMessage } from '../../shared/contract/index';
import { initialState } from '../state/initial-state';
import { createStateStore } from '../state/state.store';
import { createCommentsPublisher } from './comments.publisher';

const fresh = () =>
  createStateStore(
    initialState({ version: 't', startedAt: 0, mode: 'headless', url: '', lan: false, dataDir: ':memory:', views: { producer: 0, host: 0, moderator: 0, approver: 0, commerce: 0, 'customer-service': 0, observer: 0 } }),
  );

describe('comments publisher', () => {
  afterEach(() => vi.useRealTimers());

  it('sends no comments patch when a rebuilt summary equals the one the views have (the 1 s overflow check)', () => {
    vi.useFakeTimers();
    const state = fresh();
    const patches: ServerMessage[] = [];
    state.subscribe((m) => {
      if (m.t === 'patch' && m.domain === 'comments') patches.push(m);
    });
    // Differs from the initial slice (total 0), so the first build is a change; an equal one is no patch at all now
    // that the state store itself drops equal slices.
    let total = 3;
    // A fresh object each time, as the service builds it.
    const summary = (): CommentsState => ({ ...state.get('comments'), total, byIntent: { ...state.get('comments').byIntent } });
    const pub = createCommentsPublisher({ state, summary });
    pub.dirty();
    vi.advanceTimersByTime(100);
    state.flush();
    expect(patches).toHaveLength(1);
    const shown = state.get('comments');
    // Nothing changed: the periodic check asks again and again.
    for (let i = 0; i < 5; i++) {
      pub.dirty();
      vi.advanceTimersByTime(1000);
      state.flush();
    }
    expect(patches).toHaveLength(1);
    expect(state.get('comments')).toBe(shown);
    // A real change goes out.
    total = 7;
    pub.dirty();
    vi.advanceTimersByTime(100);
    state.flush();
    expect(patches).toHaveLength(2);
    expect(state.get('comments').total).toBe(7);
  });

  it('publishes an equal summary again when someone else replaced the slice in between', () => {
    vi.useFakeTimers();
    const state = fresh();
    const built = (): CommentsState => ({ ...state.get('comments'), total: 1 });
    const pub = createCommentsPublisher({ state, summary: built });
    pub.flush();
    const ours = state.get('comments');
    state.set('comments', { ...ours, total: 99 });
    pub.flush();
    expect(state.get('comments').total).toBe(1);
  });
});
