import { describe, expect, it } from 'vitest';
import type { OfferView, StationState } from '../shared/contract/index';
import { T0, freshState, offerView } from '../../test/support/state-fixtures';
import { clockText, diffFeed, isEmptyDiff, keyPart, projectDeviceFeed } from './device-feed';

const base = (): StationState => freshState();
const offer = (over: Partial<OfferView>): OfferView => offerView({ orders: 12, cap: { orders: 200, bonus: 'pouch', reached: false, reachedAt: null, bonusRemoval: null }, ...over });

describe('device feed projection', () => {
  it('flattens a quiet station into plain values', () => {
    const m = projectDeviceFeed(base(), T0);
    expect(m['obs.link']).toBe('disconnected');
    expect(m['stream.health']).toBe('unknown');
    expect(m['onair']).toBe(false);
    expect(m['show.clock']).toBe('00:00');
    expect(m['cue.current']).toBeNull();
    expect(m['queue.overflow']).toBe(false);
    expect(m['offers']).toBe('');
    for (const v of Object.values(m)) expect(['string', 'number', 'boolean'].includes(typeof v) || v === null).toBe(true);
  });

  it('shows the clock, the segment time left (negative when over) and a one-line cue', () => {
    const s = base();
    s.cues = {
      ...s.cues,
      showStartedAt: T0 - 3_725_000,
      segmentStartedAt: T0 - 70_000,
      segmentPlannedSeconds: 60,
      current: { id: 'a.1', kind: 'cta', text: 'Tap   the\npinned product', segmentId: 'a', segmentTitle: 'Offer' },
      index: 2,
      total: 9,
    };
    const m = projectDeviceFeed(s, T0);
    expect(m['show.clock']).toBe('1:02:05');
    expect(m['segment.left']).toBe('-00:10');
    expect(m['segment.over']).toBe(true);
    expect(m['segment.leftSeconds']).toBe(-10);
    expect(m['cue.current']).toBe('Tap the pinned product');
    expect(m['cue.position']).toBe('3/9');
    expect(m['segment.title']).toBe('Offer');
  });

  it('shows the approved override text instead of the cue while an offer is paused', () => {
    const s = base();
    s.cues = {
      ...s.cues,
      current: { id: 'a.1', kind: 'cta', text: 'Buy now', segmentId: 'a', segmentTitle: 'Offer' },
      override: {
        reason: 'offer_paused',
        offerId: 'glow-kit',
        offerName: 'Glow Kit',
        cueId: 'a.9',
        text: 'Back in a moment',
        since: T0,
      },
    };
    expect(projectDeviceFeed(s, T0)['cue.current']).toBe('Back in a moment');
  });

  it('keys offers by a safe id and reports on-air, health and overflow', () => {
    const s = base();
    s.offers = { items: [offer({ id: 'glow kit/1', state: 'paused' })], firings: [] };
    s.obs = {
      ...s.obs,
      link: 'connected',
      stream: { ...s.obs.stream, phase: 'live' },
      health: { ...s.obs.health, level: 'amber' },
    };
    s.comments = {
      ...s.comments,
      queues: s.comments.queues.map((q) => (q.name === s.comments.queues[0]!.name ? { ...q, overflow: true, open: 60 } : q)),
    };
    const m = projectDeviceFeed(s, T0);
    expect(m['offer.glow_kit_1.state']).toBe('paused');
    expect(m['offer.glow_kit_1.orders']).toBe(12);
    expect(m['offer.glow_kit_1.cap']).toBe(200);
    expect(m['onair']).toBe(true);
    expect(m['stream.health']).toBe('amber');
    expect(m['queue.overflow']).toBe(true);
    expect(m['queue.open']).toBe(60);
  });

  it('diffs to the changed keys only, and lists removed keys', () => {
    const a = { x: 1, y: 'a', z: null };
    expect(isEmptyDiff(diffFeed(a, { ...a }))).toBe(true);
    expect(diffFeed(a, { x: 2, y: 'a', z: null, w: false })).toEqual({ values: { x: 2, w: false }, removed: [] });
    expect(diffFeed(a, { x: 1, z: null })).toEqual({ values: {}, removed: ['y'] });
  });

  it('formats clocks and key parts', () => {
    expect(clockText(0)).toBe('00:00');
    expect(clockText(59_999)).toBe('00:59');
    expect(clockText(-61_000)).toBe('-01:01');
    expect(keyPart('a.b c')).toBe('a_b_c');
  });

  it('carries the offer window countdown, its problem and the talkback read state', () => {
    const s = base();
    s.offers = { items: [offer({})], firings: [] };
    const w = { offerId: 'glow-kit', offerName: 'Glow Kit', openedAt: T0, openedBy: 'Ana', endsAt: T0 + 90_500, phase: 'open' as const, endReason: null, endedAt: null, problem: null, cta: null, marks: [], changes: [] };
    s.onair = { ...s.onair, windows: [w], talkback: { current: { id: 't1', preset: 'wrap_30s', text: 'WRAP UP — 30 SECONDS', sentAt: T0, sentBy: 'Ana', ackAt: null, ackBy: null }, history: [] } };
    const m = projectDeviceFeed(s, T0);
    expect(m['offer.glow-kit.window']).toBe('open');
    expect(m['offer.glow-kit.windowLeft']).toBe('01:30');
    expect(m['window.left']).toBe('01:30');
    expect(m['window.leftSeconds']).toBe(91);
    expect(m['talkback.read']).toBe(false);
    s.onair = { ...s.onair, windows: [{ ...w, phase: 'ending', problem: 'ending — store unreachable' }] };
    const e = projectDeviceFeed(s, T0 + 91_000);
    expect(e['window.phase']).toBe('ending');
    expect(e['window.left']).toBeNull();
    expect(e['window.problem']).toBe('ending — store unreachable');
  });
});
