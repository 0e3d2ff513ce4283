import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createTikTokSource, pinnedTitle, tiktokComment, type TikTokConnection } from './tiktok.source';
import { baseDeps, recordingSink, until } from './sources.test-support';

/** Stands in for tiktok-live-connector's connection: an event emitter with connect/disconnect. */
class FakeConnection extends EventEmitter implements TikTokConnection {
  constructor(private readonly outcome: () => Promise<unknown>) {
    super();
  }
  connect() {
    return this.outcome();
  }
  disconnect() {
    this.emit('closed-by-client');
  }
}

describe('TikTok source', () => {
  it('maps v1 and v2 chat shapes and questions', () => {
    expect(tiktokComment('chat', { comment: 'hi', uniqueId: 'ana', msgId: '9', createTime: '1700000000' }, 'room', 0, 1)).toMatchObject({
      platform: 'tiktok',
      messageId: '9',
      author: 'ana',
      text: 'hi',
      at: 1_700_000_000_000,
    });
    expect(tiktokComment('chat', { comment: 'yo', user: { uniqueId: 'bo' }, common: { msgId: 77, createTime: 1_700_000_000_123 }, contentLanguage: 'es' }, 'r', 0, 1)).toMatchObject({
      messageId: '77',
      author: 'bo',
      lang: 'es',
      at: 1_700_000_000_123,
    });
    expect(tiktokComment('question', { questionText: 'ship?', uniqueId: 'q' }, 'r', 5, 2)?.messageId).toBe('q-q-5-2');
    expect(tiktokComment('chat', { nothing: true }, 'r', 0, 1)).toBeNull();
    expect(pinnedTitle({ shopData: { title: 'Glow Kit bundle' } })).toBe('Glow Kit bundle');
  });

  it('connects, delivers chat, viewers and the pinned product, and reconnects when dropped', async () => {
    const sink = recordingSink();
    const conns: FakeConnection[] = [];
    const src = createTikTokSource({
      ...baseDeps,
      sink,
      config: { kind: 'tiktok', id: 'tt', uniqueId: '@lumen' },
      load: async () => ({
        ok: true,
        create: () => {
          const c = new FakeConnection(async () => ({ roomId: '7301' }));
          conns.push(c);
          return c;
        },
      }),
    });
    src.start();
    await until(() => src.health().status === 'connected', 2_000, 'connected');
    expect(src.health().detail).toMatch(/room 7301/);
    conns[0]?.emit('chat', { comment: '+1 kit', uniqueId: 'ana', msgId: '1' });
    conns[0]?.emit('questionNew', { questionText: 'does it ship to Spain?', uniqueId: 'bo' });
    conns[0]?.emit('roomUser', { viewerCount: 1234 });
    conns[0]?.emit('oecLiveShopping', { shopData: { title: 'Lip Tint Red' } });
    expect(sink.got.map((c) => c.text)).toEqual(['+1 kit', 'does it ship to Spain?']);
    expect(sink.got[0]?.room).toBe('7301');
    expect(sink.viewerCounts).toEqual([1234]);
    expect(sink.pins).toEqual(['Lip Tint Red']);
    conns[0]?.emit('disconnected');
    expect(src.health().status).toBe('reconnecting');
    await until(() => conns.length === 2 && src.health().status === 'connected', 2_000, 'reconnected');
    await src.stop();
    expect(src.health().status).toBe('stopped');
  });

  it('waits at least a minute after a rate limit, and says why', async () => {
    const sink = recordingSink();
    const src = createTikTokSource({
      ...baseDeps,
      sink,
      config: { kind: 'tiktok', id: 'tt', uniqueId: 'lumen' },
      load: async () => ({ ok: true, create: () => new FakeConnection(() => Promise.reject(new Error('Rate Limit exceeded (429)'))) }),
    });
    src.start();
    await until(() => src.health().status === 'rate_limited', 2_000, 'rate limited');
    expect(src.health().detail).toMatch(/rate-limiting us: .*retrying in 60 s/);
    await src.stop();
  });

  it('tells the signing service being unreachable apart from a room that is not live', async () => {
    for (const [message, expected] of [
      ['getaddrinfo ENOTFOUND tiktok.eulerstream.com', /signing service cannot be reached/],
      ['LIVE has ended', /is not live/],
    ] as const) {
      const src = createTikTokSource({
        ...baseDeps,
        sink: recordingSink(),
        config: { kind: 'tiktok', id: 'tt', uniqueId: 'lumen' },
        load: async () => ({ ok: true, create: () => new FakeConnection(() => Promise.reject(new Error(message))) }),
      });
      src.start();
      await until(() => expected.test(src.health().detail ?? ''), 2_000, String(expected));
      await src.stop();
    }
  });

  it('reports a missing connector package without retrying', async () => {
    let loads = 0;
    const src = createTikTokSource({
      ...baseDeps,
      sink: recordingSink(),
      config: { kind: 'tiktok', id: 'tt', uniqueId: 'lumen' },
      load: async () => {
        loads += 1;
        return { ok: false, reason: 'tiktok-live-connector is not installed' };
      },
    });
    src.start();
    await until(() => src.health().status === 'error', 1_000, 'error');
    await new Promise((r) => setTimeout(r, 100));
    expect(loads).toBe(1);
    expect(src.health().detail).toMatch(/not installed/);
    await src.stop();
  });
});
