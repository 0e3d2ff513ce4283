// The desk at volume, through the commands: identical questions form one work item that one reply
// answers; a pinned answer takes later arrivals ("answered by pin", counted apart); windows are
// bounded and their arguments checked.
import { afterEach, describe, expect, it } from 'vitest';
import type { CommentRecord, DeskItem } from '../../shared/contract/index';
import { createTestClock, createTestCore, DEMO_SHOW, moderator, moderator2, producer } from '../../../test/support/test-core';
import type { Core } from '../core';
import { createDefaultCommentsPorts } from './comments.default-ports';
import type { CommentsPorts } from './comments.ports';

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

function boot() {
  const real = createDefaultCommentsPorts();
  const ports: CommentsPorts = {
    ...real,
    sources: { ...real.sources, replay: () => ({ id: 'rehearsal-chat', kind: 'replay', start() {}, stop: async () => {}, health: () => ({ id: 'rehearsal-chat', kind: 'replay', label: 'off', status: 'stopped', detail: null, lastMessageAt: null, received: 0, rehearsal: true, canReply: false }) }) },
  };
  const clock = createTestClock();
  const core = createTestCore({ clock, ports: { comments: ports } });
  cores.push(core);
  core.show.loadFile(DEMO_SHOW);
  return { core, clock };
}

async function ok<T>(p: Promise<{ ok: true; result: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result;
}

type Window = { items: DeskItem[]; total: number; next: string | null; offset: number };
const c = (id: string, text: string, lang = 'pt') => ({ platform: 'tiktok', id, author: `viewer-${id}`, text, lang });

describe('the desk at volume', () => {
  it('makes identical questions one item, answered once with one reply; a pinned answer takes later arrivals', async () => {
    const { core, clock } = boot();
    await ok(core.dispatch('comments.ingest', { comments: [c('a1', 'Aceita PIX?'), c('a2', 'aceita pix ??'), c('a3', 'pix, aceita amiga?'), c('b1', 'checkout keeps failing', 'en')] }, producer));
    const w = (await ok(core.dispatch('comments.desk', { filter: { queue: 'all' }, limit: 10 }, moderator))) as Window;
    const pix = w.items.find((i) => i.comment.messageId === 'a1');
    expect(pix?.size).toBe(3);
    // Complaints come first.
    expect(w.items[0]?.comment.intent).toBe('complaint');
    expect(w.total).toBe(w.items.length);

    clock.advance(5_000);
    const r = await ok(core.dispatch('cluster.answer', { clusterId: pix?.id, macroId: 'shipping', pin: true, by: 'Ana' }, moderator));
    expect(r).toMatchObject({ answered: 3, skipped: 0, pinned: true });
    clock.advance(10_000);
    await ok(core.dispatch('comments.ingest', { comments: [c('a4', 'ACEITA PIX?'), c('a5', 'aceita cartão?')] }, producer));
    const all = ((await ok(core.dispatch('comments.list', { limit: 50 }, producer))) as { comments: CommentRecord[] }).comments;
    const by = Object.fromEntries(all.map((x) => [x.messageId, x]));
    expect(by['a1']).toMatchObject({ status: 'answered', answeredVia: 'reply', responseSeconds: 5 });
    expect(by['a2']).toMatchObject({ status: 'answered', answeredVia: 'cluster' });
    // Portuguese comment, Portuguese text of the approved macro.
    expect(by['a2']?.reply).toMatch(/frete/);
    expect(by['a4']).toMatchObject({ status: 'answered', answeredVia: 'pin', responseSeconds: 0 });
    expect(by['a5']?.status).toBe('new');
    core.state.flush();
    await new Promise((res) => setTimeout(res, 150));
    expect(core.snapshot().state.comments.answerPins).toMatchObject([{ clusterId: pix?.id, macroId: 'shipping', attached: 1 }]);

    // Taken down: the next one waits for a person again.
    await ok(core.dispatch('cluster.unpin', { clusterId: pix?.id }, moderator));
    await ok(core.dispatch('comments.ingest', { comments: [c('a6', 'aceita pix?')] }, producer));
    const a6 = ((await ok(core.dispatch('comments.list', { limit: 1 }, producer))) as { comments: CommentRecord[] }).comments[0];
    expect(a6?.status).toBe('new');
  });

  it('answers no member someone else holds, and refuses an item another desk is replying to', async () => {
    const { core } = boot();
    await ok(core.dispatch('comments.ingest', { comments: [c('a1', 'aceita pix?'), c('a2', 'aceita pix??')] }, producer));
    const w = (await ok(core.dispatch('comments.desk', { limit: 10 }, moderator))) as Window;
    const item = w.items.find((i) => i.size === 2);
    await ok(core.dispatch('comment.claim', { id: item?.comment.id, by: 'Dewi' }, moderator2));
    const r = await core.dispatch('cluster.answer', { clusterId: item?.id, macroId: 'shipping', by: 'Ana' }, moderator);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Dewi is replying/);
  });

  it('pages the open work in bounded windows with a cursor', async () => {
    const { core } = boot();
    await ok(core.dispatch('comments.ingest', { comments: Array.from({ length: 130 }, (_, i) => c(`q${i}`, `tem o tamanho ${i}?`)) }, producer));
    const first = (await ok(core.dispatch('comments.desk', { limit: 50 }, moderator))) as Window;
    expect(first.items).toHaveLength(50);
    expect(first.total).toBe(130);
    expect(first.next).toBe('o:50');
    const last = (await ok(core.dispatch('comments.desk', { cursor: 'o:100', limit: 50 }, moderator))) as Window;
    expect(last.items).toHaveLength(30);
    expect(last.next).toBeNull();
    // Oldest first among lone questions.
    expect(first.items[0]?.comment.messageId).toBe('q0');
  });

  it('refuses hostile window arguments with an answer', async () => {
    const { core } = boot();
    for (const args of [
      { limit: 100_000 },
      { limit: 0 },
      { cursor: 'o:-1' },
      { cursor: "o:1; DROP TABLE comments" },
      { offset: -5 },
      { offset: 1, cursor: 'o:1' },
      { filter: { queue: 'nope' } },
      { filter: { queue: 'all', sku: 'x'.repeat(500) } },
      { filter: { queue: 'all', extra: 1 } },
    ]) {
      const r = await core.dispatch('comments.desk', args, moderator);
      expect(r.ok, JSON.stringify(args)).toBe(false);
      if (!r.ok) expect(r.error.code).toMatch(/^invalid/);
    }
    const host = await core.dispatch('comments.desk', {}, { actor: 'Leo', role: 'host', via: 'test' });
    expect(host.ok).toBe(false);
    for (const args of [{ clusterId: '../etc', macroId: 'shipping' }, { clusterId: 'abcdefabcdef', macroId: 'nope' }]) {
      const r = await core.dispatch('cluster.answer', args, moderator);
      expect(r.ok).toBe(false);
    }
    const bulk = await core.dispatch('comments.bulk', { clusterIds: Array.from({ length: 101 }, () => 'abcdefabcdef'), action: 'dismiss' }, moderator);
    expect(bulk.ok).toBe(false);
  });

  it('bulk-dismisses a selection of items, all their comments', async () => {
    const { core } = boot();
    await ok(core.dispatch('comments.ingest', { comments: [c('a1', 'aceita pix?'), c('a2', 'Aceita pix?'), c('b1', 'tem nude?')] }, producer));
    const w = (await ok(core.dispatch('comments.desk', { limit: 10 }, moderator))) as Window;
    const r = await ok(core.dispatch('comments.bulk', { clusterIds: w.items.map((i) => i.id), action: 'dismiss', by: 'Ana' }, moderator));
    expect(r).toMatchObject({ done: 3, skipped: [] });
    const after = (await ok(core.dispatch('comments.desk', { limit: 10 }, moderator))) as Window;
    expect(after.total).toBe(0);
  });

  it('a pinned answer stops taking arrivals while the compliance guard flags its macro (it would mark them answered with flagged text)', async () => {
    const { core } = boot();
    const q = (id: string, text: string) => c(id, text, 'en');
    await ok(core.dispatch('comments.ingest', { comments: [q('s1', 'how long does delivery take'), q('s2', 'How long does delivery take?')] }, producer));
    const w = (await ok(core.dispatch('comments.desk', { filter: { queue: 'all' }, limit: 10 }, moderator))) as Window;
    const item = w.items.find((i) => i.comment.messageId === 's1');
    expect(item?.size).toBe(2);
    await ok(core.dispatch('cluster.answer', { clusterId: item?.id, macroId: 'shipping', pin: true, by: 'Ana' }, moderator));
    // The script changes and the guard now flags the pinned macro.
    core.alerts.raise({ source: 'cues', key: 'script.macro.shipping', level: 'warn', message: 'Reply macro “shipping” promises a delivery date.' });
    await ok(core.dispatch('comments.ingest', { comments: [q('s3', 'how long does delivery take??')] }, producer));
    const s3 = ((await ok(core.dispatch('comments.list', { limit: 1 }, producer))) as { comments: CommentRecord[] }).comments[0];
    expect(s3).toMatchObject({ messageId: 's3', status: 'new' });
    expect(s3?.reply ?? null).toBeNull();
  });
});

describe('the desk for customer service', () => {
  // The customer-service view opens this same desk on its own queue: it read "comments.desk is for
  // producer or moderator" and listed nothing while its queue count said 2.
  const service = { actor: 'Tom (customer-service)', role: 'customer-service', via: 'test' } as const;
  it('reads its windows and a work item, and answers a work item with one reply', async () => {
    const { core } = boot();
    await ok(core.dispatch('comments.ingest', { comments: [c('k1', 'my order never arrived and nobody answers', 'en'), c('k2', 'my order never arrived and nobody answers!!', 'en')] }, producer));
    const w = (await ok(core.dispatch('comments.desk', { filter: { queue: 'customer-service' }, limit: 10 }, service))) as Window;
    expect(w.items.length).toBeGreaterThan(0);
    const item = w.items[0]!;
    await ok(core.dispatch('comments.cluster', { clusterId: item.id }, service));
    const r = await ok(core.dispatch('cluster.answer', { clusterId: item.id, macroId: 'care', by: 'Tom' }, service));
    expect(r).toMatchObject({ skipped: 0 });
  });
});
