import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../core';
import { DEMO_SHOW, createTestCore, producer } from '../../../test/support/test-core';
import { until } from '../../../test/support/until';
import * as content from './overlay.content';

// The price guard reads every cue of the approved script; it runs on every offers patch, and a
// pause sends two. Counted through the module's own export (the guard's only way to the script).
vi.mock('./overlay.content', async (original) => {
  const real = await original<typeof import('./overlay.content')>();
  return { ...real, approvedPrice: vi.fn(real.approvedPrice) };
});

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

describe('overlay price guard, reads', () => {
  it('does not read the script again for an offers patch that changes no price (a pause; a changed price is price-guard.test.ts)', async () => {
    const core = createTestCore();
    cores.push(core);
    core.show.loadFile(DEMO_SHOW);
    await core.start();
    await until(() => core.snapshot().state.cues.loaded !== null, 3000, 'the approved demo script loaded');
    const reads = vi.mocked(content.approvedPrice);
    const offerId = core.snapshot().state.offers.items[0]!.id;
    const before = reads.mock.calls.length;
    expect((await core.dispatch('offer.pause', { offerId, reason: 'test' }, producer)).ok).toBe(true);
    await until(() => core.snapshot().state.offers.items[0]?.state === 'paused', 3000, 'the pause shown');
    await new Promise((r) => setTimeout(r, 20));
    expect(reads.mock.calls.length).toBe(before);
    expect(core.snapshot().state.alerts.items.some((a) => a.key.startsWith('overlay.price-changed.'))).toBe(false);
  });
});
