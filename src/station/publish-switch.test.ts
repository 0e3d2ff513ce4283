import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { afterIo } from '../core/state/state.store';
import { createPublishSwitch, schedulerFor } from './publish-switch';

const turnEnds = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with how the flush went out: in the next check phase ('immediate'), or later ('later'). */
async function whenFlushed(schedule: (flush: () => void) => void): Promise<'immediate' | 'later'> {
  let flushed = false;
  schedule(() => (flushed = true));
  await turnEnds();
  if (flushed) return 'immediate';
  for (let i = 0; i < 100 && !flushed; i++) await sleep(5);
  if (!flushed) throw new Error('never flushed');
  return 'later';
}

describe('publish switch (a bench A/B of when patches go out)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('reads only the two kinds of side, with a timer of 1 to 50 ms', () => {
    expect(schedulerFor('immediate\n')).toBe(afterIo);
    expect(schedulerFor('timer:2')).toBeTypeOf('function');
    expect(schedulerFor('timer:50')).toBeTypeOf('function');
    for (const bad of ['timer:0', 'timer:51', 'timer:', 'timer:1.5', 'later', '']) expect(schedulerFor(bad)).toBeNull();
  });

  it('follows the file: the side written when the station starts, then each rewrite; a bad word keeps the side', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-publish-ab-'));
    dirs.push(dir);
    const file = join(dir, 'mode');
    writeFileSync(file, 'timer:20');
    const bad: string[] = [];
    const sw = createPublishSwitch(file, (m) => bad.push(m));
    try {
      expect(await whenFlushed(sw.schedule)).toBe('later');
      writeFileSync(file, 'immediate');
      // The rewrite is seen through the file watcher, within a few turns.
      let side = await whenFlushed(sw.schedule);
      for (let i = 0; i < 50 && side !== 'immediate'; i++) side = await whenFlushed(sw.schedule);
      expect(side).toBe('immediate');
      writeFileSync(file, 'sometimes');
      for (let i = 0; i < 100 && bad.length === 0; i++) await sleep(5);
      expect(bad).toEqual(['sometimes']);
      expect(await whenFlushed(sw.schedule)).toBe('immediate');
    } finally {
      sw.close();
    }
  });
});
