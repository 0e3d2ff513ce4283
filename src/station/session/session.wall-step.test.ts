// The station's "now" every view aligns to (the session's hello) and the times it stamps are on one
// timeline. The core stamps on steady wall time (its wall clock read once at start, plus monotonic time
// since: core.ts), so a view that connects after NTP stepped the station's clock an hour reads a
// comment received 30 s ago as 30 s old, and its SLA turns red after 60 s of real time, not at once
// (step forward) nor an hour late (step back).
import { afterEach, describe, expect, it } from 'vitest';
import { createTestClock, createTestCore, DEMO_SHOW, moderator, producer } from '../../../test/support/test-core';
import type { Core } from '../../core/core';
import type { CommentRecord, ServerMessage } from '../../shared/contract/index';
import { openSession } from './session';

const HOUR = 3_600_000;
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

/** The station's time as a view opened now is told it (the hello's `at`). */
function helloAt(core: Core): number {
  const got: ServerMessage[] = [];
  const s = openSession(core, { actor: 'Ana', role: 'moderator', via: 'test' }, { view: true, onInternalError: () => {} });
  s.start((m) => got.push(m));
  s.close();
  const hello = got.find((m) => m.t === 'hello');
  if (!hello) throw new Error('no hello');
  return hello.at;
}

/** The comment as the moderator's desk reads it. */
async function comment(core: Core, id: string): Promise<CommentRecord> {
  const r = await core.dispatch('comments.list', {}, moderator);
  const c = r.ok ? r.result.comments.find((x) => x.id === id) : undefined;
  if (!c) throw new Error(`no ${id} for the moderator`);
  return c;
}

describe.each([
  ['forward', HOUR],
  ['back', -HOUR],
])('the station\'s wall clock stepped an hour %s mid-show', (_dir, step) => {
  it('a view connecting after the step is told a time 30 s after a comment received 30 s ago; the overlay\'s, the device feed\'s and the audit\'s time is the same', async () => {
    const clock = createTestClock();
    const core = createTestCore({ clock });
    cores.push(core);
    core.show.loadFile(DEMO_SHOW);
    const r = await core.dispatch('comments.ingest', { comments: [{ platform: 'tiktok', id: 'q1', author: 'viewer-q1', text: 'does it ship to Lima?', lang: 'en' }] }, producer);
    expect(r.ok).toBe(true);
    clock.advance(30_000);
    clock.set(clock.now() + step);
    const q1 = await comment(core, 'tiktok:q1');
    expect(helloAt(core) - q1.receivedAt).toBe(30_000);
    // core.now() is what the overlay's hello and the device feed's ages read.
    expect(core.now() - q1.receivedAt).toBe(30_000);
    // What the core stamps after the step (here an audit row; cue and offer windows alike) is on the same clock.
    await core.dispatch('show.clock', { action: 'start' }, producer);
    expect(core.audit.list({ limit: 1 })[0]).toMatchObject({ command: 'show.clock', at: q1.receivedAt + 30_000 });
    clock.advance(31_000);
    expect(helloAt(core) - q1.receivedAt).toBe(61_000);
  });
});
