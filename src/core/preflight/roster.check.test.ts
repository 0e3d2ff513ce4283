import { describe, expect, it } from 'vitest';
import type { PersonAccess } from '../../shared/contract/index';
import type { Show } from '../../shared/show/show.schema';
import { requiredRoles, rosterVerdict } from './roster.check';

const person = (id: string, name: string, role: string, contact: Record<string, string> = { email: `${id}@x.example` }) => ({ id, name, role, alsoRoles: [], contact });
const show = (extra: Partial<Show> = {}): Show =>
  ({
    people: [person('maya', 'Maya', 'producer'), person('leo', 'Leo', 'host', {}), person('sam', 'Sam', 'commerce'), person('tom', 'Tom', 'customer-service'), person('kai', 'Kai', 'commerce')],
    toggle: { owner: 'sam', deputy: 'kai' },
    ...extra,
  }) as unknown as Show;
const access = (id: string, name: string, stationRoles: PersonAccess['stationRoles'], status: PersonAccess['status'], opened: PersonAccess['opened']): PersonAccess =>
  ({ id, name, roles: [], stationRoles, source: 'show', status, standing: false, issuedAt: 1, expiresAt: null, revokedAt: null, revokedBy: null, lastUsedAt: null, lastUsedFrom: null, opened }) as PersonAccess;

describe('roles assigned (preflight roster)', () => {
  it('needs the roles the show lists, never the observer', () => {
    expect(requiredRoles(show())).toEqual(['producer', 'host', 'commerce', 'customer-service']);
  });

  it('passes only when every required role has a person with a working link who opened their view, and the rollback contacts are complete', () => {
    const all = [
      access('maya', 'Maya', ['producer'], 'active', ['producer']),
      access('leo', 'Leo', ['host'], 'active', ['host']),
      access('sam', 'Sam', ['commerce'], 'active', ['commerce']),
      access('kai', 'Kai', ['commerce'], 'none', []),
      access('tom', 'Tom', ['customer-service'], 'active', ['customer-service']),
    ];
    expect(rosterVerdict(show(), all)).toMatchObject({ status: 'pass' });
  });

  it('names who is missing: no link, a revoked link, a view not opened, a role nobody holds', () => {
    const r = rosterVerdict(show({ people: [...show().people, person('priya', 'Priya', 'legal')] } as Partial<Show>), [
      access('maya', 'Maya', ['producer'], 'active', ['producer']),
      access('leo', 'Leo', ['host'], 'active', []),
      access('sam', 'Sam', ['commerce'], 'revoked', []),
      access('kai', 'Kai', ['commerce'], 'none', []),
      access('tom', 'Tom', ['customer-service'], 'expired', []),
    ]);
    expect(r.status).toBe('fail');
    expect(r.detail).toContain('Host: Leo has not opened the view');
    expect(r.detail).toContain('Commerce: Sam’s link is revoked, Kai has no link');
    expect(r.detail).toContain('Customer service: Tom’s link is expired');
    expect(r.detail).toContain('Approver (legal/brand): nobody holds it');
  });

  it('lists gaps in the rollback contacts: no deputy, an owner without phone or email, no customer service', () => {
    const s = show({ toggle: { owner: 'leo' }, people: show().people.filter((p) => p.role !== 'customer-service') } as Partial<Show>);
    const r = rosterVerdict(s, []);
    expect(r.detail).toContain('rollback contacts: no deputy named');
    expect(r.detail).toContain('rollback contacts: Leo (toggle owner) has no phone or email');
    expect(r.detail).toContain('rollback contacts: no customer service person');
    expect(r.detail).not.toMatch(/@x\.example/);
  });
});
