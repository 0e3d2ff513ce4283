// A patch is redacted once per role and shared; each role still gets its own redaction.
import { describe, expect, it } from 'vitest';
import type { Patch } from '../../shared/contract/index';
import { domainView } from '../../shared/contract/role-policy';
import { createRoleViews } from './role-views';
import { initialState } from '../../core/state/initial-state';

describe('role views', () => {
  it('shares one view per role and matches the policy’s own redaction', () => {
    const state = initialState({ version: 't', startedAt: 0, mode: 'headless', url: 'http://127.0.0.1:1', lan: false, dataDir: '/d', views: { producer: 0, host: 0, moderator: 0, approver: 0, commerce: 0, 'customer-service': 0, observer: 0 } });
    const patch = { t: 'patch', rev: 3, domain: 'obs', value: { ...state.obs, url: 'ws://10.0.0.5:4455', linkError: 'auth failed for ws://10.0.0.5:4455' } } as Patch;
    const views = createRoleViews();
    const host1 = views.of('host', patch);
    expect(views.of('host', patch)).toBe(host1);
    expect(host1).toEqual(domainView('host', 'obs', patch.value as typeof state.obs));
    expect(JSON.stringify(host1)).not.toContain('10.0.0.5');
    expect(views.of('producer', patch)).toBe(patch.value);
    const next = { ...patch, rev: 4 } as Patch;
    expect(views.of('host', next)).not.toBe(host1);
  });
});
