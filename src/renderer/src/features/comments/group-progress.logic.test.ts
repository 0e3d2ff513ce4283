import { describe, expect, it } from 'vitest';
import { groupProgressText, progressOf } from './group-progress.logic';

describe('groupProgressText', () => {
  it('says who and how far, with thousands separated; "you" at the desk that clicked', () => {
    expect(groupProgressText({ clusterId: 'c1', action: 'answer', by: 'Ana', done: 8000, total: 20000 }, 'Dewi')).toBe('Ana is answering 8,000 of 20,000');
    expect(groupProgressText({ clusterId: 'c1', action: 'dismiss', by: 'Ana', done: 250, total: 5000 }, 'Ana')).toBe('You are dismissing 250 of 5,000');
  });
  it('gives no count before the first step (an answer: its reply is being posted)', () => {
    expect(groupProgressText({ clusterId: 'c1', action: 'answer', by: 'Ana', done: 0, total: 0 }, 'Dewi')).toBe('Ana is answering a group: posting the reply');
    expect(groupProgressText({ clusterId: 'c1', action: 'dismiss', by: 'Ana', done: 0, total: 0 }, 'Dewi')).toBe('Ana is dismissing a group');
  });
});

describe('progressOf', () => {
  it('finds the item being handled, or nothing', () => {
    const p = { clusterId: 'c1', action: 'escalate' as const, by: 'Ana', done: 1, total: 2 };
    expect(progressOf([p], 'c1')).toBe(p);
    expect(progressOf([p], 'c2')).toBeNull();
    expect(progressOf(undefined, 'c1')).toBeNull();
    expect(progressOf([p], undefined)).toBeNull();
  });
});
