// Answering one big work item (a bot flood of one text) is done in steps of GROUP_STEP members, each
// one synchronous step of the station (group-answer.steps.test.ts shows the loop turns between them).
// Its work must be one pass over the members — each comment read once, written once, audited once —
// and the views' summary marked out of date once per step (and once when the item is let go), not
// once per comment. Counted, not timed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestClock, createTestCore, DEMO_SHOW, moderator, producer } from '../../../test/support/test-core';
import type { Core } from '../core';
import { createDefaultCommentsPorts } from './comments.default-ports';
import { GROUP_STEP } from './group-work';
import type { CommentsPorts } from './comments.ports';

const cores: Core[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of cores.splice(0)) await c.close();
});

function boot(): Core {
  const real = createDefaultCommentsPorts();
  const ports: CommentsPorts = {
    ...real,
    sources: { ...real.sources, replay: () => ({ id: 'rehearsal-chat', kind: 'replay', start() {}, stop: async () => {}, health: () => ({ id: 'rehearsal-chat', kind: 'replay', label: 'off', status: 'stopped', detail: null, lastMessageAt: null, received: 0, rehearsal: true, canReply: false }) }) },
  };
  const core = createTestCore({ clock: createTestClock(), ports: { comments: ports } });
  cores.push(core);
  core.show.loadFile(DEMO_SHOW);
  return core;
}

/** A flood of one question: `n` viewers, one work item. Returns its id. */
async function flood(core: Core, n: number): Promise<string> {
  const comments = Array.from({ length: n }, (_, i) => ({ platform: 'tiktok', id: `f${i}`, author: `bot-${i}`, text: 'Aceita PIX?', lang: 'pt' }));
  const r = await core.dispatch('comments.ingest', { comments }, producer);
  if (!r.ok) throw new Error(r.error.message);
  const w = await core.dispatch('comments.desk', { filter: { queue: 'all' }, limit: 5 }, moderator);
  if (!w.ok) throw new Error(w.error.message);
  const item = w.result.items.find((i) => i.size === n);
  if (!item) throw new Error('no single work item for the flood');
  return item.id;
}

/** What one command costs, counted: comment rows read by id, summary invalidations, audit rows appended. */
async function cost(core: Core, run: () => Promise<unknown>) {
  let rowsRead = 0;
  // Every statement shares one prototype: counting there sees statements prepared before this command too.
  const proto = Object.getPrototypeOf(core.db.prepare('SELECT 1')) as { all(this: { source: string }, ...params: unknown[]): unknown[] };
  const all = proto.all;
  vi.spyOn(proto, 'all').mockImplementation(function (this: { source: string }, ...params: unknown[]) {
    if (/FROM comments WHERE id IN/.test(this.source)) rowsRead += params.length;
    return all.apply(this, params);
  });
  const invalidate = vi.spyOn(core.state, 'invalidate');
  const before = core.audit.count();
  await run();
  const summaryInvalidations = invalidate.mock.calls.filter(([domain]) => domain === 'comments').length;
  vi.restoreAllMocks();
  return { rowsRead, summaryInvalidations, auditRows: core.audit.count() - before };
}

describe('answering a flooded work item', () => {
  it.each([
    ['cluster.answer', 300],
    ['cluster.answer', 600],
    ['comments.bulk', 300],
    ['comments.bulk', 600],
  ] as const)('%s over %i comments: each read once, one summary change per step, every comment answered and audited', async (command, n) => {
    const core = boot();
    const clusterId = await flood(core, n);
    const c = await cost(core, async () => {
      const r =
        command === 'cluster.answer'
          ? await core.dispatch('cluster.answer', { clusterId, macroId: 'shipping', by: 'Ana' }, moderator)
          : await core.dispatch('comments.bulk', { clusterIds: [clusterId], action: 'answer', macroId: 'shipping', by: 'Ana' }, moderator);
      if (!r.ok) throw new Error(r.error.message);
    });
    // One read of each member (not one per pass), and the views' summary invalidated once per step
    // and once when the item is let go: the per-comment bookkeeping was N invalidations.
    expect(c.rowsRead).toBe(n);
    expect(c.summaryInvalidations).toBe(Math.ceil(n / GROUP_STEP) + 1);
    // Behaviour kept: the command's row, and for a bulk one row per comment, in its transaction.
    expect(c.auditRows).toBe(command === 'comments.bulk' ? n + 1 : 1);
    const open = core.db.prepare(`SELECT COUNT(*) AS n FROM comments WHERE status <> 'answered'`).get() as { n: number };
    expect(open.n).toBe(0);
    const via = core.db.prepare(`SELECT answered_via AS v, COUNT(*) AS n FROM comments GROUP BY answered_via ORDER BY v`).all();
    expect(via).toEqual([
      { v: 'cluster', n: n - 1 },
      { v: 'reply', n: 1 },
    ]);
  });
});
