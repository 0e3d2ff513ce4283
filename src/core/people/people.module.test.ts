import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SHOW, createTestClock, createTestCore, moderator, producer } from '../../../test/support/test-core';
import type { Core } from '../core';
import type { DispatchResult } from '../dispatch/dispatcher';
import { hashToken } from './people.token';

function ok<R>(r: DispatchResult<R>): R {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result;
}
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

describe('people as accounts', () => {
  let core: Core;
  afterEach(async () => core.close());

  it('invites a show person: a link with a 32-byte token and an SVG QR code; the token authenticates as that person with their roles', async () => {
    core = createTestCore();
    core.show.loadFile(DEMO_SHOW);
    const inv = ok(await core.dispatch('people.invite', { personId: 'ana' }, producer));
    const token = tokenOf(inv.link);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(inv.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(core.people.authenticate(token, '10.0.0.7')).toEqual({ person: { id: 'ana', name: 'Ana Reyes', roles: ['moderator'] }, roles: ['moderator'] });
  });

  it('stores only the hash: neither the database nor the audit trail nor people.list holds the token', async () => {
    core = createTestCore();
    core.show.loadFile(DEMO_SHOW);
    const token = tokenOf(ok(await core.dispatch('people.invite', { personId: 'ana' }, producer)).link);
    const dump = JSON.stringify(core.db.prepare('SELECT * FROM people_access').all());
    expect(dump).not.toContain(token);
    expect(dump).toContain(hashToken(token));
    expect(JSON.stringify(core.audit.list({ limit: 50 }))).not.toContain(token);
    const listed = JSON.stringify(ok(await core.dispatch('people.list', {}, producer)));
    expect(listed).not.toContain(token);
    expect(listed).not.toContain(hashToken(token));
  });

  it('refuses malformed, unknown, revoked and expired tokens with the reason', async () => {
    const clock = createTestClock(Date.UTC(2026, 11, 3, 18, 0, 0));
    core = createTestCore({ clock });
    core.show.loadFile(DEMO_SHOW);
    expect(core.people.authenticate('short')).toEqual({ refused: 'malformed' });
    expect(core.people.authenticate(undefined)).toEqual({ refused: 'malformed' });
    expect(core.people.authenticate('A'.repeat(43))).toEqual({ refused: 'unknown' });
    // A flood of bad tokens writes one row a minute, with the count of the others.
    for (let i = 0; i < 50; i++) core.people.authenticate('B'.repeat(43));
    expect(core.audit.list({ limit: 100 }).filter((e) => e.command === 'people.refused' && e.outcome === 'refused:unknown')).toHaveLength(1);
    const dewi = tokenOf(ok(await core.dispatch('people.invite', { personId: 'dewi' }, producer)).link);
    const ana = tokenOf(ok(await core.dispatch('people.invite', { personId: 'ana' }, producer)).link);
    ok(await core.dispatch('people.revoke', { personId: 'dewi' }, producer));
    expect(core.people.authenticate(dewi, '10.0.0.9')).toEqual({ refused: 'revoked', personId: 'dewi' });
    const row = core.audit.list({ limit: 1 })[0]!;
    expect(row).toMatchObject({ command: 'people.refused', outcome: 'refused:revoked', actor: 'system:people', args: { reason: 'revoked', from: '10.0.0.9', personId: 'dewi' } });
    expect(JSON.stringify(row)).not.toContain(dewi);
    expect('person' in core.people.authenticate(ana)).toBe(true);
    // The demo show runs 19:00–20:00; its links end six hours after.
    // (Time passing: the core's clock is steady, so a wall-clock step alone would not end them mid-run.)
    clock.advance(Date.UTC(2026, 11, 4, 2, 0, 1) - clock.now());
    expect(core.people.authenticate(ana)).toEqual({ refused: 'expired', personId: 'ana' });
  });

  it('a link issued after its show ended still lasts six hours (not born expired)', async () => {
    const clock = createTestClock(Date.UTC(2026, 11, 10, 12, 0, 0));
    core = createTestCore({ clock });
    core.show.loadFile(DEMO_SHOW);
    const inv = ok(await core.dispatch('people.invite', { personId: 'ana' }, producer));
    expect(inv.expiresAt).toBe(Date.UTC(2026, 11, 10, 18, 0, 0));
    expect('person' in core.people.authenticate(tokenOf(inv.link))).toBe(true);
  });

  it('standing access outlives the show', async () => {
    const clock = createTestClock();
    core = createTestCore({ clock });
    core.show.loadFile(DEMO_SHOW);
    const inv = ok(await core.dispatch('people.invite', { personId: 'leo', standing: true }, producer));
    expect(inv.expiresAt).toBeNull();
    clock.advance(30 * 24 * 3600_000);
    expect('person' in core.people.authenticate(tokenOf(inv.link))).toBe(true);
  });

  it('re-issuing revokes the old token and never hands the same one out; the old one answers "revoked"', async () => {
    core = createTestCore();
    core.show.loadFile(DEMO_SHOW);
    const events: string[] = [];
    core.people.onRevoked((e) => events.push(`${e.personId}:${e.reason}`));
    const first = tokenOf(ok(await core.dispatch('people.invite', { personId: 'ana' }, producer)).link);
    const second = tokenOf(ok(await core.dispatch('people.invite', { personId: 'ana' }, producer)).link);
    expect(second).not.toBe(first);
    expect(core.people.authenticate(first)).toEqual({ refused: 'revoked', personId: 'ana' });
    expect('person' in core.people.authenticate(second)).toBe(true);
    await Promise.resolve();
    expect(events).toEqual(['ana:reissued']);
  });

  it('tells the station when a person is revoked, after the command committed', async () => {
    core = createTestCore();
    core.show.loadFile(DEMO_SHOW);
    ok(await core.dispatch('people.invite', { personId: 'dewi' }, producer));
    const seen: string[] = [];
    core.people.onRevoked((e) => seen.push(`${e.name}:${e.reason}:${core.audit.list({ limit: 1 })[0]!.command}`));
    ok(await core.dispatch('people.revoke', { personId: 'dewi' }, producer));
    await Promise.resolve();
    expect(seen).toEqual(['Dewi Santoso:revoked:people.revoke']);
  });

  it('will not revoke the last producer with a working link, and revoke/invite are for the producer only', async () => {
    core = createTestCore();
    core.show.loadFile(DEMO_SHOW);
    ok(await core.dispatch('people.invite', { personId: 'maya' }, producer));
    const last = await core.dispatch('people.revoke', { personId: 'maya' }, producer);
    expect(last).toMatchObject({ ok: false, error: { code: 'conflict' } });
    ok(await core.dispatch('people.add', { id: 'kai', name: 'Kai Berg', roles: ['producer'] }, producer));
    ok(await core.dispatch('people.invite', { personId: 'kai' }, producer));
    ok(await core.dispatch('people.revoke', { personId: 'maya' }, producer));
    expect(await core.dispatch('people.invite', { personId: 'ana' }, moderator)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.dispatch('people.list', {}, moderator)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.dispatch('people.invite', { personId: 'nobody' }, producer)).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
  });

  it('lists last use and where from, and the audit row of an invite names whom but never the link', async () => {
    core = createTestCore();
    core.show.loadFile(DEMO_SHOW);
    const token = tokenOf(ok(await core.dispatch('people.invite', { personId: 'ana' }, producer)).link);
    core.people.authenticate(token, '192.168.1.20');
    const ana = ok(await core.dispatch('people.list', {}, producer)).people.find((p) => p.id === 'ana')!;
    expect(ana).toMatchObject({ status: 'active', lastUsedFrom: '192.168.1.20', stationRoles: ['moderator'] });
    expect(ana.lastUsedAt).not.toBeNull();
    const row = core.audit.list({ limit: 5 }).find((e) => e.command === 'people.invite')!;
    expect(row.args).toEqual({ personId: 'ana' });
  });
});
