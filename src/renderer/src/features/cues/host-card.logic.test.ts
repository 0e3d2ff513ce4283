import { describe, expect, it } from 'vitest';
import type { CuesState, OfferView } from '../../../../shared/contract/index';
import { cardText, clocks, fitFontSize, mirrorFromQuery, offerBanners } from './host-card.logic';

const base: CuesState = {
  loaded: null,
  current: { id: 'cta.1', kind: 'cta', text: 'Buy now', segmentId: 'cta', segmentTitle: 'CTA' },
  next: null,
  index: 0,
  total: 2,
  armed: null,
  showStartedAt: null,
  segmentStartedAt: null,
  segmentPlannedSeconds: 60,
  override: null,
  changedAt: 5,
};
const offer = (state: OfferView['state'], intent: OfferView['intent'] = 'live') => ({ id: 'o', name: 'Kit', code: 'LIVEGLOW', state, intent }) as OfferView;

describe('host card', () => {
  it('shows the current cue, or the approved replacement when an offer changed', () => {
    expect(cardText(base)).toMatchObject({ text: 'Buy now', replaced: false, kind: 'cta' });
    const paused = { ...base, override: { reason: 'offer_paused' as const, offerId: 'o', offerName: 'Kit', cueId: 'p.1', text: 'Paused, hold on', since: 1 } };
    expect(cardText(paused)).toMatchObject({ text: 'Paused, hold on', replaced: true, kind: 'pause announcement' });
    expect(cardText({ ...base, current: null })).toBeNull();
    const bare = { ...base, override: { reason: 'cap_reached' as const, offerId: 'o', offerName: 'Kit', cueId: null, text: null, since: 1 } };
    expect(cardText(bare)).toMatchObject({ alarm: true, text: expect.stringMatching(/^CAP REACHED/) });
  });

  it('the card key changes when the cue changes or is fired again', () => {
    expect(cardText(base)?.key).not.toBe(cardText({ ...base, changedAt: 6 })?.key);
  });

  it('banner: red only once paused is confirmed; amber while pausing or failing; green when live', () => {
    expect(offerBanners(base, [offer('live')])).toEqual([{ level: 'green', text: 'Kit LIVE · LIVEGLOW' }]);
    expect(
      offerBanners(base, [offer('live'), { ...offer('live'), id: 'duo', name: 'Duo', code: 'DUO20' }]).map((b) => b.text),
    ).toEqual(['Kit LIVE · LIVEGLOW', 'Duo LIVE · DUO20']);
    expect(offerBanners(base, [offer('pausing', 'paused')])[0]?.level).toBe('amber');
    expect(offerBanners(base, [offer('error', 'paused')])[0]?.text).toMatch(/not confirmed/);
    const paused = { ...base, override: { reason: 'offer_paused' as const, offerId: 'o', offerName: 'Kit', cueId: null, text: null, since: 1 } };
    expect(offerBanners(paused, [offer('paused', 'paused')])).toEqual([{ level: 'red', text: 'OFFER PAUSED — do not read the CTA' }]);
  });

  it('segment clock counts down and goes negative past the plan', () => {
    const running = { ...base, showStartedAt: 0, segmentStartedAt: 10_000 };
    expect(clocks(running, 40_000)).toEqual({ show: 40_000, segment: 30_000, segmentOver: false, segmentPlanned: true });
    expect(clocks(running, 75_000)).toMatchObject({ segment: -5_000, segmentOver: true });
    expect(clocks({ ...running, segmentPlannedSeconds: null }, 75_000)).toMatchObject({ segment: 65_000, segmentOver: false, segmentPlanned: false });
    expect(clocks(base, 1)).toMatchObject({ show: null, segment: null });
  });

  it('fits the largest size that fits', () => {
    expect(fitFontSize((px) => px <= 77, 20, 200)).toBe(77);
    expect(fitFontSize(() => true, 20, 200)).toBe(200);
    expect(fitFontSize(() => false, 20, 200)).toBe(20);
  });

  it('mirror from the query', () => {
    expect([mirrorFromQuery('?mirror=1'), mirrorFromQuery('?x=1'), mirrorFromQuery('?mirror=true')]).toEqual([true, false, true]);
  });
});

describe('offerBanners: paused offers', () => {
  const cues0 = { override: null } as unknown as Parameters<typeof offerBanners>[0];
  const off = (id: string, name: string, state: string) => ({ id, name, code: id.toUpperCase(), state, intent: state === 'paused' ? 'paused' : 'live' }) as unknown as Parameters<typeof offerBanners>[1][number];
  it('says one paused offer in its own words and several in one banner', () => {
    expect(offerBanners(cues0, [off('a', 'Kit', 'paused'), off('b', 'Duo', 'live')])).toEqual([{ level: 'red', text: 'Kit PAUSED — do not read its CTA' }]);
    expect(offerBanners(cues0, [off('a', 'Kit', 'paused'), off('b', 'Duo', 'paused'), off('c', 'Trio', 'live')])).toEqual([{ level: 'red', text: 'Kit · Duo PAUSED — do not read their CTAs' }]);
  });
  it('leaves out the offers an emergency banner above already names, and the live list while one does', () => {
    const said = new Set(['b']);
    expect(offerBanners(cues0, [off('a', 'Kit', 'paused'), off('b', 'Duo', 'paused'), off('c', 'Trio', 'live')], said)).toEqual([{ level: 'red', text: 'Kit PAUSED — do not read its CTA' }]);
    expect(offerBanners(cues0, [off('b', 'Duo', 'paused'), off('c', 'Trio', 'live')], said)).toEqual([]);
    const override = { override: { reason: 'offer_paused', offerId: 'b', offerName: 'Duo', cueId: null, text: null, since: 1 } } as unknown as Parameters<typeof offerBanners>[0];
    expect(offerBanners(override, [off('b', 'Duo', 'paused')], said)).toEqual([]);
    expect(offerBanners(override, [off('b', 'Duo', 'paused')])).toEqual([{ level: 'red', text: 'OFFER PAUSED — do not read the CTA' }]);
  });
});
