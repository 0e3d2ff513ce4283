import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../../shared/contract/index';
import { emergenciesWithoutAlert, openAlerts, orderedAlerts, raiseMarks } from './alerts.logic';
import { alertCounts } from '../status/status-bar.logic';

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

describe('emergenciesWithoutAlert', () => {
  const link = { ...a('l', 'critical', 1), key: 'obs.link' };
  const offerRule = { ...a('r', 'critical', 2), key: 'offers.trigger.serum.store_5xx', source: 'offers' };
  const warn = { ...a('w', 'warn', 3), key: 'comments.checkout' };
  const em = (kind: 'obs-link-lost' | 'offer-rule-paused' | 'station-lost', id: string = kind) => ({ id, kind });

  it('lists an emergency no open alert stands for, and not one an open alert already shows', () => {
    const emergencies = [em('obs-link-lost'), em('offer-rule-paused', 'offer-rule-paused-serum')];
    expect(emergenciesWithoutAlert(emergencies, [offerRule, warn]).map((e) => e.id)).toEqual(['obs-link-lost']);
    expect(emergenciesWithoutAlert(emergencies, [link, offerRule])).toEqual([]);
    // Acknowledged or ended, the alert no longer stands for the emergency: the emergency is listed.
    expect(emergenciesWithoutAlert(emergencies, [{ ...link, ackedAt: 5, ackedBy: 'p' }, offerRule]).map((e) => e.id)).toEqual(['obs-link-lost']);
    expect(emergenciesWithoutAlert([em('station-lost')], [link]).map((e) => e.id)).toEqual(['station-lost']);
  });

  it("gives the panel as many rows that need a person as the status bar's counts (the busy show of the README)", () => {
    const emergencies = [em('obs-link-lost'), em('offer-rule-paused', 'offer-rule-paused-serum')];
    const items = [offerRule, warn];
    const c = alertCounts(items, emergencies);
    const rows = emergenciesWithoutAlert(emergencies, items).length + openAlerts(items).length;
    expect(rows).toBe(c.critical + c.warn + c.info);
    expect(rows).toBe(3);
  });
});
