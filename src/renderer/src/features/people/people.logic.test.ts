import { describe, expect, it } from 'vitest';
import type { PersonAccess } from '../../../../shared/contract/index';
import { deviceRow, personRow, qrImageSrc } from './people.logic';

const base: PersonAccess = {
  id: 'ana',
  name: 'Ana Reyes',
  roles: ['moderator'],
  stationRoles: ['moderator'],
  opened: [],
  source: 'show',
  status: 'none',
  standing: false,
  issuedAt: null,
  expiresAt: null,
  revokedAt: null,
  revokedBy: null,
  lastUsedAt: null,
  lastUsedFrom: null,
};
const t = (ms: number) => `t${ms}`;

describe('people rows', () => {
  it('a person without a link is invited, not revoked', () => {
    expect(personRow(base, t)).toMatchObject({ statusText: 'no link yet', inviteLabel: 'Invite', canRevoke: false, lastUse: 'never' });
  });
  it('an active link shows its end (or standing) and last use, and can be re-issued or revoked', () => {
    const row = personRow({ ...base, status: 'active', issuedAt: 1, expiresAt: 9, lastUsedAt: 5, lastUsedFrom: '10.0.0.2' }, t);
    expect(row).toMatchObject({ statusText: 'active · ends t9', inviteLabel: 'Re-issue', canRevoke: true, lastUse: 't5 from 10.0.0.2' });
    expect(personRow({ ...base, status: 'active', expiresAt: null }, t).statusText).toBe('active · standing');
  });
  it('a revoked link says when and by whom, and can only be re-issued', () => {
    expect(personRow({ ...base, status: 'revoked', revokedAt: 7, revokedBy: 'Maya Okafor (maya)' }, t)).toMatchObject({
      statusText: 'revoked t7 by Maya Okafor (maya)',
      canRevoke: false,
      inviteLabel: 'Re-issue',
    });
  });
  it('the QR markup becomes an image address, escaped', () => {
    expect(qrImageSrc('<svg a="1"/>')).toBe('data:image/svg+xml;charset=utf-8,%3Csvg%20a%3D%221%22%2F%3E');
  });

  it('says which views a person opened, and lists a device by name and last use', () => {
    expect(personRow({ ...base, opened: ['moderator'] }, () => '19:02').opened).toBe('opened moderator');
    expect(personRow(base, () => '19:02').opened).toBe('no view opened');
    expect(deviceRow({ kind: 'device', label: 'Deck B', lastUsedAt: 5, lastUsedFrom: '10.0.0.4' }, () => '19:02')).toEqual({ label: 'Deck B', kind: 'button panel', actsFor: 'acts for nobody', lastUse: '19:02 from 10.0.0.4' });
    expect(deviceRow({ kind: 'device', label: 'Sam deck', person: 'sam', lastUsedAt: null, lastUsedFrom: null }, () => 'x', [{ id: 'sam', name: 'Sam Lee' }]).actsFor).toBe('acts for Sam Lee');
    expect(deviceRow({ kind: 'overlay', label: 'OBS', lastUsedAt: null, lastUsedFrom: null }, () => 'x').lastUse).toBe('not since the station started');
  });
});
