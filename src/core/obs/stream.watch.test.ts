import { describe, expect, it } from 'vitest';
import { createStreamWatch } from './stream.watch';

describe('the stream watch', () => {
  it('catches a note that arrived before the wait began', async () => {
    const watch = createStreamWatch();
    const rec = watch.record();
    watch.notify('starting');
    expect(await rec.until(['starting', 'started'], 1_000)).toBe('starting');
    const next = rec.until(['started', 'failed_start'], 1_000);
    watch.notify('started');
    expect(await next).toBe('started');
  });

  it('keeps the notes after a match for the next wait (STARTING and STOPPED before the answer)', async () => {
    const watch = createStreamWatch();
    const rec = watch.record();
    watch.notify('starting');
    watch.notify('failed_start');
    expect(await rec.until(['starting', 'started'], 1_000)).toBe('starting');
    expect(await rec.until(['started', 'failed_start'], 50)).toBe('failed_start');
  });

  it('ends the wait at once when the link is lost, and times out otherwise', async () => {
    const watch = createStreamWatch();
    const rec = watch.record();
    const waiting = rec.until(['started'], 5_000);
    watch.lost();
    expect(await waiting).toBe('lost');
    expect(await watch.record().until(['started'], 20)).toBe('timeout');
  });
});
