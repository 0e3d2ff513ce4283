// A command acknowledged means the state it changed is what the next command sees: a producer's
// Companion button pins a question and puts the question overlay on air in the same breath, with
// no wait between the pin's reply and the show.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { createTestCore, moderator, producer } from '../../../test/support/test-core';
import { overlayContent } from './overlay.content';

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function started(): Promise<Core> {
  const core = createTestCore();
  cores.push(core);
  await core.start();
  const r = await core.dispatch('comments.ingest', { comments: [{ platform: 'tiktok', id: 'q1', author: 'Rin', text: 'is it vegan?' }, { platform: 'tiktok', id: 'q2', author: 'Sol', text: 'does it ship to Porto?' }] }, producer);
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return core;
}

describe('the question overlay after a pin', () => {
  it('shows the question pinned by the command just answered, with no wait in between', async () => {
    const core = await started();
    const pin = await core.dispatch('comment.pin', { id: 'tiktok:q1' }, moderator);
    expect(pin.ok, JSON.stringify(pin)).toBe(true);
    const shown = await core.dispatch('overlay.show', { overlay: 'question', visible: true }, producer);
    expect(shown, JSON.stringify(shown)).toMatchObject({ ok: true });
    expect(overlayContent(core.snapshot().state).question).toEqual({ author: 'Rin', text: 'is it vegan?' });
  });

  it('takes the newer pin, not the one before it, when the pin changes right before the show', async () => {
    const core = await started();
    expect((await core.dispatch('comment.pin', { id: 'tiktok:q1' }, moderator)).ok).toBe(true);
    expect((await core.dispatch('overlay.show', { overlay: 'question', visible: true }, producer)).ok).toBe(true);
    expect((await core.dispatch('comment.pin', { id: 'tiktok:q2' }, moderator)).ok).toBe(true);
    expect((await core.dispatch('overlay.show', { overlay: 'question', visible: true }, producer)).ok).toBe(true);
    expect(overlayContent(core.snapshot().state).question).toEqual({ author: 'Sol', text: 'does it ship to Porto?' });
  });

  it('refuses at once after an unpin: the question just taken down does not go on air', async () => {
    const core = await started();
    expect((await core.dispatch('comment.pin', { id: 'tiktok:q1' }, moderator)).ok).toBe(true);
    expect((await core.dispatch('overlay.show', { overlay: 'question', visible: true }, producer)).ok).toBe(true);
    expect((await core.dispatch('overlay.show', { overlay: 'question', visible: false }, producer)).ok).toBe(true);
    expect((await core.dispatch('comment.pin', { id: null }, moderator)).ok).toBe(true);
    const shown = await core.dispatch('overlay.show', { overlay: 'question', visible: true }, producer);
    expect(shown).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(overlayContent(core.snapshot().state).question).toBeNull();
  });
});
