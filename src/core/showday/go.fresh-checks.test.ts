// GO reads the checklist as the station is now: a command acknowledged just before it (a comment
// source stopped) is what the checks see, never the checklist from before it. A stale pass here
// would declare GO, and record it, on a check that is failing.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { DEMO_SHOW, createTestCore, producer } from '../../../test/support/test-core';
import { until } from '../../../test/support/until';

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

/** The demo show with one station check: its rehearsal chat replay connected (a warning, which lets GO through). */
const show = () => {
  const demo = JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as { comments: { sources: { file?: string }[] } };
  for (const s of demo.comments.sources) if (s.file) s.file = join(dirname(DEMO_SHOW), s.file); // an imported show's folder is the station's
  return {
    ...demo,
    checklist: [{ id: 'comments-in', label: 'Comment sources connected', kind: 'auto', check: 'comments.sources' }],
  };
};

async function ready(): Promise<Core> {
  const core = createTestCore();
  cores.push(core);
  expect((await core.dispatch('show.import', { show: show() }, producer)).ok).toBe(true);
  await core.start();
  await until(
    () => core.snapshot().state.preflight.checks.find((c) => c.id === 'comments-in')?.status === 'warn',
    5000,
    () => `the replay source connected (a rehearsal warning): ${JSON.stringify(core.snapshot().state.comments.sources)}`,
  );
  return core;
}

describe('GO after a command that changed a check', () => {
  it('refuses GO when the comment source was stopped by the command just answered', async () => {
    const core = await ready();
    const stop = await core.dispatch('comments.source', { id: 'rehearsal-chat', action: 'stop' }, producer);
    expect(stop.ok, JSON.stringify(stop)).toBe(true);
    const go = await core.dispatch('show.go', {}, producer);
    expect(go).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Comment sources connected') },
    });
    expect(core.snapshot().state.showday.phase).toBe('preflight');
  });
});
