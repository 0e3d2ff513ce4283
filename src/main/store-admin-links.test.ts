import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../shared/contract/messages';
import type { OfferView } from '../shared/contract/index';
import { createExternalLinks } from './external-links';
import { permitStoreAdminLinks } from './store-admin-links';

const offer = (id: string, storeAdminUrl: string | null) => ({ id, storeAdminUrl }) as OfferView;

describe('store admin links', () => {
  it('the "store unreachable" action opens the offer’s admin page in the system browser; other links stay refused', async () => {
    const opened: string[] = [];
    const links = createExternalLinks({ openExternal: async (url) => void opened.push(url), warn: () => undefined });
    let listener: ((m: ServerMessage) => void) | null = null;
    const core = {
      snapshot: () => ({ state: { offers: { items: [offer('a', 'https://shop.example/admin/marketing/promotions/1'), offer('b', null)] } } }),
      subscribe: (l: (m: ServerMessage) => void) => ((listener = l), () => undefined),
    };
    permitStoreAdminLinks(core, links);
    expect(await links.open('https://shop.example/admin/marketing/promotions/1')).toEqual({ opened: true });
    expect(await links.open('https://shop.example/admin/discounts/9')).toMatchObject({ opened: false });
    // A show loaded later names another store: its page is permitted as the offers change.
    listener!({ t: 'patch', domain: 'offers', value: { items: [offer('c', 'https://glow.myshopify.com/admin/discounts/9')], firings: [] } } as unknown as ServerMessage);
    expect(await links.open('https://glow.myshopify.com/admin/discounts/9')).toEqual({ opened: true });
    expect(opened).toEqual(['https://shop.example/admin/marketing/promotions/1', 'https://glow.myshopify.com/admin/discounts/9']);
  });
});
