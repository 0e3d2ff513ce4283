import { describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../core/platform/secret-store';
import { DEVICE_TOKENS_SECRET, createDeviceTokenService } from './device-token.service';

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

  it('ignores a damaged stored list instead of failing the start', () => {
    const svc = createDeviceTokenService({ secrets: createMemorySecretStore({ [DEVICE_TOKENS_SECRET]: '{not json' }) });
    expect(svc.issued()).toHaveLength(2);
  });
});
