// What the station posts on the platform when a moderator answers with a macro, through the real
// dispatcher: the comment's language, and never the live offer code while the macro's offer is
// paused (the approved paused text, or a refusal with nothing sent). The shared picker logic is
// tested on its own; these are the wires between a paused offer, a source that can reply and the
// three answer commands (one comment, one work item, a bulk selection).
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry, CommentRecord, DeskItem } from '../../shared/contract/index';
import { createTestCore, DEMO_SHOW, moderator, producer } from '../../../test/support/test-core';
import type { Core } from '../core';
import type { SourceComment } from './comment.model';
import { until } from '../../../test/support/until';
import { replyingChat } from '../../../test/support/replying-chat';

const OFFER = 'glow-kit-live';
const CODE = /LIVEGLOW/;

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

/** The demo show's replay source swapped for a live one that can reply: what it posts is kept. */
function boot(showFile = DEMO_SHOW, refuse: (text: string) => string | null = () => null) {
  const posted: { to: string; text: string }[] = [];
  const chat = replyingChat(async (to, text) => {
    const why = refuse(text);
    if (why) throw new Error(why);
    posted.push({ to: to.messageId, text });
  });
  const ports = chat.ports;
  const core = createTestCore({ ports: { comments: ports }, showFolders: [dirname(resolve(showFile))] });
  cores.push(core);
  core.show.loadFile(showFile);
  const arrive = async (comments: Array<Pick<SourceComment, 'messageId' | 'text' | 'lang'>>) => {
    // The show's sources are built after the load returns.
    await until(() => chat.sink() !== null, 2000, 'the chat source built');
    chat.sink()!.comments(comments.map((c) => ({ platform: 'twitch', author: `viewer-${c.messageId}`, at: null, room: 'baton', raw: null, ...c })));
    for (let k = 0; k < 100; k++) {
      const list = await ok(core.dispatch('comments.list', { limit: 200 }, producer));
      if (comments.every((c) => list.comments.some((x) => x.messageId === c.messageId))) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('the comments never arrived');
  };
  return { core, posted, arrive };
}

async function ok<T>(p: Promise<{ ok: true; result: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result;
}

async function pause(core: Core) {
  await ok(core.dispatch('offer.pause', { offerId: OFFER, reason: 'checkout errors' }, producer));
}

async function byMessage(core: Core): Promise<Record<string, CommentRecord>> {
  const list = (await ok(core.dispatch('comments.list', { limit: 200 }, producer))) as { comments: CommentRecord[] };
  return Object.fromEntries(list.comments.map((c) => [c.messageId, c]));
}

async function itemOf(core: Core, messageId: string): Promise<DeskItem> {
  const w = (await ok(core.dispatch('comments.desk', { filter: { queue: 'all' }, limit: 50 }, moderator))) as { items: DeskItem[] };
  const item = w.items.find((i) => i.comment.messageId === messageId);
  if (!item) throw new Error(`${messageId} is not on the desk`);
  return item;
}

/** The demo show with the how-to-buy macro's approved paused text taken out. */
function showWithoutPausedText(): string {
  const demo = resolve(DEMO_SHOW, '..');
  const dir = mkdtempSync(join(tmpdir(), 'baton-macro-send-'));
  for (const f of ['script.md', 'comments.jsonl']) copyFileSync(join(demo, f), join(dir, f));
  const show = JSON.parse(readFileSync(resolve(DEMO_SHOW), 'utf8')) as { comments: { macros: Array<Record<string, unknown>> } };
  for (const m of show.comments.macros) if (m['id'] === 'how-to-buy') delete m['paused'];
  writeFileSync(join(dir, 'show.json'), JSON.stringify(show));
  return join(dir, 'show.json');
}

describe('a macro sent while its offer is paused', () => {
  it('comment.answer posts the approved paused text in the comment’s language, never the code; after the resume, the live text again', async () => {
    const { core, posted, arrive } = boot();
    await arrive([
      { messageId: 'pt1', text: 'como compro o kit?', lang: 'pt-BR' },
      { messageId: 'en1', text: 'how do I buy the kit?', lang: 'en' },
      { messageId: 'pt2', text: 'onde compro o kit?', lang: 'pt' },
    ]);
    await pause(core);
    await ok(core.dispatch('comment.answer', { id: 'twitch:pt1', macroId: 'how-to-buy', send: true, by: 'Ana Reyes' }, moderator));
    await ok(core.dispatch('comment.answer', { id: 'twitch:en1', macroId: 'how-to-buy', send: true, by: 'Ana Reyes' }, moderator));
    expect(posted).toEqual([
      { to: 'pt1', text: expect.stringMatching(/^A oferta do Glow Kit está pausada/) },
      { to: 'en1', text: expect.stringMatching(/^The Glow Kit deal is paused/) },
    ]);
    for (const p of posted) expect(p.text).not.toMatch(CODE);
    const by = await byMessage(core);
    // What the record says was replied is what went out.
    expect(by['pt1']?.reply).toBe(posted[0]?.text);
    expect(by['en1']?.reply).toBe(posted[1]?.text);

    await ok(core.dispatch('offer.resume', { offerId: OFFER }, producer));
    await ok(core.dispatch('comment.answer', { id: 'twitch:pt2', macroId: 'how-to-buy', send: true, by: 'Ana Reyes' }, moderator));
    expect(posted[2]).toEqual({ to: 'pt2', text: expect.stringMatching(/^Toque no Glow Kit fixado abaixo.*LIVEGLOW/) });
  });

  it('cluster.answer posts the paused text once per room, in the group’s language, and records it on every member', async () => {
    const { core, posted, arrive } = boot();
    await arrive([
      { messageId: 'a1', text: 'como compro o kit?', lang: 'pt' },
      { messageId: 'a2', text: 'como compro o kit??', lang: 'pt' },
    ]);
    const item = await itemOf(core, 'a1');
    expect(item.size).toBe(2);
    await pause(core);
    const r = await ok(core.dispatch('cluster.answer', { clusterId: item.id, macroId: 'how-to-buy', send: true, by: 'Ana Reyes' }, moderator));
    expect(r).toMatchObject({ answered: 2, sent: 1 });
    expect(posted).toHaveLength(1);
    expect(posted[0]?.text).toMatch(/^A oferta do Glow Kit está pausada/);
    const by = await byMessage(core);
    expect([by['a1']?.reply, by['a2']?.reply]).toEqual([posted[0]?.text, posted[0]?.text]);
  });

  it('comments.bulk answers each item in its own language with the paused text', async () => {
    const { core, arrive } = boot();
    await arrive([
      { messageId: 'b1', text: 'como compro o kit?', lang: 'pt' },
      { messageId: 'b2', text: 'how do I buy the kit?', lang: 'en' },
    ]);
    const items = [await itemOf(core, 'b1'), await itemOf(core, 'b2')];
    await pause(core);
    const r = await ok(core.dispatch('comments.bulk', { clusterIds: items.map((i) => i.id), action: 'answer', macroId: 'how-to-buy', by: 'Ana Reyes' }, moderator));
    expect(r).toMatchObject({ done: 2, skipped: [] });
    const by = await byMessage(core);
    expect(by['b1']?.reply).toMatch(/^A oferta do Glow Kit está pausada/);
    expect(by['b2']?.reply).toMatch(/^The Glow Kit deal is paused/);
  });

  it('comments.bulk with send posts each language’s text once per room, not once per item, and says how many went out', async () => {
    const { core, posted, arrive } = boot();
    await arrive([
      { messageId: 's1', text: 'como compro o kit?', lang: 'pt' },
      { messageId: 's2', text: 'onde compro o kit hoje?', lang: 'pt' },
      { messageId: 's3', text: 'how do I buy the kit?', lang: 'en' },
    ]);
    const items = [await itemOf(core, 's1'), await itemOf(core, 's2'), await itemOf(core, 's3')];
    await pause(core);
    const r = await ok(core.dispatch('comments.bulk', { clusterIds: items.map((i) => i.id), action: 'answer', macroId: 'how-to-buy', send: true, by: 'Ana Reyes' }, moderator));
    expect(r).toMatchObject({ done: 3, skipped: [], sent: 2 });
    expect(posted.map((p) => p.text.slice(0, 20)).sort()).toEqual(['A oferta do Glow Kit', 'The Glow Kit deal is']);
    for (const p of posted) expect(p.text).not.toMatch(CODE);
    const by = await byMessage(core);
    expect(by['s1']?.reply).toBe(by['s2']?.reply);
    // Without send, nothing is posted: the moderator copies it (the desk says so).
    await arrive([{ messageId: 's4', text: 'how can I buy the kit??', lang: 'en' }]);
    const quiet = await ok(core.dispatch('comments.bulk', { clusterIds: [(await itemOf(core, 's4')).id], action: 'answer', macroId: 'how-to-buy', by: 'Ana Reyes' }, moderator));
    expect(quiet).toMatchObject({ done: 1, sent: 0 });
    expect(posted).toHaveLength(2);
  });

  it('comments.bulk with send: a text the platform refuses skips its items, and the items whose text went out are answered, so a retry posts nothing twice', async () => {
    // Twitch refuses a line over 510 bytes: a long approved translation fails while the others post.
    const { core, posted, arrive } = boot(DEMO_SHOW, (text) => (text.startsWith('A oferta') ? 'the reply is too long for one chat line' : null));
    await arrive([
      { messageId: 'f1', text: 'como compro o kit?', lang: 'pt' },
      { messageId: 'f2', text: 'how do I buy the kit?', lang: 'en' },
    ]);
    const pt = await itemOf(core, 'f1');
    const en = await itemOf(core, 'f2');
    await pause(core);
    const first = await core.dispatch('comments.bulk', { clusterIds: [en.id, pt.id], action: 'answer', macroId: 'how-to-buy', send: true, by: 'Ana Reyes' }, moderator);
    expect(posted.map((p) => p.text.slice(0, 20))).toEqual(['The Glow Kit deal is']);
    expect(first).toMatchObject({ ok: true, result: { done: 1, sent: 1, skipped: [{ id: pt.id, reason: expect.stringMatching(/too long for one chat line/) }] } });
    let by = await byMessage(core);
    expect([by['f1']?.status, by['f2']?.status]).toEqual(['new', 'answered']);
    // The moderator tries again: the English answer is not posted a second time.
    const again = await core.dispatch('comments.bulk', { clusterIds: [en.id, pt.id], action: 'answer', macroId: 'how-to-buy', send: true, by: 'Ana Reyes' }, moderator);
    expect(again).toMatchObject({ ok: true, result: { done: 0, sent: 0 } });
    expect(posted).toHaveLength(1);
    by = await byMessage(core);
    expect(by['f1']?.status).toBe('new');
  });

  it('with no approved paused text, every answer path refuses and nothing is posted or marked answered', async () => {
    const { core, posted, arrive } = boot(showWithoutPausedText());
    await arrive([
      { messageId: 'c1', text: 'como compro o kit?', lang: 'pt' },
      { messageId: 'c2', text: 'how do I buy the kit?', lang: 'en' },
    ]);
    const item = await itemOf(core, 'c1');
    const other = await itemOf(core, 'c2');
    await pause(core);
    const one = await core.dispatch('comment.answer', { id: 'twitch:c1', macroId: 'how-to-buy', send: true, by: 'Ana Reyes' }, moderator);
    expect(one).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/paused.*no approved paused text/) } });
    const group = await core.dispatch('cluster.answer', { clusterId: item.id, macroId: 'how-to-buy', send: true, by: 'Ana Reyes' }, moderator);
    expect(group).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const bulk = await ok(core.dispatch('comments.bulk', { clusterIds: [item.id, other.id], action: 'answer', macroId: 'how-to-buy', by: 'Ana Reyes' }, moderator));
    expect(bulk.done).toBe(0);
    expect(bulk.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/no approved paused text/), expect.stringMatching(/no approved paused text/)]);
    expect(posted).toEqual([]);
    const by = await byMessage(core);
    expect([by['c1']?.status, by['c2']?.status]).toEqual(['new', 'new']);
  });
});

describe('a bulk action, in the audit', () => {
  it('writes one row per comment it changed, in the moderator’s name, beside the command’s row', async () => {
    const { core, arrive } = boot();
    await arrive([
      { messageId: 'd1', text: 'aceita pix?', lang: 'pt' },
      { messageId: 'd2', text: 'aceita pix??', lang: 'pt' },
      { messageId: 'd3', text: 'does it ship to Lima?', lang: 'en' },
      { messageId: 'd4', text: 'my order never came', lang: 'en' },
    ]);
    const pix = await itemOf(core, 'd1');
    const lima = await itemOf(core, 'd3');
    const late = await itemOf(core, 'd4');
    expect(pix.size).toBe(2);
    await ok(core.dispatch('comments.bulk', { clusterIds: [pix.id, lima.id], action: 'answer', macroId: 'shipping', by: 'Ana Reyes' }, moderator));
    await ok(core.dispatch('comments.bulk', { clusterIds: [late.id], action: 'escalate', by: 'Ana Reyes' }, moderator));
    const rows = core.audit.list({ limit: 50 }).filter((e: AuditEntry) => e.command.startsWith('comments.bulk'));
    const per = rows.filter((e) => e.command !== 'comments.bulk');
    expect(per.map((e) => [e.command, (e.args as { id: string }).id, e.actor]).sort()).toEqual(
      [
        ['comments.bulk.answer', 'twitch:d1', 'Ana Reyes'],
        ['comments.bulk.answer', 'twitch:d2', 'Ana Reyes'],
        ['comments.bulk.answer', 'twitch:d3', 'Ana Reyes'],
        ['comments.bulk.escalate', 'twitch:d4', 'Ana Reyes'],
      ].sort(),
    );
    expect(rows.filter((e) => e.command === 'comments.bulk')).toHaveLength(2);
    const by = await byMessage(core);
    expect([by['d1']?.status, by['d2']?.status, by['d3']?.status, by['d4']?.status]).toEqual(['answered', 'answered', 'answered', 'escalated']);
    expect(by['d4']?.note).toMatch(/^Ana Reyes: escalated/);
  });
});
