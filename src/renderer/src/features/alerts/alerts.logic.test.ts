import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../../shared/contract/index';
import { openAlerts, orderedAlerts, raiseMarks } from './alerts.logic';

const a = (id: string, level: Alert['level'], updatedAt: number, acked = false): Alert => ({
  id, level, source: 'obs', key: id, message: id, raisedAt: updatedAt, updatedAt, clearedAt: null,
  ackedBy: acked ? 'x' : null, ackedAt: acked ? 1 : null, count: 1, raises: [updatedAt], clearedBy: null, quiet: false,
});

describe('openAlerts', () => {
  it('puts critical first, hides acknowledged', () => {
    const out = openAlerts([a('w', 'warn', 5), a('c', 'critical', 1), a('i', 'info', 9), a('k', 'critical', 9, true)]);
    expect(out.map((x) => x.id)).toEqual(['c', 'w', 'i']);
  });
});

describe('orderedAlerts and raiseMarks', () => {
  it('puts what needs a person first, quiet ones next, then what is over or acknowledged', () => {
    const open = a('open', 'warn', 5);
    const crit = a('crit', 'critical', 1);
    const quiet = { ...a('quiet', 'warn', 9), quiet: true };
    const over = { ...a('over', 'critical', 10), clearedAt: 11 };
    const acked = a('acked', 'critical', 12, true);
    expect(orderedAlerts([over, quiet, open, acked, crit]).map((x) => x.id)).toEqual(['crit', 'open', 'quiet', 'acked', 'over']);
  });

  it('marks each raise inside the window from 0 (oldest) to 1 (now)', () => {
    expect(raiseMarks([0, 300_000, 600_000, 700_000], 600_000)).toEqual([0, 0.5, 1]);
  });
});
