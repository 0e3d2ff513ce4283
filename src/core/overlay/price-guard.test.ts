import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { DEMO_SHOW, createTestCore, producer } from '../../../test/support/test-core';
import { until } from '../../../test/support/until';
import { overlayContent } from './overlay.content';

const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('overlay price guard', () => {
  it('keeps the approved price on the overlay and raises a critical alert when the show’s price changed after approval', async () => {
    const core = createTestCore();
    cores.push(core);
    core.show.loadFile(DEMO_SHOW);
    await core.start();
    await until(() => core.snapshot().state.cues.loaded !== null, 3000, 'the approved demo script loaded');
    expect((await core.dispatch('overlay.show', { overlay: 'offer', visible: true }, producer)).ok).toBe(true);
    expect(overlayContent(core.snapshot().state).offer?.price).toBe('$39.00');

    // The same show with a new price: the loaded deck is still the version approved at $39.
    const dir = mkdtempSync(join(tmpdir(), 'baton-price-'));
    dirs.push(dir);
    const show = JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as { offers: { price: { amount: number } }[] };
    for (const o of show.offers) o.price.amount = 45;
    copyFileSync(join(dirname(DEMO_SHOW), 'script.md'), join(dir, 'script.md'));
    copyFileSync(join(dirname(DEMO_SHOW), 'comments.jsonl'), join(dir, 'comments.jsonl'));
    writeFileSync(join(dir, 'show.json'), JSON.stringify(show));
    core.show.loadFile(join(dir, 'show.json'));
    await until(() => core.snapshot().state.offers.items[0]?.price.amount === 45, 3000, 'the new price in the offers');
    await until(() => core.snapshot().state.alerts.items.some((a) => a.key.startsWith('overlay.price-changed.')), 3000, 'the price alert');
    const s = core.snapshot().state;
    expect(s.scripts.deck).not.toBeNull();
    expect(overlayContent(s).offer?.price).toBe('$39.00');
    const alert = s.alerts.items.find((a) => a.key.startsWith('overlay.price-changed.'));
    expect(alert).toMatchObject({ level: 'critical' });
    expect(alert?.message).toContain('$45.00');
  });
});
