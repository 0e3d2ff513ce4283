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
    if ('grant' in boot) expect(callerOf(boot.grant, 'http')).toMatchObject({ device: 'producer (BATON_PRODUCER_TOKEN)', via: 'http' });

    const r = await core.dispatch('people.invite', { personId: 'ana' }, producer);
    const token = r.ok ? new URL(r.result.link).searchParams.get('token')! : '';
    const ana = access.check(token, '10.1.1.1');
    expect(ana).toEqual({ grant: { role: 'moderator', label: 'Ana Reyes (ana)', key: 'person:ana', personId: 'ana', name: 'Ana Reyes', bootstrap: false } });
    if ('grant' in ana) expect(callerOf(ana.grant, 'ws')).toEqual({ actor: 'Ana Reyes (ana)', role: 'moderator', via: 'ws', personId: 'ana', name: 'Ana Reyes' });

    expect(access.check(null)).toEqual({ refused: 'missing' });
    expect(access.check('nope')).toEqual({ refused: 'malformed' });
    await core.dispatch('people.revoke', { personId: 'ana' }, producer);
    expect(access.check(token)).toEqual({ refused: 'revoked' });
    expect(refusalMessage('revoked')).toMatch(/revoked/);
    expect(refusalMessage('expired')).not.toContain(token);
  });
});
