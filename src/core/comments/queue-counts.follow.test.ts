// The queue counts every desk shows follow a person's claim, release, answer or dismissal in the
// same publish as the comment's own change — not on the summary's 100 ms timer. A moderator who
// claims sees the claimed count move with the row, and the next command reads the counts it changed.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import type { CommentsState, QueueSummary, ServerMessage } from '../../shared/contract/index';
import { createTestCore, moderator, producer } from '../../../test/support/test-core';

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

/** One turn of the event loop: the state store's publish (setImmediate), and no timer of 100 ms. */
const oneTurn = () => new Promise<void>((r) => setImmediate(r));

async function started(): Promise<Core> {
  const core = createTestCore();
  cores.push(core);
  await core.start();
  const r = await core.dispatch('comments.ingest', { comments: [{ platform: 'tiktok', id: 'q1', author: 'Rin', text: 'is it vegan?' }, { platform: 'tiktok', id: 'q2', author: 'Sol', text: 'does it ship to Porto?' }] }, producer);
  expect(r.ok, JSON.stringify(r)).toBe(true);
  // The arrivals' own (timed) summary has landed: the counts below start from the truth.
  await new Promise((r) => setTimeout(r, 250));
  return core;
}

/** The queue the two questions landed in. */
const questionsQueue = (core: Core): string => {
  const q = core.snapshot().state.comments.queues.find((x) => x.open === 2);
  if (!q) throw new Error('the two questions are not waiting in one queue');
  return q.name;
};

const lane = (c: CommentsState, name: string): QueueSummary => {
  const q = c.queues.find((x) => x.name === name);
  if (!q) throw new Error(`no queue ${name}`);
  return q;
};

/** The `comments` patches published from now on (the subscription ends with the core). */
function patches(core: Core): CommentsState[] {
  const seen: CommentsState[] = [];
  core.subscribe((m: ServerMessage) => {
    if (m.t === 'patch' && m.domain === 'comments') seen.push(m.value);
  });
  return seen;
}

const lastOf = (seen: readonly CommentsState[]): CommentsState => {
  const last = seen.at(-1);
  if (!last) throw new Error('no comments patch was published');
  return last;
};

describe('queue counts after a moderator acts', () => {
  it('the claimed count moves when the claim answers, and is published in the same turn', async () => {
    const core = await started();
    const name = questionsQueue(core);
    const before = lane(core.snapshot().state.comments, name);
    const seen = patches(core);
    const claim = await core.dispatch('comment.claim', { id: 'tiktok:q1', by: 'Ana' }, moderator);
    expect(claim.ok, JSON.stringify(claim)).toBe(true);
    // The next reader, at once (no timer has run): the claim is counted.
    expect(lane(core.state.get('comments'), name).claimed).toBe(before.claimed + 1);
    await oneTurn();
    expect(lane(lastOf(seen), name).claimed).toBe(before.claimed + 1);
  });

  it('an answer and a dismissal take their comments out of the open count at once', async () => {
    const core = await started();
    const name = questionsQueue(core);
    const before = lane(core.snapshot().state.comments, name);
    const seen = patches(core);
    const answered = await core.dispatch('comment.answer', { id: 'tiktok:q1', by: 'Ana' }, moderator);
    expect(answered.ok, JSON.stringify(answered)).toBe(true);
    expect(lane(core.state.get('comments'), name).open).toBe(before.open - 1);
    const dismissed = await core.dispatch('comment.dismiss', { id: 'tiktok:q2', by: 'Ana' }, moderator);
    expect(dismissed.ok, JSON.stringify(dismissed)).toBe(true);
    expect(lane(core.state.get('comments'), name).open).toBe(before.open - 2);
    await oneTurn();
    expect(lane(lastOf(seen), name).open).toBe(before.open - 2);
  });
});
