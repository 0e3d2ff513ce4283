import { describe, expect, it } from 'vitest';
import type { ClaimViolation, ScriptVersionSummary } from '../../../../shared/contract/index';
import type { Show } from '../../../../shared/show/show.schema';
import { approvers, defaultDiffBase, highlight, versionStatus } from './script-panel.logic';

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
