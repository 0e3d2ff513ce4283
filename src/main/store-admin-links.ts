// The store admin pages the station names (an offer's storeAdminUrl, the "store unreachable"
// banner's one action) are links the station produced: registered with the external-link gate so
// the Electron window opens them in the system browser, and nothing else a page asks for.
import type { ServerMessage } from '../shared/contract/messages';
import type { OfferView } from '../shared/contract/index';
import type { ExternalLinks } from './external-links';

export interface OffersSource {
  snapshot(): { state: { offers: { items: readonly OfferView[] } } };
  subscribe(listener: (message: ServerMessage) => void): () => void;
}

/** Permits every offer's admin page now and as shows load; returns the unsubscribe. */
export function permitStoreAdminLinks(core: OffersSource, links: Pick<ExternalLinks, 'permit'>): () => void {
  const permitAll = (items: readonly OfferView[]) => {
    for (const o of items) if (o.storeAdminUrl) links.permit(o.storeAdminUrl);
  };
  permitAll(core.snapshot().state.offers.items);
  return core.subscribe((m) => {
    if (m.t === 'patch' && m.domain === 'offers') permitAll(m.value.items);
  });
}
