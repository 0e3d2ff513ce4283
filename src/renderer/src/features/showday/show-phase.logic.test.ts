import { describe, expect, it } from 'vitest';
import { showPhase } from './show-phase.logic';

const fmt = (ms: number) => `t${ms}`;

describe('showPhase', () => {
  it('says preflight only while the show clock is stopped and nobody pressed GO', () => {
    expect(showPhase({ phase: 'preflight', go: null }, { showStartedAt: null }, fmt)).toEqual({ key: 'preflight', label: 'preflight', detail: 'show clock not started', level: 'unknown' });
    expect(showPhase(null, null, fmt).key).toBe('preflight');
  });

  it('says the clock runs before GO, as the producer console does', () => {
    expect(showPhase({ phase: 'preflight', go: null }, { showStartedAt: 5 }, fmt)).toEqual({ key: 'clock-no-go', label: 'clock running · no GO yet', detail: 'show clock since t5', level: 'amber' });
  });

  it('says live with the GO time, and ended', () => {
    expect(showPhase({ phase: 'live', go: { at: 9 } }, { showStartedAt: 5 }, fmt)).toEqual({ key: 'live', label: 'live', detail: 'GO at t9', level: 'green' });
    expect(showPhase({ phase: 'ended', go: { at: 9 } }, { showStartedAt: 5 }, fmt)).toMatchObject({ key: 'ended', label: 'ended' });
  });
});
