// Baton's Twitch source against a real IRC server (InspIRCd 3, IRCv3 tags): a flooding sender,
// every message stored once with its tags intact, and a reconnect after the server restarts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { floodIrcChannel, connectRawIrcClient, SEQ_TAG } from '../../peers/irc-flood-sender';
import { startIrcServer, type IrcServer } from '../../peers/irc-server';
import { stopAll } from '../../peers/process-control';
import { createTestCore, DEMO_SHOW, moderator } from '../../support/test-core';
import { createDefaultCommentsPorts } from '../../../src/core/comments/comments.default-ports';
import type { Core } from '../../../src/core/core';
import { until } from '../../support/until';

describe('Twitch source against InspIRCd', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'baton-twitch-'));
  let irc: IrcServer | undefined;
  let core: Core | undefined;
  const count = () => (core?.db.prepare("SELECT COUNT(*) AS n FROM comments WHERE platform = 'twitch'").get() as { n: number }).n;
  const health = () => core?.snapshot().state.comments.sources.find((s) => s.id === 'twitch-chat');

  beforeAll(async () => {
    irc = await startIrcServer({ workDir });
    const demo = JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as { comments: { sources: unknown[] } };
    // Logged in with a nick (and a token, which InspIRCd ignores): this source can post replies.
    demo.comments.sources = [{ kind: 'twitch', id: 'twitch-chat', channel: 'lumenlive', host: irc.host, port: irc.port, nick: 'batonmod', tokenSecret: 'source/twitch-chat/oauth' }];
    core = createTestCore({
      clock: { now: () => Date.now(), monotonic: () => performance.now() },
      secrets: { 'source/twitch-chat/oauth': 'oauth:not-checked-here' },
      ports: { comments: { ...createDefaultCommentsPorts(), backoff: { baseMs: 200, maxMs: 1_000, jitter: 0.1, random: Math.random } } },
    });
    const r = await core.dispatch('show.import', { show: { ...demo, rehearsal: false } }, { actor: 'test', role: 'producer', via: 'test' });
    expect(r.ok).toBe(true);
    await core.start();
    await until(() => health()?.status === 'connected', 15_000, () => JSON.stringify(health()));
  });

  afterAll(async () => {
    await core?.close();
    await stopAll([irc]);
    rmSync(workDir, { recursive: true, force: true });
  });

  it('stores a 5,000-message flood once each, with the tags intact', async () => {
    const server = irc as IrcServer;
    const n = 5_000;
    const t0 = Date.now();
    const result = await floodIrcChannel({
      host: server.host,
      port: server.port,
      operName: server.operName,
      operPassword: server.operPassword,
      channel: '#lumenlive',
      count: n,
      ratePerSecond: 2_500,
      tags: (seq) => ({ '+baton/sku': `SKU-${seq % 5}` }),
      text: (seq) => (seq % 2 ? `+1 kit #${seq}` : `¿envío a Lima? 🚚 <b>${seq}</b>`),
    });
    expect(result.sent).toBe(n);
    await until(() => count() >= n, 30_000, () => `stored ${count()}/${n}`);
    const seconds = (Date.now() - t0) / 1000;
    console.log(`Twitch source: ${n} flooded at ${result.achievedRatePerSecond.toFixed(0)}/s, all stored in ${seconds.toFixed(1)} s`);
    const rows = core?.db.prepare("SELECT id, message_id, author, text, raw, at FROM comments WHERE platform = 'twitch'").all() as {
      id: string;
      message_id: string;
      author: string;
      text: string;
      raw: string;
      at: number;
    }[];
    expect(rows.length).toBe(n);
    const seqs = new Set<number>();
    for (const row of rows) {
      const raw = JSON.parse(row.raw) as { tags: Record<string, string> };
      const seq = Number(raw.tags[SEQ_TAG]);
      seqs.add(seq);
      expect(row.id).toBe(`twitch:${raw.tags['msgid']}`);
      expect(raw.tags['+baton/sku']).toBe(`SKU-${seq % 5}`);
      expect(row.text).toBe(seq % 2 ? `+1 kit #${seq}` : `¿envío a Lima? 🚚 <b>${seq}</b>`);
      expect(Math.abs(row.at - Date.parse(raw.tags['time'] ?? ''))).toBe(0);
    }
    expect(seqs.size).toBe(n);
    // The snapshot's source health is refreshed at most ten times a second.
    await until(() => (health()?.received ?? 0) >= n, 2_000, () => JSON.stringify(health()));
    expect(health()?.canReply).toBe(true);
    const list = await core?.dispatch('comments.list', { platform: 'twitch', limit: 10 }, moderator);
    expect(list?.ok).toBe(true);
  });

  it('posts an approved reply back into the channel, threaded to the comment', async () => {
    const server = irc as IrcServer;
    const viewer = await connectRawIrcClient({ host: server.host, port: server.port, nick: 'lucia', caps: ['message-tags'] });
    try {
      await viewer.join('#lumenlive');
      viewer.send('PRIVMSG #lumenlive :how long is shipping to Lima?');
      await viewer.ping();
      const row = () => core?.db.prepare("SELECT id FROM comments WHERE author = 'lucia'").get() as { id: string } | undefined;
      await until(() => row() !== undefined, 10_000, () => 'question stored');
      const id = row()?.id as string;
      const reply = viewer.waitFor((m) => m.command === 'PRIVMSG' && m.prefix?.startsWith('batonmod!') === true, 10_000, 'the reply');
      const r = await core?.dispatch('comment.answer', { id, macroId: 'shipping', send: true, by: 'Ana Reyes' }, moderator);
      expect(r?.ok).toBe(true);
      if (r?.ok) expect(r.result).toMatchObject({ sent: true, comment: { status: 'answered', claimedBy: 'Ana Reyes' } });
      const m = await reply;
      expect(m.params[1]).toBe("Standard shipping takes 3–5 working days. You'll get a tracking link by email.");
      expect(m.tags['+draft/reply']).toBe(id.slice('twitch:'.length));
    } finally {
      await viewer.close();
    }
  });

  it('reconnects after the server restarts and keeps receiving', async () => {
    const server = irc as IrcServer;
    const before = count();
    await server.restart();
    await until(() => health()?.status === 'reconnecting' || health()?.status === 'connecting', 10_000, () => JSON.stringify(health()));
    await until(() => health()?.status === 'connected', 20_000, () => JSON.stringify(health()));
    // The source has joined; a plain client (no oper) says one more thing.
    const c = await connectRawIrcClient({ host: server.host, port: server.port, nick: 'viewer2', caps: ['message-tags'] });
    await c.join('#lumenlive');
    c.send('PRIVMSG #lumenlive :back again?');
    await c.ping();
    await c.close();
    await until(() => count() === before + 1, 10_000, () => `count ${count()} vs ${before + 1}`);
  });
});
