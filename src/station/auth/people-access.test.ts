import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SHOW, createTestCore, producer } from '../../../test/support/test-core';
import { createMemorySecretStore } from '../../core/platform/secret-store';
import type { Core } from '../../core/core';
import { createTokenService } from './token.service';
import { callerOf, createAccessCheck, refusalMessage } from './people-access';

let core: Core;
afterEach(async () => core.close());

describe('token check with people', () => {
  it('bootstrap tokens first (labelled, no person), then personal tokens (the person as actor), else the reason', async () => {
    core = createTestCore();
    core.show.loadFile(DEMO_SHOW);
    const tokens = createTokenService({ secrets: createMemorySecretStore({}), envProducerToken: 'producer-token-for-tests' });
    const access = createAccessCheck(tokens, core.people);
    const boot = access.check('producer-token-for-tests');
    expect(boot).toMatchObject({ grant: { role: 'producer', bootstrap: true } });
    if ('grant' in boot) expect(callerOf(boot.grant, 'http')).toMatchObject({ device: 'Producer (station automation key)', via: 'http' });

    const r = await core.dispatch('people.invite', { personId: 'ana' }, producer);
    const token = r.ok ? new URL(r.result.link).searchParams.get('token')! : '';
    const ana = access.check(token, '10.1.1.1');
    expect(ana).toEqual({ grant: { role: 'moderator', roles: ['moderator'], label: 'Ana Reyes (ana)', key: 'person:ana', personId: 'ana', name: 'Ana Reyes', bootstrap: false } });
    if ('grant' in ana) expect(callerOf(ana.grant, 'ws')).toEqual({ actor: 'Ana Reyes (ana)', role: 'moderator', roles: ['moderator'], via: 'ws', personId: 'ana', name: 'Ana Reyes' });

    expect(access.check(null)).toEqual({ refused: 'missing' });
    expect(access.check('nope')).toEqual({ refused: 'malformed' });
    await core.dispatch('people.revoke', { personId: 'ana' }, producer);
    expect(access.check(token)).toEqual({ refused: 'revoked' });
    expect(refusalMessage('revoked')).toMatch(/revoked/);
    expect(refusalMessage('expired')).not.toContain(token);
  });

  it('acts in one chosen role of the person’s roles; a role the link does not open is refused, not guessed', async () => {
    core = createTestCore();
    core.show.loadFile(DEMO_SHOW);
    const tokens = createTokenService({ secrets: createMemorySecretStore({}) });
    const access = createAccessCheck(tokens, core.people);
    await core.dispatch('people.add', { id: 'zoe', name: 'Zoe Park', roles: ['commerce', 'customer-service', 'observer'] }, producer);
    const r = await core.dispatch('people.invite', { personId: 'zoe' }, producer);
    const token = r.ok ? new URL(r.result.link).searchParams.get('token')! : '';
    expect(access.check(token)).toMatchObject({ grant: { role: 'commerce', roles: ['commerce', 'customer-service', 'observer'] } });
    expect(access.check(token, 'x', 'customer-service')).toMatchObject({ grant: { role: 'customer-service' } });
    const sam = access.check(token, 'x', 'observer');
    if ('grant' in sam) expect(callerOf(sam.grant, 'ws')).toMatchObject({ role: 'observer', actor: 'Zoe Park (zoe)' });
    expect(access.check(token, 'x', 'producer')).toEqual({ notHeld: expect.stringMatching(/does not open the Producer view.*Commerce, Customer service, Observer/) });
    expect(access.check(token, 'x', 'root')).toHaveProperty('notHeld');
    // A bootstrap token is one role, labelled as the station owner's.
    const boot = tokens.issued().find((t) => t.role === 'observer')!;
    expect(access.check(boot.token)).toMatchObject({ grant: { role: 'observer', label: 'Observer (station bootstrap key)', bootstrap: true } });
    expect(access.check(boot.token, 'x', 'producer')).toHaveProperty('notHeld');
  });

  it('names the person behind a bootstrap key when the show declares exactly one for its role, and never the environment variable', async () => {
    core = createTestCore();
    core.show.loadFile(DEMO_SHOW);
    const tokens = createTokenService({ secrets: createMemorySecretStore({}), envProducerToken: 'producer-token-for-tests' });
    const show = () => core.show.current()?.show ?? null;
    const access = createAccessCheck(tokens, core.people, show);
    const boot = access.check('producer-token-for-tests');
    // The demo show declares one producer: Maya Okafor.
    expect(boot).toMatchObject({ grant: { role: 'producer', label: 'Maya Okafor (maya) via Producer (station automation key)', bootstrap: true } });
    const producerKey = tokens.issued().find((t) => t.role === 'producer')!;
    expect(access.check(producerKey.token)).toMatchObject({ grant: { label: 'Maya Okafor (maya) via Producer (station bootstrap key)' } });
    // Two moderators: nobody can tell which one holds the key, so it is named as the key alone.
    const moderatorKey = tokens.issued().find((t) => t.role === 'moderator')!;
    expect(access.check(moderatorKey.token)).toMatchObject({ grant: { label: 'Moderator (station bootstrap key)' } });
    for (const t of tokens.issued()) {
      const g = access.check(t.token);
      if ('grant' in g) expect(g.grant.label).not.toMatch(/BATON_|TOKEN/);
    }
    if ('grant' in boot) expect(JSON.stringify(callerOf(boot.grant, 'ws'))).not.toContain('BATON_PRODUCER_TOKEN');
  });
});
