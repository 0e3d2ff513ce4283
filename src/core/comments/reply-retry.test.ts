// A work item asked in two rooms that can both take a reply, where one room's post fails: the
// moderator's retry must post nothing twice, in any room, and the answer must say so. Through the
// real dispatcher, with a chat source that posts into two rooms and refuses one of them on demand.
import { dirname, resolve } from 'node:path';
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

/** The demo show with a live chat source in rooms "north" and "south"; `down` rooms refuse every post. */
async function twoRooms() {
  const posted: string[] = [];
  const down = new Set<string>();
  const chat = replyingChat(async (to) => {
    if (down.has(to.room ?? '')) throw new Error(`${to.room ?? ''} is not taking posts right now`);
    posted.push(to.room ?? '');
  });
  const ports = chat.ports;
  const core = createTestCore({ ports: { comments: ports }, showFolders: [dirname(resolve(DEMO_SHOW))] });
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
  return { core, posted, down, clusterId: item!.id, status };
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
