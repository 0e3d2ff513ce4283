// A busy desk: the demo's comment set replayed with new ids at 2,000 comments a minute for five
// minutes (BATON_BUSY_MINUTES shortens it), and three moderators acting at human speed through
// the UI — one action every 3 s each: take the top comment of "All open", reply with the first
// approved macro. Demand signals close themselves and a reply answers its whole cluster, so the
// watched queues must not stay in overflow and at least 90 % of the comments that need a person
// must be answered within the show's SLA.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { CommentRecord } from '../../src/shared/contract/index';
import { test, expect } from './fixtures';

const MINUTES = Number(process.env.BATON_BUSY_MINUTES ?? 5);
const PER_MINUTE = 2_000;
const DEV_SET = readFileSync(resolve(import.meta.dirname, '../../resources/demo-show/comments.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { platform: string; lang: string; author: string; text: string });

test(`busy desk: ${PER_MINUTE} comments a minute for ${MINUTES} min, three moderators at one action per 3 s`, async ({ station, context }) => {
  test.setTimeout((MINUTES * 60 + 180) * 1000);
  // Only the replayed-with-new-ids stream: the demo's own replay source is stopped.
  expect((await station.api('comments.source', { id: 'rehearsal-chat', action: 'stop' })).status).toBe(200);
  const desks: Page[] = [];
  for (const name of ['Ana Reyes', 'Dewi Santoso', 'Tom Becker']) {
    const page = await station.openView(context, 'moderator', { query: `as=${encodeURIComponent(name)}` });
    await page.getByTestId('queue-all').click();
    desks.push(page);
  }

  const endAt = Date.now() + MINUTES * 60_000;
  let sent = 0;
  const feeder = (async () => {
    const perSecond = PER_MINUTE / 60;
    let n = 0;
    while (Date.now() < endAt) {
      const t0 = Date.now();
      const due = Math.round(((t0 - (endAt - MINUTES * 60_000)) / 1000) * perSecond) - sent;
      if (due > 0) {
        const batch = Array.from({ length: due }, () => {
          const d = DEV_SET[n % DEV_SET.length] as (typeof DEV_SET)[number];
          n += 1;
          return { platform: d.platform, id: `busy-${n}`, author: `${d.author}-${n}`, text: d.text, lang: d.lang };
        });
        const r = await station.api('comments.ingest', { comments: batch });
        expect(r.status).toBe(200);
        sent += due;
      }
      await new Promise((res) => setTimeout(res, 250));
    }
  })();

  let actions = 0;
  const moderator = async (page: Page, offsetMs: number) => {
    await page.waitForTimeout(offsetMs);
    while (Date.now() < endAt) {
      const t0 = Date.now();
      const row = page.getByTestId('comment-row').first();
      if (await row.count()) {
        await row.click();
        await page.keyboard.press('r');
        const picker = page.getByTestId('macro-picker');
        if (await picker.isVisible({ timeout: 1_000 }).catch(() => false)) {
          await page.keyboard.press('1');
          actions += 1;
        }
      }
      await page.waitForTimeout(Math.max(0, 3_000 - (Date.now() - t0)));
    }
  };
  await Promise.all([feeder, ...desks.map((p, i) => moderator(p, i * 1_000))]);

  // Every comment received, from the station itself.
  const all: CommentRecord[] = [];
  let after: string | undefined;
  for (;;) {
    const r = await station.api<{ comments: CommentRecord[] }>('comments.list', { limit: 5000, ...(after ? { after } : {}) });
    const page = r.body.result?.comments ?? [];
    all.push(...page);
    if (page.length < 5000) break;
    after = page[page.length - 1]?.id;
  }
  const busy = all.filter((c) => c.messageId.startsWith('busy-'));
  const sla = 60;
  // Needs a person: orders, questions and complaints that were not closed as demand on arrival.
  const needHuman = busy.filter((c) => ['order', 'question', 'complaint'].includes(c.intent) && !c.reasons[0]?.startsWith('demand signal'));
  // Only those old enough to have had their full SLA by the end.
  const judged = needHuman.filter((c) => c.receivedAt <= Date.now() - sla * 1000);
  const inSla = judged.filter((c) => c.status === 'answered' && c.responseSeconds !== null && c.responseSeconds <= sla);
  const demand = busy.filter((c) => c.reasons[0]?.startsWith('demand signal')).length;
  const body = (await (await fetch(`${station.url}/api/state`, { headers: { authorization: `Bearer ${station.tokens.producer}` } })).json()) as {
    state: { comments: { queues: { name: string; overflow: boolean; open: number; watched: boolean }[] } };
  };
  const overflowing = body.state.comments.queues.filter((q) => q.watched && q.overflow).map((q) => `${q.name} (${q.open})`);
  const pct = judged.length ? (inSla.length / judged.length) * 100 : 0;
  console.log(
    `busy desk: ${busy.length} comments in ${MINUTES} min; ${demand} demand signals closed on arrival; ${needHuman.length} need a person; ` +
      `${actions} moderator actions; ${inSla.length}/${judged.length} (${pct.toFixed(1)} %) answered within ${sla} s; watched queues in overflow at the end: ${overflowing.join(', ') || 'none'}`,
  );
  expect(busy.length).toBeGreaterThan(PER_MINUTE * MINUTES * 0.9);
  expect(overflowing).toEqual([]);
  expect(pct).toBeGreaterThanOrEqual(90);
});
