import { describe, expect, it } from 'vitest';
import type { OfferView, PreflightCheck } from '../../shared/contract/index';
import { decideGo, unfinishedPauses } from './go.rules';

const check = (id: string, status: PreflightCheck['status']): PreflightCheck => ({
  id,
  label: id.toUpperCase(),
  kind: 'auto',
  status,
  detail: `${id} is ${status}`,
  checkedAt: 1,
  checkedBy: 'station',
});

describe('decideGo', () => {
  it('is GO when every check passes or warns', () => {
    expect(decideGo([check('a', 'pass'), check('b', 'warn')], [])).toEqual({ ok: true, verdict: 'go', overrides: [] });
  });

  it('refuses while a check fails or is pending, naming each with its detail', () => {
    const d = decideGo([check('a', 'fail'), check('b', 'pending'), check('c', 'pass')], []);
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.blocking.map((c) => c.id)).toEqual(['a', 'b']);
    expect(d.message).toContain('a is fail');
    expect(d.message).toContain('b is pending');
  });

  it('refuses when only some blocking checks are overridden', () => {
    const d = decideGo([check('a', 'fail'), check('b', 'fail')], [{ checkId: 'a', reason: 'backup camera in use' }]);
    expect(d).toMatchObject({ ok: false });
    if (!d.ok) expect(d.blocking.map((c) => c.id)).toEqual(['b']);
  });

  it('is GO overridden when each blocking check has a reason', () => {
    const d = decideGo([check('a', 'fail'), check('b', 'pass')], [{ checkId: 'a', reason: 'backup camera in use' }]);
    expect(d).toEqual({ ok: true, verdict: 'go-overridden', overrides: [{ checkId: 'a', reason: 'backup camera in use' }] });
  });

  it('refuses overrides of unknown, passing or twice-named checks', () => {
    expect(decideGo([check('a', 'fail')], [{ checkId: 'zz', reason: 'no such thing here' }])).toMatchObject({ ok: false, message: expect.stringContaining('no check “zz”') });
    expect(decideGo([check('a', 'pass')], [{ checkId: 'a', reason: 'just to be sure' }])).toMatchObject({ ok: false, message: expect.stringContaining('needs no override') });
    expect(
      decideGo([check('a', 'fail')], [
        { checkId: 'a', reason: 'first reason given' },
        { checkId: 'a', reason: 'second reason given' },
      ]),
    ).toMatchObject({ ok: false, message: expect.stringContaining('twice') });
  });

  it('refuses an empty checklist rather than declaring GO on nothing', () => {
    expect(decideGo([], [])).toMatchObject({ ok: false });
  });
});

describe('unfinishedPauses', () => {
  const offer = (over: Partial<OfferView>): OfferView => ({ ...({ id: 'o', name: 'Bundle', state: 'live', pending: false, intent: 'live' } as OfferView), ...over });
  it('lists offers still pausing, resuming or waiting for the store', () => {
    expect(unfinishedPauses([offer({}), offer({ state: 'paused' })])).toEqual([]);
    expect(unfinishedPauses([offer({ state: 'pausing', pending: true, intent: 'paused' })])).toEqual(['Bundle: pausing (waiting for the store to confirm paused)']);
    expect(unfinishedPauses([offer({ state: 'resuming' })])).toEqual(['Bundle: resuming']);
  });
});
