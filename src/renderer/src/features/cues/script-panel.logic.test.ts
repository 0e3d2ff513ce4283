import { describe, expect, it } from 'vitest';
import type { ClaimViolation, ScriptVersionSummary } from '../../../../shared/contract/index';
import type { Show } from '../../../../shared/show/show.schema';
import { approvers, collapseUnchanged, defaultDiffBase, highlight, reviewHeadline, versionStatus } from './script-panel.logic';

const v = (patch: Partial<ScriptVersionSummary>): ScriptVersionSummary =>
  ({ id: 'x', status: 'draft', dueAt: null, approval: null, returned: null, ...patch }) as ScriptVersionSummary;
const hit = (start: number, end: number): ClaimViolation => ({ start, end, text: '', kind: 'price', reason: 'r' });

describe('script panel', () => {
  it('status: overdue turns red once the due time passed', () => {
    expect(versionStatus(v({ status: 'in_review', dueAt: 100 }), 50)).toMatchObject({ level: 'amber', overdue: false });
    expect(versionStatus(v({ status: 'in_review', dueAt: 100 }), 150)).toMatchObject({ level: 'red', text: 'OVERDUE', overdue: true });
    expect(versionStatus(v({ status: 'draft' }), 0).text).toBe('DRAFT');
  });
  it('only legal, brand and producer people may sign, legal first', () => {
    const show = { people: [{ id: 'l', name: 'Leo', role: 'host' }, { id: 'm', name: 'Maya', role: 'producer' }, { id: 'p', name: 'Priya', role: 'legal' }] } as Show;
    expect(approvers(show).map((a) => a.id)).toEqual(['p', 'm']);
  });
  it('splits text around hits', () => {
    const pieces = highlight('only $29 today', [hit(5, 8)]);
    expect(pieces.map((p) => [p.text, p.hit !== null])).toEqual([['only ', false], ['$29', true], [' today', false]]);
    expect(highlight('abc', [])).toEqual([{ text: 'abc', hit: null }]);
  });
  it('diffs against the live version, else the previous one', () => {
    const list = [v({ id: 'v3' }), v({ id: 'v2' }), v({ id: 'v1' })];
    expect(defaultDiffBase(list, 'v3', 'v1')).toBe('v1');
    expect(defaultDiffBase(list, 'v1', 'v1')).toBeNull();
    expect(defaultDiffBase(list, 'v3', null)).toBe('v2');
  });
});

describe('approved versions', () => {
  it('an approval someone recorded is badged RECORDED; the approver’s own is APPROVED', () => {
    const approval = { versionId: 'x', hash: 'a', approver: 'Priya Shah', role: 'legal', at: 0, note: 'n', recordedBy: 'p', source: 'station' as const };
    expect(versionStatus(v({ status: 'approved', approval: { ...approval, via: 'paper' } }), 0).text).toBe('RECORDED · Priya Shah');
    expect(versionStatus(v({ status: 'approved', approval: { ...approval, via: 'signoff-link' } }), 0).text).toBe('APPROVED · Priya Shah');
  });
});

describe('review evidence', () => {
  it('says what the review compares with, what changed and how many flags', () => {
    expect(reviewHeadline({ against: { number: 1, shortHash: 'ab12cd34', approver: 'Priya Shah' }, added: 2, removed: 1, flagged: 1 })).toBe(
      'Changes since v1 (ab12cd34, approved by Priya Shah) · +2 −1 · 1 compliance flag',
    );
    expect(reviewHeadline({ against: null, added: 9, removed: 0, flagged: 0 })).toBe('Nothing approved yet: every line is new · +9 −0 · no compliance flags');
  });

  it('keeps changes with two lines of context and counts the unchanged runs', () => {
    const same = { op: 'same' as const };
    const lines = [same, same, same, same, { op: 'del' as const }, { op: 'add' as const }, same, same, same, same, same];
    expect(collapseUnchanged(lines)).toEqual([{ skipped: 2 }, same, same, { op: 'del' }, { op: 'add' }, same, same, { skipped: 3 }]);
    expect(collapseUnchanged([same, same])).toEqual([{ skipped: 2 }]);
    expect(collapseUnchanged([])).toEqual([]);
  });
});
