import { describe, expect, it } from 'vitest';
import { cornerOf, faviconSvg } from './use-page-signals';

/** The icon's drawing, decoded: the circle's colour and the corner's, if any. */
function drawn(href: string): { body: string | null; corner: string | null } {
  expect(href).toMatch(/^data:image\/svg\+xml,/);
  const svg = decodeURIComponent(href.slice('data:image/svg+xml,'.length));
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*<\/svg>$/);
  return { body: /<circle [^>]*fill="([^"]+)"/.exec(svg)?.[1] ?? null, corner: /<rect [^>]*fill="([^"]+)"/.exec(svg)?.[1] ?? null };
}

describe('the favicon carries the show’s state to the task bar', () => {
  it('on air is a red dot, off air a grey one', () => {
    expect(drawn(faviconSvg({ onAir: true, corner: null }))).toEqual({ body: '#f04438', corner: null });
    expect(drawn(faviconSvg({ onAir: false, corner: null }))).toEqual({ body: '#5b6472', corner: null });
  });

  it('an emergency puts a yellow corner on it, a paused offer an amber one, whether on air or not', () => {
    for (const onAir of [true, false]) {
      expect(drawn(faviconSvg({ onAir, corner: 'red' })).corner).toBe('#ffd400');
      expect(drawn(faviconSvg({ onAir, corner: 'amber' })).corner).toBe('#f5a524');
    }
  });

  it('every state is its own icon: a change of state changes the icon', () => {
    const icons = new Set<string>();
    for (const onAir of [true, false]) for (const corner of ['red', 'amber', null] as const) icons.add(faviconSvg({ onAir, corner }));
    expect(icons.size).toBe(6);
  });

  it('the corner: an emergency outranks a paused offer; nothing wrong is no corner', () => {
    expect(cornerOf({ emergencies: 0, pausedOffers: 0 })).toBeNull();
    expect(cornerOf({ emergencies: 0, pausedOffers: 2 })).toBe('amber');
    expect(cornerOf({ emergencies: 1, pausedOffers: 0 })).toBe('red');
    expect(cornerOf({ emergencies: 1, pausedOffers: 3 })).toBe('red');
  });
});
