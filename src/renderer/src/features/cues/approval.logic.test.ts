import { describe, expect, it } from 'vitest';
import type { Approval } from '../../../../shared/contract/index';
import { approvalCredit } from './approval.logic';

const base: Approval = { versionId: 's/v2', hash: 'a'.repeat(64), approver: 'Priya Shah', role: 'legal', at: 0, note: 'ok', recordedBy: 'producer (default)', source: 'station', via: 'email' };
const at = () => '3 Dec';

describe('approvalCredit', () => {
  it('an approval given elsewhere reads "recorded by …" with its channel, never as the approver’s own', () => {
    const c = approvalCredit(base, at);
    expect(c).toMatchObject({ own: false, badge: 'RECORDED' });
    expect(c.line).toBe('Approval of Priya Shah (legal), given by email — recorded by producer (default) on 3 Dec');
    expect(c.short).toBe('Priya Shah’s approval recorded by producer (default)');
    expect(approvalCredit({ ...base, via: 'in-person' }, at).line).toContain('given by in person');
    expect(approvalCredit({ ...base, via: null }, at).line).toContain('given outside Baton — recorded by producer (default)');
  });

  it('the approver’s own link is theirs; a show file says so', () => {
    expect(approvalCredit({ ...base, via: 'signoff-link', recordedBy: 'Priya Shah (own sign-off link)' }, at)).toMatchObject({
      own: true,
      badge: 'SIGNED',
      line: 'Signed by Priya Shah (legal) through their own sign-off link on 3 Dec',
      short: 'approved by Priya Shah (legal)',
    });
    expect(approvalCredit({ ...base, source: 'show-file', via: null }, at)).toMatchObject({ own: false, badge: 'SHOW FILE', short: 'approved by Priya Shah (legal) · sign-off from show file' });
  });
});
