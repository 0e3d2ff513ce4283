import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../../shared/contract/index';
import { openAlerts } from './alerts.logic';

const a = (id: string, level: Alert['level'], updatedAt: number, acked = false): Alert => ({
  id, level, source: 'obs', key: id, message: id, raisedAt: updatedAt, updatedAt, clearedAt: null,
  ackedBy: acked ? 'x' : null, ackedAt: acked ? 1 : null,
});

describe('openAlerts', () => {
  it('puts critical first, hides acknowledged', () => {
    const out = openAlerts([a('w', 'warn', 5), a('c', 'critical', 1), a('i', 'info', 9), a('k', 'critical', 9, true)]);
    expect(out.map((x) => x.id)).toEqual(['c', 'w', 'i']);
  });
});
