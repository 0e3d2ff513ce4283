// Drives one station through a show for HQ tests and the bench: commerce events with cent
// amounts, comments, an offer pause with a reason; every call goes through the station's dispatch.
import type { Core } from '../../src/core/core';
import { producer } from './test-core';

export async function simulateShowRound(core: Core, station: string, round: number): Promise<void> {
  const events = [
    { type: 'view', count: 40 + round, id: `${station}-v-${round}` },
    { type: 'add_to_cart', count: 7, id: `${station}-c-${round}` },
    { type: 'checkout', count: 3, id: `${station}-k-${round}` },
    { type: 'order', id: `${station}-o-${round}-a`, orderId: `${station}-o-${round}-a`, amount: 39.99, currency: 'USD' },
    { type: 'order', id: `${station}-o-${round}-b`, orderId: `${station}-o-${round}-b`, amount: 12.35 + round / 100, currency: 'USD' },
  ];
  const r = await core.dispatch('offer.ingest', { events }, producer);
  if (!r.ok) throw new Error(`offer.ingest failed: ${r.error.message}`);
  const comments = Array.from({ length: 5 }, (_, i) => ({ platform: 'tiktok', id: `${station}-${round}-${i}`, author: `viewer${i}`, text: i % 2 ? 'how much is the bundle?' : 'love it', lang: i % 3 ? 'en' : 'es' }));
  const c = await core.dispatch('comments.ingest', { comments }, producer);
  if (!c.ok) throw new Error(`comments.ingest failed: ${c.error.message}`);
}
