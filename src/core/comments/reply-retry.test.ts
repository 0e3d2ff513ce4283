// A work item asked in two rooms that can both take a reply, where one room's post fails: the
// moderator's retry must post nothing twice, in any room, and the answer must say so. Through the
// real dispatcher, with a chat source that posts into two rooms and refuses one of them on demand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommentRecord, DeskItem } from '../../shared/contract/index';
import { createTestCore, DEMO_SHOW, moderator, producer } from '../../../test/support/test-core';
import type { Core } from '../core';
import { until } from '../../../test/support/until';
import { replyingChat } from '../../../test/support/replying-chat';

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

/**
 * The demo show with a live chat source in rooms "north" and "south"; `down` rooms refuse every post,
 * `stuck` rooms never answer one, `taken` rooms take the post (it is in the room) and the station
 * never hears so (it dies between the chat accepting the post and its own commit). `dataDir` (default in memory): a second call on the same folder is
 * the station started again, whose chat already asked (the comments are in its database).
 */
async function twoRooms(dataDir?: string, posted: string[] = []) {
  const down = new Set<string>();
  const stuck = new Set<string>();
  const taken = new Set<string>();
  const chat = replyingChat(async (to) => {
    if (stuck.has(to.room ?? '')) return new Promise<void>(() => undefined);
    if (taken.has(to.room ?? '')) {
      posted.push(to.room ?? '');
      return new Promise<void>(() => undefined);
    }
    if (down.has(to.room ?? '')) throw new Error(`${to.room ?? ''} is not taking posts right now`);
    posted.push(to.room ?? '');
  });
  const ports = chat.ports;
  const core = createTestCore({ ports: { comments: ports }, showFolders: [dirname(resolve(DEMO_SHOW))], ...(dataDir ? { dataDir } : {}) });
  cores.push(core);
  core.show.loadFile(DEMO_SHOW);
  await until(() => chat.sink() !== null, 2000, 'the chat source built');
  const asks = [
    { messageId: 'n1', room: 'north' },
    { messageId: 's1', room: 'south' },
  ];
  chat.sink()!.comments(asks.map((a) => ({ platform: 'twitch', author: `viewer-${a.messageId}`, at: null, raw: null, text: 'does it ship to Lima?', lang: 'en', ...a })));
  let item: DeskItem | undefined;
  await until(async () => {
    const r = await core.dispatch('comments.desk', { filter: { queue: 'all' }, limit: 50 }, moderator);
    item = r.ok ? (r.result as { items: DeskItem[] }).items.find((i) => i.size === 2) : undefined;
    return item !== undefined;
  }, 3000, 'one work item asked in both rooms');
  const status = async () => {
    const r = await core.dispatch('comments.list', { limit: 50 }, producer);
    if (!r.ok) throw new Error(r.error.message);
    const comments = (r.result as { comments: CommentRecord[] }).comments;
    return Object.fromEntries(comments.map((c) => [c.room ?? '', c.status]));
  };
  return { core, posted, down, stuck, taken, clusterId: item!.id, status };
}

describe('a reply retried after one of two rooms failed', () => {
  it('cluster.answer: the retry posts only in the room that did not get it, and says the other already had it', async () => {
    const r = await twoRooms();
    r.down.add('south');
    const first = await r.core.dispatch('cluster.answer', { clusterId: r.clusterId, macroId: 'shipping', send: true, by: 'Ana Reyes' }, moderator);
    expect(r.posted).toEqual(['north']);
    expect(first).toMatchObject({ ok: false, error: { message: expect.stringMatching(/south is not taking posts.*went out in 1 other room.*will not post there again/) } });
    expect(await r.status()).toEqual({ north: 'new', south: 'new' });
    r.down.delete('south');
    const again = await r.core.dispatch('cluster.answer', { clusterId: r.clusterId, macroId: 'shipping', send: true, by: 'Ana Reyes' }, moderator);
    expect(r.posted).toEqual(['north', 'south']);
    expect(again).toMatchObject({ ok: true, result: { answered: 2, sent: 1, alreadySent: 1 } });
    expect(await r.status()).toEqual({ north: 'answered', south: 'answered' });
  });

  it('comments.bulk: the retry posts only in the room that did not get it, and counts the room that already had it', async () => {
    const r = await twoRooms();
    r.down.add('south');
    const bulk = () => r.core.dispatch('comments.bulk', { clusterIds: [r.clusterId], action: 'answer', macroId: 'shipping', send: true, by: 'Ana Reyes' }, moderator);
    const first = await bulk();
    expect(first).toMatchObject({ ok: true, result: { done: 0, sent: 1, skipped: [{ id: r.clusterId, reason: expect.stringMatching(/south is not taking posts/) }] } });
    expect(r.posted).toEqual(['north']);
    r.down.delete('south');
    const again = await bulk();
    expect(r.posted).toEqual(['north', 'south']);
    expect(again).toMatchObject({ ok: true, result: { done: 2, sent: 1, alreadySent: 1, skipped: [] } });
    expect(await r.status()).toEqual({ north: 'answered', south: 'answered' });
  });
});

describe('a reply retried after the station stopped mid-post', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  // The station dies after the chat took the reply in one room and before anything was committed
  // (here: while the other room's post hangs). Nobody is marked answered, so the moderator answers
  // again after the restart: the room that had it must not get it twice. The hanging post's outcome
  // is unknown (it may have reached south): held back until the moderator says to post it again.
  for (const command of ['cluster.answer', 'comments.bulk'] as const) {
    it(`${command}: after a restart the retry posts only in the room that did not get it`, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'baton-reply-ledger-'));
      dirs.push(dataDir);
      const posted: string[] = [];
      const a = await twoRooms(dataDir, posted);
      a.stuck.add('south');
      const answer = (r: { core: Core; clusterId: string }) =>
        command === 'cluster.answer'
          ? r.core.dispatch('cluster.answer', { clusterId: r.clusterId, macroId: 'shipping', send: true, by: 'Ana Reyes' }, moderator)
          : r.core.dispatch('comments.bulk', { clusterIds: [r.clusterId], action: 'answer', macroId: 'shipping', send: true, by: 'Ana Reyes' }, moderator);
      void answer(a).catch(() => undefined);
      await until(() => posted.length === 1, 2000, 'north took the reply');
      expect(posted).toEqual(['north']);
      expect(await a.status()).toEqual({ north: 'new', south: 'new' });
      await a.core.close();

      const b = await twoRooms(dataDir, posted);
      expect(await b.status()).toEqual({ north: 'new', south: 'new' });
      const held = await answer(b);
      expect(posted).toEqual(['north']);
      expect(JSON.stringify(held)).toMatch(/may already be in south/);
      await postAgain(b.core, 'south');
      const again = await answer(b);
      expect(posted).toEqual(['north', 'south']);
      expect(again).toMatchObject({ ok: true, result: { sent: 1, alreadySent: 1 } });
      expect(await b.status()).toEqual({ north: 'answered', south: 'answered' });
    });
  }

  it('comment.answer: after a restart, answering the comment whose room had the reply does not post it again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baton-reply-ledger-'));
    dirs.push(dataDir);
    const posted: string[] = [];
    const a = await twoRooms(dataDir, posted);
    a.stuck.add('south');
    void a.core.dispatch('cluster.answer', { clusterId: a.clusterId, macroId: 'shipping', send: true, by: 'Ana Reyes' }, moderator).catch(() => undefined);
    await until(() => posted.length === 1, 2000, 'north took the reply');
    await a.core.close();

    const b = await twoRooms(dataDir, posted);
    const one = await b.core.dispatch('comment.answer', { id: await idIn(b.core, 'north'), macroId: 'shipping', send: true, by: 'Ana Reyes' }, moderator);
    expect(one).toMatchObject({ ok: true, result: { sent: false, alreadySent: true, comment: { status: 'answered' } } });
    const south = { id: await idIn(b.core, 'south'), macroId: 'shipping', send: true, by: 'Ana Reyes' };
    expect(await b.core.dispatch('comment.answer', south, moderator)).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/may already be in south/) } });
    await postAgain(b.core, 'south');
    const other = await b.core.dispatch('comment.answer', south, moderator);
    expect(other).toMatchObject({ ok: true, result: { sent: true, alreadySent: false } });
    expect(posted).toEqual(['north', 'south']);
  });
});

/** The moderator checked the room: the held-back reply is not there, post it again. */
async function postAgain(core: Core, room: string): Promise<void> {
  const post = (core.state.get('comments').unsurePosts ?? []).find((u) => u.room === room);
  if (!post) throw new Error(`no reply of unknown outcome in ${room}`);
  const r = await core.dispatch('comments.unsurePost', { id: post.id, choice: 'postAgain', by: 'Ana Reyes' }, moderator);
  if (!r.ok) throw new Error(r.error.message);
}

async function idIn(core: Core, room: string): Promise<string> {
  const r = await core.dispatch('comments.list', { limit: 50 }, producer);
  if (!r.ok) throw new Error(r.error.message);
  const c = (r.result as { comments: CommentRecord[] }).comments.find((x) => x.room === room);
  if (!c) throw new Error(`no comment in ${room}`);
  return c.id;
}

describe('a post the chat took just before the station died (outcome unknown)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** North takes the reply and the station dies before it can note it; the station is started again. */
  const crashedAfterNorthTookIt = async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baton-reply-unsure-'));
    dirs.push(dataDir);
    const posted: string[] = [];
    const a = await twoRooms(dataDir, posted);
    a.taken.add('north');
    void a.core.dispatch('cluster.answer', { clusterId: a.clusterId, macroId: 'shipping', send: true, by: 'Ana Reyes' }, moderator).catch(() => undefined);
    await until(() => posted.length === 1, 2000, 'north took the reply');
    await a.core.close();
    return { b: await twoRooms(dataDir, posted), posted };
  };
  const answer = (r: { core: Core; clusterId: string }) => r.core.dispatch('cluster.answer', { clusterId: r.clusterId, macroId: 'shipping', send: true, by: 'Ana Reyes' }, moderator);

  it('the retry after the restart does not post it again unasked: it names the room and the text, and every desk sees it', async () => {
    const { b, posted } = await crashedAfterNorthTookIt();
    const again = await answer(b);
    expect(posted).toEqual(['north']);
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/Standard shipping takes.*may already be in north on twitch/s) } });
    expect(await b.status()).toEqual({ north: 'new', south: 'new' });
    const unsure = b.core.state.get('comments').unsurePosts ?? [];
    expect(unsure).toEqual([expect.objectContaining({ platform: 'twitch', room: 'north', text: expect.stringMatching(/Standard shipping takes/), by: 'Ana Reyes' })]);
    // A single comment of that room is held back the same way.
    const one = await b.core.dispatch('comment.answer', { id: await idIn(b.core, 'north'), macroId: 'shipping', send: true, by: 'Ana Reyes' }, moderator);
    expect(one).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(posted).toEqual(['north']);
  });

  it('the moderator chooses to post it again: audited in their name, and the retry posts it', async () => {
    const { b, posted } = await crashedAfterNorthTookIt();
    const id = (b.core.state.get('comments').unsurePosts ?? [])[0]!.id;
    const chose = await b.core.dispatch('comments.unsurePost', { id, choice: 'postAgain', by: 'Ana Reyes' }, moderator);
    expect(chose).toMatchObject({ ok: true });
    expect(b.core.state.get('comments').unsurePosts ?? []).toEqual([]);
    const rows = b.core.audit.list({ limit: 20 }).filter((r) => r.command === 'comments.unsurePost' || r.command === 'comments.reply.unsure');
    expect(rows.map((r) => r.command).sort()).toEqual(['comments.reply.unsure', 'comments.unsurePost']);
    const row = rows.find((r) => r.command === 'comments.reply.unsure')!;
    expect(row).toMatchObject({ actor: 'Ana Reyes', outcome: 'ok' });
    expect(JSON.stringify(row.args)).toMatch(/postAgain.*north|north.*postAgain/);
    const again = await answer(b);
    expect(again).toMatchObject({ ok: true, result: { answered: 2, sent: 2, alreadySent: 0 } });
    expect(posted.sort()).toEqual(['north', 'north', 'south']);
  });

  it('the moderator sees it in the room: the retry posts it only where it is missing', async () => {
    const { b, posted } = await crashedAfterNorthTookIt();
    const id = (b.core.state.get('comments').unsurePosts ?? [])[0]!.id;
    expect(await b.core.dispatch('comments.unsurePost', { id, choice: 'inRoom', by: 'Ana Reyes' }, moderator)).toMatchObject({ ok: true });
    const again = await answer(b);
    expect(again).toMatchObject({ ok: true, result: { answered: 2, sent: 1, alreadySent: 1 } });
    expect(posted).toEqual(['north', 'south']);
    expect(await b.status()).toEqual({ north: 'answered', south: 'answered' });
  });
});

describe('a post still on its way', () => {
  it('one comment of an item whose reply is being posted in its room is not posted there a second time meanwhile', async () => {
    const posted: string[] = [];
    const r = await twoRooms(undefined, posted);
    // South has the reply; the station has not heard back yet.
    r.taken.add('south');
    void r.core.dispatch('cluster.answer', { clusterId: r.clusterId, macroId: 'shipping', send: true, by: 'Ana Reyes' }, moderator).catch(() => undefined);
    await until(() => posted.length === 2, 2000, 'both rooms took the reply, south not acknowledged');
    const one = await Promise.race([
      r.core.dispatch('comment.answer', { id: await idIn(r.core, 'south'), macroId: 'shipping', send: true, by: 'Dewi' }, moderator),
      new Promise((resolve) => setTimeout(() => resolve('still posting'), 1000)),
    ]);
    expect(posted).toEqual(['north', 'south']);
    expect(one).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/being posted in south right now \(Ana Reyes's answer\)/) } });
    // Not a post of unknown outcome: nobody is asked to settle it while it is on its way.
    expect(r.core.state.get('comments').unsurePosts ?? []).toEqual([]);
  });
});
