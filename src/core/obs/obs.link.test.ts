import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../platform/logger';
import { startFakeObs, type FakeObs } from '../../../test/support/fake-obs-server';
import { connectObsWebSocket, type ObsSession } from './obs.client';
import { createObsLink, type LinkStatus, type ObsLink } from './obs.link';
import { until } from '../../../test/support/until';

const timing = { connectTimeoutMs: 500, requestTimeoutMs: 300, backoffBaseMs: 40, backoffCapMs: 160 };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function harness(options: { resync?: (s: ObsSession) => Promise<void> } = {}) {
  const statuses: LinkStatus['link'][] = [];
  const errors: (string | null)[] = [];
  const lost: string[] = [];
  let resyncs = 0;
  const link: ObsLink = createObsLink({
    connect: connectObsWebSocket,
    timing,
    random: () => 0.5,
    log: silentLogger,
    onStatus: (s) => {
      statuses.push(s.link);
      if (s.link === 'connecting' || s.link === 'disconnected') errors.push(s.error);
    },
    onSession: async (s) => {
      resyncs += 1;
      await (options.resync ? options.resync(s) : s.call('GetSceneList').then(() => undefined));
    },
    onLost: (reason) => void lost.push(reason),
  });
  cleanups.push(() => link.close());
  return { link, statuses, errors, lost, resyncs: () => resyncs };
}

async function fake(password: string | null = 'secret'): Promise<FakeObs> {
  const f = await startFakeObs({ password });
  cleanups.push(() => f.close());
  return f;
}

describe('the OBS link manager', () => {
  it('connects, resyncs, and only then hands out the session', async () => {
    const obs = await fake();
    let sessionDuringResync: ObsSession | null | undefined;
    const h = harness({
      resync: async (s) => {
        sessionDuringResync = h.link.session();
        await s.call('GetSceneList');
      },
    });
    const first = await h.link.open({ url: obs.url, password: 'secret' });
    expect(first).toEqual({ link: 'connected', error: null });
    expect(sessionDuringResync).toBeNull();
    expect(h.link.session()).not.toBeNull();
    expect(h.statuses).toEqual(['connecting', 'connected', 'synced']);
  });

  it('reconnects by itself after a drop, resyncs again, and reports why it was lost', async () => {
    const obs = await fake();
    const h = harness();
    await h.link.open({ url: obs.url, password: 'secret' });
    const before = h.link.session();
    obs.dropAll();
    await until(() => h.resyncs() === 2 && h.link.session() !== null);
    expect(h.link.session()).not.toBe(before);
    expect(h.statuses).toEqual(['connecting', 'connected', 'synced', 'connecting', 'connected', 'synced']);
    expect(h.lost[0]).toContain('dropped (OBS crashed, or the network failed)');
    expect(obs.clients()).toBe(1);
  });

  it('keeps retrying with backoff while OBS is away, and connects once it is back', async () => {
    const obs = await fake();
    const h = harness();
    await h.link.open({ url: obs.url, password: 'secret' });
    await obs.stop();
    await until(() => h.errors.some((e) => e?.startsWith('OBS not running')));
    const triesBefore = h.statuses.filter((s) => s === 'connecting').length;
    await new Promise((r) => setTimeout(r, 400));
    const tries = h.statuses.filter((s) => s === 'connecting').length - triesBefore;
    // 40, 80, 160, 160… ms with the jitter at its middle: a handful of tries, not hundreds.
    expect(tries).toBeGreaterThanOrEqual(2);
    expect(tries).toBeLessThan(12);
    await obs.restart();
    await until(() => h.link.session() !== null);
  });

  it('stops for good on a wrong password instead of hammering OBS', async () => {
    const obs = await fake();
    const h = harness();
    const first = await h.link.open({ url: obs.url, password: 'wrong' });
    expect(first.link).toBe('disconnected');
    expect(first.error).toContain('wrong password');
    await new Promise((r) => setTimeout(r, 200));
    expect(h.statuses.filter((s) => s === 'connecting')).toHaveLength(1);
  });

  it('answers the first attempt at once when OBS is not running, and keeps trying in the background', async () => {
    const obs = await fake();
    await obs.stop();
    const h = harness();
    const first = await h.link.open({ url: obs.url, password: 'secret' });
    expect(first.link).toBe('connecting');
    expect(first.error).toContain('OBS not running at');
    await obs.restart();
    await until(() => h.link.session() !== null);
  });

  it('drops a session on demand (a request went unanswered) and resyncs a fresh one', async () => {
    const obs = await fake();
    const h = harness();
    await h.link.open({ url: obs.url, password: 'secret' });
    const before = h.link.session();
    h.link.drop('OBS stopped answering');
    await until(() => h.lost.length === 1);
    expect(h.lost[0]).toBe('OBS stopped answering');
    await until(() => h.link.session() !== null && h.link.session() !== before);
  });

  it('treats a resync that times out as a failed session and retries', async () => {
    const obs = await fake();
    obs.silence('GetSceneList');
    const h = harness();
    const first = await h.link.open({ url: obs.url, password: 'secret' });
    expect(first.link).toBe('connecting');
    expect(first.error).toContain('Resync with OBS failed');
    expect(h.link.session()).toBeNull();
    obs.unsilence();
    await until(() => h.link.session() !== null);
    expect(h.resyncs()).toBeGreaterThanOrEqual(2);
  });

  it('close() ends the session and the retries', async () => {
    const obs = await fake();
    const h = harness();
    await h.link.open({ url: obs.url, password: 'secret' });
    await h.link.close();
    expect(h.link.session()).toBeNull();
    await until(() => obs.clients() === 0);
    await new Promise((r) => setTimeout(r, 200));
    expect(obs.clients()).toBe(0);
    expect(h.statuses.at(-1)).toBe('disconnected');
  });
});
