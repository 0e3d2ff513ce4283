import { describe, expect, it } from 'vitest';
import type { OfferView } from '../../../../shared/contract/index';
import type { Show } from '../../../../shared/show/show.schema';
import { commerceRows, pickForReview, roleFromPath, switchTarget, toggleRight, viewFor } from './roles.logic';

const offer = (o: Partial<OfferView>): OfferView =>
  ({
    id: 'a', name: 'Glow kit', code: 'GLOW', skus: ['s1'], price: { amount: 10, currency: 'USD' }, state: 'live', intent: 'live', pending: false, pendingSince: null, reason: null, requestedBy: null,
    storeKind: 'vendure', storeLabel: '', storeAdminUrl: null, storeReachable: true, rehearsal: false, lastError: null, attempts: 0, nextRetryAt: null, confirmedAt: null, lastReadAt: null, orders: 0, cap: null, stock: null, lowStock: [], rules: [],
    ...o,
  }) as OfferView;

describe('role views', () => {
  it('reads the role a path names, and previews other views only for a producer', () => {
    expect(roleFromPath('/commerce')).toBe('commerce');
    expect(roleFromPath('/customer-service/x')).toBe('customer-service');
    expect(roleFromPath('/nope')).toBeNull();
    expect(viewFor('producer', 'observer')).toBe('observer');
    expect(viewFor('producer', null)).toBe('producer');
    expect(viewFor('commerce', 'producer')).toBe('commerce');
  });

  it('switches role only to one the token opens', () => {
    expect(switchTarget(['commerce', 'observer'], 'commerce', 'observer')).toBe('observer');
    expect(switchTarget(['commerce', 'observer'], 'commerce', 'producer')).toBeNull();
    expect(switchTarget(['commerce'], 'commerce', 'commerce')).toBeNull();
  });

  it('shows orders against the cap, the store’s state and low stock', () => {
    const [row] = commerceRows([offer({ orders: 37, cap: { orders: 50, bonus: 'gift', reached: false, reachedAt: null, bonusRemoval: null }, stock: { s1: 4 }, lowStock: ['s1'] })]);
    expect(row).toMatchObject({ orders: '37 / 50', fill: 0.74, store: 'vendure reachable', stock: 's1 4 (low)', stockLines: ['s1 4 (low)'], level: 'green', state: 'live', reason: null });
    const [down] = commerceRows([offer({ storeReachable: false, lastError: 'timeout', intent: 'paused', reason: 'wrong price' })]);
    expect(down).toMatchObject({ level: 'red', store: 'vendure unreachable: timeout', state: 'paused', reason: 'wrong price', fill: null });
  });

  it('names the toggle owner and lets only them (or the deputy) pull it', () => {
    const show = { toggle: { owner: 'sam', deputy: 'kai' }, people: [{ id: 'sam', name: 'Sam Lee' }, { id: 'kai', name: 'Kai Berg' }] } as unknown as Show;
    expect(toggleRight(show, 'sam', 'commerce')).toEqual({ allowed: true, owner: 'Sam Lee (deputy Kai Berg)' });
    expect(toggleRight(show, 'kai', 'producer').allowed).toBe(true);
    expect(toggleRight(show, 'tom', 'commerce').allowed).toBe(false);
    expect(toggleRight({ people: [] } as unknown as Show, 'tom', 'commerce')).toEqual({ allowed: true, owner: null });
  });

  it('opens the oldest version waiting for sign-off first, else the newest', () => {
    const v = (number: number, status: string) => ({ id: `v${number}`, number, status }) as never;
    expect(pickForReview([v(1, 'approved'), v(2, 'in_review'), v(3, 'in_review')])?.id).toBe('v2');
    expect(pickForReview([v(1, 'approved'), v(2, 'draft')])?.id).toBe('v2');
    expect(pickForReview([])).toBeNull();
  });
});
