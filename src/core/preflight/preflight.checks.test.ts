import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { showSchema } from '../../shared/show/show.schema';
import { initialState } from '../state/initial-state';
import { evaluatePreflight } from './preflight.checks';
import type { StationState } from '../../shared/contract/index';

const show = showSchema.parse(JSON.parse(readFileSync('resources/demo-show/show.json', 'utf8')));
const base = (): StationState =>
  initialState({ version: 't', startedAt: 0, mode: 'headless', url: '', lan: false, dataDir: ':memory:', views: { producer: 1, host: 0, moderator: 0 } });

describe('preflight', () => {
  it('is no-go on a fresh station: nothing is connected or loaded', () => {
    const p = evaluatePreflight(show, base(), new Map(), 0, null);
    expect(p.verdict).toBe('no-go');
    expect(p.checks.find((c) => c.id === 'obs-link')).toMatchObject({ status: 'fail' });
    expect(p.checks.find((c) => c.id === 'script-approved')).toMatchObject({ status: 'fail' });
    expect(p.checks.find((c) => c.id === 'host-card')).toMatchObject({ status: 'fail' });
    expect(p.checks.find((c) => c.id === 'stock-counted')).toMatchObject({ status: 'pending', kind: 'manual' });
  });

  it('passes OBS only when linked, resynced and with scenes', () => {
    const s = base();
    s.obs = { ...s.obs, link: 'connected', synced: false, scenes: ['Intro'] };
    expect(evaluatePreflight(show, s, new Map(), 0, null).checks.find((c) => c.id === 'obs-link')?.status).toBe('pending');
    s.obs = { ...s.obs, synced: true, programScene: 'Intro' };
    expect(evaluatePreflight(show, s, new Map(), 0, null).checks.find((c) => c.id === 'obs-link')?.status).toBe('pass');
  });

  it('counts a manual item only when ticked, and names who ticked it', () => {
    const ticks = new Map([['stock-counted', { done: true, by: 'Sam (commerce)', at: 5 }]]);
    const c = evaluatePreflight(show, base(), ticks, 0, null).checks.find((x) => x.id === 'stock-counted');
    expect(c).toMatchObject({ status: 'pass', checkedBy: 'Sam (commerce)' });
  });

  it('fails an unknown automatic check instead of passing it', () => {
    const odd = { ...show, checklist: [{ id: 'x', label: 'X', kind: 'auto' as const, check: 'lights.on' }] };
    const p = evaluatePreflight(odd, base(), new Map(), 0, null);
    expect(p.checks[0]).toMatchObject({ status: 'fail' });
    expect(p.checks[0]?.detail).toContain('unknown check');
  });

  it('is go when every item passes', () => {
    const only = { ...show, checklist: [{ id: 'host', label: 'Host card', kind: 'auto' as const, check: 'views.host' }] };
    const s = base();
    s.station = { ...s.station, views: { producer: 1, host: 1, moderator: 0 } };
    expect(evaluatePreflight(only, s, new Map(), 0, null).verdict).toBe('go');
  });
});
