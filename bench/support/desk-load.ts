// The moderator benches' load (moderator.bench, moderator-ab, moderator-profile): the demo station with its
// replayed chat stopped, filled with 100,000 distinct comments (a number each, so every comment stays its own
// row), and a live load of 2,000 comments/s for 5 s. One place, so the three benches measure the same desk.
import type { Page } from '@playwright/test';
import type { Station } from '../../src/station/station';

export const DESK_TOTAL = 100_000;
const SYSTEM = { actor: 'bench', role: 'producer' as const, via: 'test' as const };
// Distinct questions and chatter in the show's four languages.
const TEXTS = ['how much is shipping to Lima?', 'hi from Jakarta', 'ada warna nude kak?', '¿el sérum sirve para piel grasa?', 'is the kit vegan?', 'o sérum tem cheiro?'];

export interface DeskLoad {
  /** The moderator's token, for the desk's URL. */
  token: string;
  /** Ingest `count` new comments in one batch. */
  ingest(count: number): Promise<void>;
  /** Ingest DESK_TOTAL comments, 1,000 a batch. */
  fill(): Promise<void>;
  /** How many comments the desk's "all" queue counts. */
  deskTotal(): Promise<number>;
  /** 2,000 comments/s for 5 s: batches of 100 every 50 ms, paced from the start. */
  liveLoad(): Promise<void>;
  /** How many comments this load has ingested so far. */
  ingested(): number;
  /** On an open desk page: pick the "all" queue and wait until it lists the whole desk and shows its first row. */
  showAll(page: Page): Promise<number>;
}

export async function prepareDeskLoad(station: Station): Promise<DeskLoad> {
  const { core } = station;
  const stopped = await core.dispatch('comments.source', { id: 'rehearsal-chat', action: 'stop' }, SYSTEM);
  if (!stopped.ok) throw new Error(stopped.error.message);
  const token = station.tokens.issued().find((t) => t.role === 'moderator')?.token;
  if (!token) throw new Error('no moderator token');
  let n = 0;
  const ingest = async (count: number): Promise<void> => {
    const comments = Array.from({ length: count }, () => {
      const i = n++;
      return { platform: 'load', id: String(i), author: `viewer${i % 997}`, text: `${TEXTS[i % TEXTS.length]} ${i}` };
    });
    const r = await core.dispatch('comments.ingest', { comments }, SYSTEM);
    if (!r.ok) throw new Error(r.error.message);
  };
  const deskTotal = async (): Promise<number> => {
    const r = await core.dispatch('comments.desk', { filter: { queue: 'all' }, limit: 1 }, SYSTEM);
    if (!r.ok) throw new Error(r.error.message);
    return (r.result as { total: number }).total;
  };
  return {
    token,
    ingest,
    deskTotal,
    async showAll(page) {
      await page.getByTestId('queue-all').click();
      const total = await deskTotal();
      await page.getByTestId('list-count').filter({ hasText: `${total.toLocaleString('en-US')} shown` }).waitFor({ timeout: 120_000 });
      await page.getByTestId('comment-row').first().waitFor();
      return total;
    },
    ingested: () => n,
    async fill() {
      for (let b = 0; b < DESK_TOTAL / 1000; b++) await ingest(1000);
    },
    async liveLoad() {
      const liveStart = performance.now();
      for (let i = 0; i < 100; i++) {
        await ingest(100);
        const wait = liveStart + (i + 1) * 50 - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    },
  };
}
