import { describe, expect, it } from 'vitest';
import type { PreflightCheck } from '../../../../shared/contract/index';
import { planGo } from './showday.logic';

const c = (id: string, status: PreflightCheck['status']): PreflightCheck => ({ id, label: id, kind: 'auto', status, detail: '', checkedAt: null, checkedBy: null });

describe('planGo', () => {
  it('asks for a reason for each failing or pending check, not for warnings', () => {
    const p = planGo([c('a', 'fail'), c('b', 'pending'), c('w', 'warn'), c('ok', 'pass')], { a: 'camera two is the backup' , b: 'short' });
    expect(p.blocking.map((x) => x.id)).toEqual(['a', 'b']);
    expect(p.overrides).toEqual([{ checkId: 'a', reason: 'camera two is the backup' }]);
    expect(p.missing.map((x) => x.id)).toEqual(['b']);
  });
});
