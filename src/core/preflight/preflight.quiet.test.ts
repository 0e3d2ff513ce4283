// The checklist is re-evaluated on every watched patch. Through the core: a station whose verdicts do
// not change publishes no preflight patch however often it is re-evaluated (each auto check used to
// be stamped "now", so every OBS, offers or comments patch also sent the producer a new checklist).
import { afterEach, expect, it } from 'vitest';
import { DEMO_SHOW, createTestClock, createTestCore } from '../../../test/support/test-core';
import type { Core } from '../core';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
});

const settle = () => new Promise((r) => setTimeout(r, 120));

it('re-evaluating an unchanged checklist publishes nothing, while a changed verdict is published', async () => {
  const clock = createTestClock();
  core = createTestCore({ clock });
  core.show.loadFile(DEMO_SHOW);
  await settle();
  let patches = 0;
  const off = core.subscribe((m) => {
    if (m.t === 'patch' && m.domain === 'preflight') patches += 1;
  });
  // A watched slice changes (a view opens and closes) with nothing the checklist reads.
  for (let i = 0; i < 5; i++) {
    clock.advance(1_000);
    core.setViewCount('observer', i % 2 === 0 ? 1 : -1);
    await settle();
  }
  expect(patches).toBe(0);
  // A changed verdict is still published.
  core.state.update('obs', (o) => ({ ...o, link: 'connected', synced: true, scenes: ['Intro'], programScene: 'Intro' }));
  await settle();
  expect(patches).toBeGreaterThan(0);
  off();
});
