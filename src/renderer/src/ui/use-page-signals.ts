// Puts the show's state where a producer sees it from another window or the task bar: the page
// title ("● ON AIR · 1 PAUSED — Producer") and a favicon drawn from the same state.
import { useEffect } from 'react';

export interface PageSignals {
  title: string;
  onAir: boolean;
  /** Red corner: an emergency; amber corner: an offer paused or pausing. */
  corner: 'red' | 'amber' | null;
}

/** The icon's corner from the show's state: an emergency outranks a paused offer. */
export function cornerOf(s: { emergencies: number; pausedOffers: number }): PageSignals['corner'] {
  return s.emergencies > 0 ? 'red' : s.pausedOffers > 0 ? 'amber' : null;
}

export function faviconSvg(s: Pick<PageSignals, 'onAir' | 'corner'>): string {
  const body = s.onAir ? '#f04438' : '#5b6472';
  const corner = s.corner === 'red' ? '#ffd400' : s.corner === 'amber' ? '#f5a524' : null;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="13" fill="${body}"/>` +
    (corner ? `<rect x="18" y="0" width="14" height="14" rx="3" fill="${corner}" stroke="#000" stroke-width="2"/>` : '') +
    '</svg>';
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export function usePageSignals(s: PageSignals): void {
  const href = faviconSvg(s);
  useEffect(() => {
    document.title = s.title;
  }, [s.title]);
  useEffect(() => {
    let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (!link) {
      link = document.createElement('link');
      link.rel = 'icon';
      document.head.appendChild(link);
    }
    link.type = 'image/svg+xml';
    link.href = href;
  }, [href]);
}
