import { describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../core/platform/secret-store';
import { DEVICE_TOKENS_SECRET, createDeviceTokenService } from './device-token.service';
import { createTestCore, moderator, producer } from '../../../test/support/test-core';

describe('device and overlay tokens', () => {
  it('creates one of each on first start and keeps them in the secret store', () => {
    const secrets = createMemorySecretStore();
    const a = createDeviceTokenService({ secrets });
    expect(a.issued().map((t) => t.kind).sort()).toEqual(['device', 'overlay']);
    const b = createDeviceTokenService({ secrets });
    expect(b.issued()).toEqual(a.issued());
    expect(secrets.get(DEVICE_TOKENS_SECRET)).toContain('"kind":"overlay"');
  });

  it('accepts a token only for its own kind', () => {
    const svc = createDeviceTokenService({ secrets: createMemorySecretStore() });
    const overlay = svc.issued().find((t) => t.kind === 'overlay')!;
    expect(svc.check(overlay.token, 'overlay')).toEqual({ kind: 'overlay', label: overlay.label });
    expect(svc.check(overlay.token, 'device')).toBeNull();
    expect(svc.check('', 'overlay')).toBeNull();
    expect(svc.check(`${overlay.token}x`, 'overlay')).toBeNull();
  });

  it('revokes by label, tells the sockets, and forgets the token', () => {
    const svc = createDeviceTokenService({ secrets: createMemorySecretStore() });
    const t = svc.issue('device', 'Deck B');
    const told: string[] = [];
    svc.onRevoked((l) => told.push(l));
    expect(svc.revoke('Deck B')).toBe(1);
    expect(svc.revoke('Deck B')).toBe(0);
    expect(told).toEqual(['Deck B']);
    expect(svc.check(t.token, 'device')).toBeNull();
    expect(() => svc.issue('device', '<script>')).toThrow();
  });

  it('a panel issued for a person keeps them across restarts, and goes when their access is revoked', () => {
    const secrets = createMemorySecretStore();
    const svc = createDeviceTokenService({ secrets });
    const deck = svc.issue('device', 'Sam deck', 'sam');
    expect(createDeviceTokenService({ secrets }).check(deck.token, 'device')).toEqual({ kind: 'device', label: 'Sam deck', person: 'sam' });
    expect(() => svc.issue('overlay', 'Overlay', 'sam')).toThrow();
    expect(() => svc.issue('device', 'Deck', '../x')).toThrow();
    expect(svc.revokeFor('sam')).toBe(1);
    expect(svc.check(deck.token, 'device')).toBeNull();
  });

  it('ignores a damaged stored list instead of failing the start', () => {
    const svc = createDeviceTokenService({ secrets: createMemorySecretStore({ [DEVICE_TOKENS_SECRET]: '{not json' }) });
    expect(svc.issued()).toHaveLength(2);
  });
});

describe('named devices in the People panel', () => {
  it('lists each device with its last use and from where, never its token', () => {
    let t = 1000;
    const svc = createDeviceTokenService({ secrets: createMemorySecretStore(), now: () => t });
    const deck = svc.issue('device', 'Stream Deck B');
    expect(svc.list().find((d) => d.label === 'Stream Deck B')).toEqual({ kind: 'device', label: 'Stream Deck B', lastUsedAt: null, lastUsedFrom: null });
    t = 5000;
    svc.check(deck.token, 'device', '192.168.1.40');
    expect(svc.list().find((d) => d.label === 'Stream Deck B')).toEqual({ kind: 'device', label: 'Stream Deck B', lastUsedAt: 5000, lastUsedFrom: '192.168.1.40' });
    expect(JSON.stringify(svc.list())).not.toContain(deck.token);
  });

  it('are issued, listed and revoked through the producer’s commands; a revoke closes the device at once', async () => {
    const svc = createDeviceTokenService({ secrets: createMemorySecretStore() });
    const core = createTestCore({ devices: svc });
    try {
      const closed: string[] = [];
      svc.onRevoked((l) => closed.push(l));
      const issued = await core.dispatch('devices.issue', { kind: 'device', label: 'Companion desk 2' }, producer);
      expect(issued).toMatchObject({ ok: true, result: { device: { label: 'Companion desk 2' } } });
      const token = issued.ok ? issued.result.token : '';
      expect(svc.check(token, 'device')).toEqual({ kind: 'device', label: 'Companion desk 2' });
      const listed = await core.dispatch('devices.list', {}, producer);
      expect(listed.ok && listed.result.devices.map((d) => d.label)).toEqual(expect.arrayContaining(['Companion (default)', 'Companion desk 2']));
      expect(JSON.stringify(listed)).not.toContain(token);
      expect(await core.dispatch('devices.list', {}, moderator)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await core.dispatch('devices.revoke', { label: 'Companion desk 2' }, producer)).toMatchObject({ ok: true, result: { removed: 1 } });
      expect(closed).toEqual(['Companion desk 2']);
      expect(svc.check(token, 'device')).toBeNull();
      expect(await core.dispatch('devices.revoke', { label: 'Companion desk 2' }, producer)).toMatchObject({ ok: false, error: { code: 'conflict' } });
      // The issued token never reaches the audit trail.
      expect(JSON.stringify(core.audit.list({ limit: 20 }))).not.toContain(token);
    } finally {
      await core.close();
    }
  });
});
