import { describe, expect, it } from 'vitest';
import { createLateDispatch } from './late-dispatch';
import type { Dispatcher } from './dispatcher';
import { producer } from '../../../test/support/test-core';

describe('late-bound dispatch', () => {
  it('answers "not yet" before the dispatcher is bound, forwards after, and binds once', async () => {
    const late = createLateDispatch();
    expect(await late.dispatch('station.whoami', {}, producer)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const seen: string[] = [];
    const target: Dispatcher = {
      dispatch: (name: string) => {
        seen.push(name);
        return Promise.resolve({ ok: true, result: null });
      },
    } as Dispatcher;
    late.bind(target);
    expect(await late.dispatch('station.whoami', {}, producer)).toEqual({ ok: true, result: null });
    expect(seen).toEqual(['station.whoami']);
    expect(() => late.bind(target)).toThrow(/already bound/);
  });
});
