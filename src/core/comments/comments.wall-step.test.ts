// A comment's wait, the overflow alarm's "oldest" and the response time stored with an answer are
// durations between two times. While the station runs they are read on the monotonic clock: NTP
// stepping the wall clock (an hour forward, an hour back) mid-show must not make a one-minute wait
// read as an hour, or as minus an hour. Only across a restart is the wall clock all there is.
import { afterEach, describe, expect, it } from 'vitest';
import type { CommentRecord } from '../../shared/contract/index';
import { createTestClock, createTestCore, DEMO_SHOW, moderator, producer } from '../../../test/support/test-core';
import type { Core } from '../core';

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function boot() {
  const clock = createTestClock();
  const core = createTestCore({ clock });
  cores.push(core);
  core.show.loadFile(DEMO_SHOW);
  const ingest = async (id: string, text: string) => {
    const r = await core.dispatch('comments.ingest', { comments: [{ platform: 'tiktok', id, author: `viewer-${id}`, text, lang: 'en' }] }, producer);
    if (!r.ok) throw new Error(r.error.message);
  };
  /** The station's own overflow check (once a second of real time), then the summary every view reads. */
  const queues = async () => {
    await new Promise((r) => setTimeout(r, 1_100));
    core.state.flush();
    return core.snapshot().state.comments.queues;
  };
  return { clock, core, ingest, queues };
}

describe('waits while the wall clock steps', () => {
  it('a wall clock stepped an hour forward does not make a 5-second wait an overflow of "oldest 3605 s"', async () => {
    const { clock, core, ingest, queues } = await boot();
    await ingest('q1', 'does it ship to Lima?');
    await core.start();
    clock.advance(5_000);
    clock.set(clock.now() + 3_600_000);
    const moderators = (await queues()).find((q) => q.name === 'moderators');
    expect(moderators).toMatchObject({ overflow: false, overflowReason: null });
    // A real wait past the demo show's limit (90 s) is still one.
    clock.advance(90_000);
    expect((await queues()).find((q) => q.name === 'moderators')?.overflowReason).toBe('oldest 95 s (limit 90 s)');
  }, 15_000);

  it('an answer after the wall clock stepped back an hour stores the wait that passed, not minus an hour', async () => {
    const { clock, core, ingest } = await boot();
    await ingest('q1', 'does it ship to Lima?');
    clock.advance(20_000);
    clock.set(clock.now() - 3_600_000);
    const r = await core.dispatch('comment.answer', { id: 'tiktok:q1', macroId: 'shipping', by: 'Ana' }, moderator);
    expect(r.ok).toBe(true);
    expect((r as { result: { comment: CommentRecord } }).result.comment.responseSeconds).toBe(20);
  });

  it('a work item answered after a step forward stores each member\'s real wait', async () => {
    const { clock, core, ingest } = await boot();
    await ingest('a', 'does it ship to Lima?');
    await ingest('b', 'does it ship to Lima?');
    clock.advance(30_000);
    clock.set(clock.now() + 3_600_000);
    const desk = await core.dispatch('comments.desk', { filter: { queue: 'all' }, limit: 5 }, moderator);
    if (!desk.ok) throw new Error(desk.error.message);
    const item = desk.result.items.find((i) => i.size === 2);
    const r = await core.dispatch('cluster.answer', { clusterId: item!.id, macroId: 'shipping', by: 'Ana' }, moderator);
    expect(r.ok).toBe(true);
    const list = await core.dispatch('comments.list', { status: 'answered', limit: 5 }, producer);
    if (!list.ok) throw new Error(list.error.message);
    expect((list.result as { comments: CommentRecord[] }).comments.map((c) => c.responseSeconds)).toEqual([30, 30]);
  });
});
