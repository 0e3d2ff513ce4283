// Answering (or dismissing, escalating) one big work item must not hold the station: the group is
// handled in steps, each its own transaction with its audit rows, with the event loop free between
// them — a producer's command sent meanwhile is answered long before the group is done. Asserted as
// order and interleaving (event-loop turns, progress seen between steps), never as milliseconds:
// the machine is shared. And every step boundary is a place where the world can change: another
// answer, another moderator, a new arrival, a restart. Each must end in a true state.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestClock, createTestCore, DEMO_SHOW, moderator, moderator2, producer } from '../../../test/support/test-core';
import { until } from '../../../test/support/until';
import { replyingChat } from '../../../test/support/replying-chat';
import type { Core } from '../core';
import { verifyAuditChain } from '../storage/audit-verify';

const N = 2_000;
const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The demo show with its replay source swapped for a live chat that can post: what it posts is kept. */
function boot(dataDir?: string) {
  const posted: { room: string | null; text: string }[] = [];
  /** What a post waits for (the platform taking its time). */
  const gate = { open: Promise.resolve() };
  const chat = replyingChat(async (to, text) => {
    await gate.open;
    posted.push({ room: to.room, text });
  });
  const ports = chat.ports;
  const core = createTestCore({ clock: createTestClock(), ports: { comments: ports }, ...(dataDir ? { dataDir } : {}) });
  cores.push(core);
  core.show.loadFile(DEMO_SHOW);
  /** A flood of one question from the chat that can post, in two rooms; resolves when stored. */
  const floodChat = async (n: number, text = 'Aceita PIX?', prefix = 'c') => {
    await until(() => chat.sink() !== null, 2000, 'the chat source built');
    const before = answered(core, 'new');
    chat.sink()!.comments(Array.from({ length: n }, (_, i) => ({ platform: 'twitch', messageId: `${prefix}${i}`, author: `bot-${prefix}${i}`, text, lang: 'pt', at: null, room: i % 2 ? 'east' : 'west', raw: null })));
    await until(() => answered(core, 'new') === before + n, 5000, 'the flood stored');
    return itemOf(core, n);
  };
  return { core, posted, floodChat, gate };
}

const ingest = async (core: Core, from: number, n: number) => {
  for (let i = from; i < from + n; i += 1000) {
    const comments = Array.from({ length: Math.min(1000, from + n - i) }, (_, k) => ({ platform: 'tiktok', id: `f${i + k}`, author: `bot-${i + k}`, text: 'Aceita PIX?', lang: 'pt' }));
    const r = await core.dispatch('comments.ingest', { comments }, producer);
    if (!r.ok) throw new Error(r.error.message);
  }
};

async function itemOf(core: Core, n: number): Promise<string> {
  const w = await core.dispatch('comments.desk', { filter: { queue: 'all' }, limit: 5 }, moderator);
  if (!w.ok) throw new Error(w.error.message);
  const item = w.result.items.find((i) => i.size === n);
  if (!item) throw new Error(`no work item of ${n}`);
  return item.id;
}

/** A flood of one question: `n` viewers, one work item. Returns its id. */
async function flood(core: Core, n: number): Promise<string> {
  await ingest(core, 0, n);
  return itemOf(core, n);
}

function answered(core: Core, status = 'answered'): number {
  return (core.db.prepare('SELECT COUNT(*) AS n FROM comments WHERE status = ?').get(status) as { n: number }).n;
}

/** Waits, turn by turn (no timer), until part of the group is done and part is not. */
async function midway(core: Core, n: number, status = 'answered') {
  for (let turn = 0; turn < 10_000; turn++) {
    const done = answered(core, status);
    if (done > 0 && done < n) return done;
    if (done >= n) throw new Error('the whole group was done in one step');
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('never midway');
}

describe('a big work item is handled in steps', () => {
  it('a producer command sent while 2,000 are being answered is answered first; the loop turns between steps and progress is shown truthfully', async () => {
    const { core } = boot();
    const clusterId = await flood(core, N);
    const order: string[] = [];
    const progress: { done: number; total: number; by: string }[] = [];
    let turns = 0;
    let running = true;
    const answer = core.dispatch('cluster.answer', { clusterId, macroId: 'shipping', by: 'Ana' }, moderator).then((r) => {
      order.push('cluster.answer');
      running = false;
      return r;
    });
    // Sent one turn after the click: on one synchronous pass it waits for the whole group.
    setImmediate(() => void core.dispatch('show.clock', { action: 'start' }, producer).then((r) => order.push(r.ok ? 'show.clock' : 'show.clock refused')));
    const tick = () => {
      if (!running) return;
      turns += 1;
      core.state.flush();
      for (const a of core.snapshot().state.comments.answering ?? []) if (a.clusterId === clusterId) progress.push({ done: a.done, total: a.total, by: a.by });
      setImmediate(tick);
    };
    setImmediate(tick);
    const r = await answer;
    expect(r.ok && r.result).toMatchObject({ answered: N, skipped: 0 });
    expect(order).toEqual(['show.clock', 'cluster.answer']);
    // Between steps the loop turned (a step is a few hundred comments), and the desks saw how far it was.
    expect(turns).toBeGreaterThanOrEqual(4);
    const mid = progress.filter((p) => p.done > 0 && p.done < N);
    expect(mid.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.total === N && p.by === 'Ana')).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    // Done: nothing left open, and no progress left on show.
    expect(answered(core)).toBe(N);
    core.state.flush();
    expect(core.snapshot().state.comments.answering ?? []).toEqual([]);
    expect(verifyAuditChain(core.db).ok).toBe(true);
  });

  it('a second answer of the same group meanwhile is refused, naming who is answering and how far; nothing is answered twice', async () => {
    const { core } = boot();
    const clusterId = await flood(core, N);
    const first = core.dispatch('comments.bulk', { clusterIds: [clusterId], action: 'answer', macroId: 'shipping', by: 'Ana' }, moderator);
    await midway(core, N);
    const again = await core.dispatch('cluster.answer', { clusterId, macroId: 'shipping', by: 'Dewi' }, moderator2);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/Ana is answering this question \([\d,]+ of 2,000 done\)/) });
    const bulk = await core.dispatch('comments.bulk', { clusterIds: [clusterId], action: 'dismiss', by: 'Dewi' }, moderator2);
    expect(bulk.ok && bulk.result).toMatchObject({ done: 0, skipped: [{ id: clusterId, reason: expect.stringMatching(/Ana is answering/) }] });
    const r = await first;
    expect(r.ok && r.result).toMatchObject({ done: N, skipped: [] });
    expect(answered(core)).toBe(N);
    // One audit row per comment, in Ana's name: none twice, none missing.
    const rows = core.db.prepare(`SELECT json_extract(args, '$.id') AS id, COUNT(*) AS n, MAX(actor) AS actor FROM audit_log WHERE command = 'comments.bulk.answer' GROUP BY id`).all() as { n: number; actor: string }[];
    expect(rows).toHaveLength(N);
    expect(rows.every((x) => x.n === 1 && x.actor === 'Ana')).toBe(true);
    expect(verifyAuditChain(core.db).ok).toBe(true);
  });

  it('a member another moderator answers meanwhile keeps their answer: skipped, not answered again', async () => {
    const { core } = boot();
    const clusterId = await flood(core, N);
    const first = core.dispatch('cluster.answer', { clusterId, macroId: 'shipping', by: 'Ana' }, moderator);
    await midway(core, N);
    // The last to join: not reached yet by the steps.
    const { id } = core.db.prepare(`SELECT id FROM comments WHERE message_id = ?`).get(`f${N - 1}`) as { id: string };
    const dewi = await core.dispatch('comment.answer', { id, macroId: 'care', by: 'Dewi' }, moderator2);
    expect(dewi.ok).toBe(true);
    const r = await first;
    expect(r.ok && r.result).toMatchObject({ answered: N - 1, skipped: 1 });
    const row = core.db.prepare('SELECT claimed_by AS by, answered_via AS via FROM comments WHERE id = ?').get(id);
    expect(row).toEqual({ by: 'Dewi', via: 'reply' });
    expect(answered(core)).toBe(N);
  });

  it('a comment arriving mid-way is not swept into an answer posted before it came: it waits as a new work item', async () => {
    const { core } = boot();
    const clusterId = await flood(core, N);
    const first = core.dispatch('cluster.answer', { clusterId, macroId: 'shipping', by: 'Ana' }, moderator);
    await midway(core, N);
    await ingest(core, N, 1);
    const r = await first;
    expect(r.ok && r.result).toMatchObject({ answered: N, skipped: 0 });
    const late = core.db.prepare(`SELECT status FROM comments WHERE message_id = ?`).get(`f${N}`);
    expect(late).toEqual({ status: 'new' });
    expect(await itemOf(core, 1)).toBe(clusterId);
  });

  it('a big dismissal is stepped too: the loop turns and every member is dismissed once', async () => {
    const { core } = boot();
    const clusterId = await flood(core, N);
    const first = core.dispatch('comments.bulk', { clusterIds: [clusterId], action: 'dismiss', by: 'Ana' }, moderator);
    await midway(core, N, 'dismissed');
    const r = await first;
    expect(r.ok && r.result).toMatchObject({ done: N, skipped: [] });
    expect(answered(core, 'dismissed')).toBe(N);
  });

  it('a restart mid-way finishes the group on the next start: every member answered and audited once, the reply posted once per room, never again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-group-'));
    dirs.push(dir);
    const a = boot(dir);
    const clusterId = await a.floodChat(N);
    const first = a.core.dispatch('comments.bulk', { clusterIds: [clusterId], action: 'answer', macroId: 'shipping', send: true, by: 'Ana' }, moderator);
    const before = await midway(a.core, N);
    expect(a.posted.map((p) => p.room).sort()).toEqual(['east', 'west']);
    // The station stops between two steps: the command says so, and what was done stays done.
    cores.splice(cores.indexOf(a.core), 1);
    await a.core.close();
    const r = await first;
    expect(r.ok).toBe(false);

    const b = boot(dir);
    await until(() => answered(b.core) === N, 5000, () => `the rest answered after the restart (${answered(b.core)} of ${N}; ${before} before it)`);
    expect(b.posted).toEqual([]);
    expect(a.posted).toHaveLength(2);
    const rows = b.core.db.prepare(`SELECT json_extract(args, '$.id') AS id, COUNT(*) AS n, MAX(actor) AS actor FROM audit_log WHERE command = 'comments.bulk.answer' GROUP BY id`).all() as { n: number; actor: string }[];
    expect(rows).toHaveLength(N);
    expect(rows.every((x) => x.n === 1 && x.actor === 'Ana')).toBe(true);
    // Every row in the name and role of the person who clicked: the resumed ones say so, none is the station's.
    const who = b.core.db
      .prepare(`SELECT actor, role, via, detail, COUNT(*) AS n FROM audit_log WHERE command IN ('comments.bulk.answer', 'comments.group.resumed') GROUP BY actor, role, via, detail ORDER BY via, n`)
      .all() as { actor: string; role: string; via: string; detail: string | null; n: number }[];
    const byTheClick = who.find((w) => w.via === 'test');
    expect(byTheClick).toMatchObject({ actor: 'Ana', role: 'moderator', detail: null });
    expect(who.filter((w) => w.via !== 'test')).toEqual([
      { actor: 'Ana', role: 'moderator', via: 'system', detail: expect.stringMatching(/^Finished after a restart/), n: 1 },
      { actor: 'Ana', role: 'moderator', via: 'system', detail: 'resumed after a restart', n: N - byTheClick!.n },
    ]);
    const via = b.core.db.prepare(`SELECT answered_via AS v, COUNT(*) AS n FROM comments GROUP BY answered_via ORDER BY v`).all();
    expect(via).toEqual([
      { v: 'cluster', n: N - 1 },
      { v: 'reply', n: 1 },
    ]);
    b.core.state.flush();
    expect(b.core.snapshot().state.comments.answering ?? []).toEqual([]);
    expect(verifyAuditChain(b.core.db).ok).toBe(true);
  });

  it('a restart in the first of two posted items finishes both: the second item\'s reply went out too, so its job was kept before the first step', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-group-'));
    dirs.push(dir);
    const a = boot(dir);
    const pix = await a.floodChat(N);
    const boleto = await a.floodChat(300, 'Aceita boleto?', 'b');
    expect(boleto).not.toBe(pix);
    const first = a.core.dispatch('comments.bulk', { clusterIds: [pix, boleto], action: 'answer', macroId: 'shipping', send: true, by: 'Ana' }, moderator);
    await midway(a.core, N + 300);
    // One reply text, two rooms: posted once per room for both items.
    expect(a.posted.map((p) => p.room).sort()).toEqual(['east', 'west']);
    cores.splice(cores.indexOf(a.core), 1);
    await a.core.close();
    expect((await first).ok).toBe(false);

    const b = boot(dir);
    await until(() => answered(b.core) === N + 300, 5000, () => `both items answered after the restart (${answered(b.core)} of ${N + 300})`);
    expect(b.posted).toEqual([]);
    const rows = b.core.db.prepare(`SELECT COUNT(*) AS n, COUNT(DISTINCT json_extract(args, '$.id')) AS ids FROM audit_log WHERE command = 'comments.bulk.answer'`).get();
    expect(rows).toEqual({ n: N + 300, ids: N + 300 });
    expect(verifyAuditChain(b.core.db).ok).toBe(true);
  });

  it('an item of a posted selection answered one by one while the replies went out leaves no job behind', async () => {
    const { core, floodChat, gate } = boot();
    const pix = await floodChat(N);
    const lone = await floodChat(1, 'Aceita boleto?', 'b');
    let letGo = () => {};
    gate.open = new Promise<void>((r) => (letGo = r));
    const bulk = core.dispatch('comments.bulk', { clusterIds: [pix, lone], action: 'answer', macroId: 'shipping', send: true, by: 'Ana' }, moderator);
    const { id } = core.db.prepare(`SELECT id FROM comments WHERE message_id = 'b0'`).get() as { id: string };
    const dewi = await core.dispatch('comment.answer', { id, macroId: 'care', by: 'Dewi' }, moderator2);
    expect(dewi.ok).toBe(true);
    letGo();
    const r = await bulk;
    expect(r.ok && r.result).toMatchObject({ done: N, skipped: [] });
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM comment_group_jobs').get()).toEqual({ n: 0 });
  });
});
