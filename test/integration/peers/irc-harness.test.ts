// Proves the InspIRCd harness and the raw flood sender: every tagged message reaches a second
// client with msgid, time and the sender's client tags intact. Prints throughput and latency.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectRawIrcClient,
  floodIrcChannel,
  SENT_TAG,
  SEQ_TAG,
  type IrcMessage,
  type RawIrcClient,
} from '../../peers/irc-flood-sender.js';
import { startIrcServer, TWURPLE_PORT, type IrcServer } from '../../peers/irc-server.js';
import {
  stopAll,
  tcpAccepts,
  waitUntil,
  webSocketUpgrades,
} from '../../peers/process-control.js';

interface Received {
  readonly message: IrcMessage;
  readonly receivedAtMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

describe('InspIRCd harness and flood sender', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'baton-irc-harness-'));
  let server: IrcServer | undefined;
  const clients: RawIrcClient[] = [];

  function started(): IrcServer {
    if (server === undefined) throw new Error('IRC server did not start');
    return server;
  }

  async function receiver(
    channel: string,
  ): Promise<{ client: RawIrcClient; bySeq: Map<number, Received> }> {
    const irc = started();
    const client = await connectRawIrcClient({
      host: irc.host,
      port: irc.port,
      nick: `recv${clients.length}`,
      caps: ['message-tags', 'server-time'],
    });
    clients.push(client);
    expect(client.caps).toContain('message-tags');
    await client.join(channel);
    const bySeq = new Map<number, Received>();
    client.onMessage((message, receivedAtMs) => {
      const seq = message.tags[SEQ_TAG];
      if (message.command === 'PRIVMSG' && seq !== undefined)
        bySeq.set(Number(seq), { message, receivedAtMs });
    });
    return { client, bySeq };
  }

  beforeAll(async () => {
    const t0 = performance.now();
    server = await startIrcServer({ workDir });
    console.log(`InspIRCd start to accepting: ${(performance.now() - t0).toFixed(0)} ms`);
  });

  afterAll(async () => {
    await Promise.allSettled(clients.map((c) => c.close()));
    await stopAll([server]);
    rmSync(workDir, { recursive: true, force: true });
  });

  it('delivers 2,000 paced messages with msgid, time and client tags intact', async () => {
    const irc = started();
    const channel = '#show';
    const { bySeq } = await receiver(channel);
    const count = 2_000;
    const result = await floodIrcChannel({
      host: irc.host,
      port: irc.port,
      operName: irc.operName,
      operPassword: irc.operPassword,
      channel,
      count,
      ratePerSecond: 5_000,
      tags: (seq) => ({ '+baton/sku': `SKU-${seq % 7}` }),
      text: (seq) => `is #${seq % 3} still in stock? ; spaces\\and=signs`,
    });
    expect(result.sent).toBe(count);
    await waitUntil(() => Promise.resolve(bySeq.size >= count), {
      timeoutMs: 10_000,
      description: `receiver got ${bySeq.size}/${count}`,
    });

    const msgids = new Set<string>();
    const latencies: number[] = [];
    for (let seq = result.firstSeq; seq <= result.lastSeq; seq += 1) {
      const got = bySeq.get(seq);
      expect(got, `seq ${seq}`).toBeDefined();
      if (got === undefined) continue;
      const { tags, params } = got.message;
      expect(tags['msgid']).toMatch(/\S/);
      msgids.add(tags['msgid'] ?? '');
      expect(tags['time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(tags['+baton/sku']).toBe(`SKU-${seq % 7}`);
      expect(params).toEqual([channel, `is #${seq % 3} still in stock? ; spaces\\and=signs`]);
      latencies.push(got.receivedAtMs - Number(tags[SENT_TAG]));
    }
    expect(msgids.size).toBe(count);
    latencies.sort((a, b) => a - b);
    const lastReceived = Math.max(...[...bySeq.values()].map((r) => r.receivedAtMs));
    console.log(
      `IRC paced: sent ${count} at ${result.achievedRatePerSecond.toFixed(0)}/s (target 5000/s); delivered in ${lastReceived - result.startedAtMs} ms; latency p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms`,
    );
  });

  it('keeps up with an unpaced burst of 2,000', async () => {
    const irc = started();
    const channel = '#burst';
    const { bySeq } = await receiver(channel);
    const count = 2_000;
    // Once, a burst took ~1 s here; this tells a stalled test process apart from a stalled server.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const result = await floodIrcChannel({
      host: irc.host,
      port: irc.port,
      operName: irc.operName,
      operPassword: irc.operPassword,
      channel,
      count,
      ratePerSecond: Number.POSITIVE_INFINITY,
    });
    await waitUntil(() => Promise.resolve(bySeq.size >= count), {
      timeoutMs: 10_000,
      description: `receiver got ${bySeq.size}/${count}`,
    });
    loopDelay.disable();
    const received = [...bySeq.values()].map((r) => r.receivedAtMs);
    const lastReceived = Math.max(...received);
    const seconds = Math.max(1, lastReceived - result.startedAtMs) / 1000;
    console.log(
      `IRC burst: ${count} written in ${result.lastWriteAtMs - result.startedAtMs} ms, processed by ${result.acknowledgedAtMs - result.startedAtMs} ms, first received at ${Math.min(...received) - result.startedAtMs} ms, all in ${(seconds * 1000).toFixed(0)} ms = ${(count / seconds).toFixed(0)} msg/s end to end; test process max event-loop delay ${(loopDelay.max / 1e6).toFixed(0)} ms`,
    );
  });

  it('restarts on the same port', async () => {
    const irc = started();
    const oldPid = irc.pid;
    await irc.restart();
    expect(irc.pid).not.toBe(oldPid);
    const client = await connectRawIrcClient({
      host: irc.host,
      port: irc.port,
      nick: 'afterrestart',
    });
    clients.push(client);
    expect(await client.ping()).toBeGreaterThan(0);
  });

  it('binds the fixed @twurple port and a WebSocket port when asked', async (context) => {
    if (await tcpAccepts(TWURPLE_PORT))
      context.skip(`port ${TWURPLE_PORT} is taken on this machine`);
    const fixed = await startIrcServer({
      workDir: join(workDir, 'fixed'),
      fixedPort: TWURPLE_PORT,
      webSocket: true,
    });
    try {
      expect(fixed.port).toBe(TWURPLE_PORT);
      const client = await connectRawIrcClient({
        host: fixed.host,
        port: fixed.port,
        nick: 'fixedport',
      });
      await client.close();
      expect(fixed.wsPort).toBeTypeOf('number');
      expect(await webSocketUpgrades(fixed.wsPort ?? 0)).toBe(true);
    } finally {
      await fixed.dispose();
    }
    expect(fixed.isRunning()).toBe(false);
  });
});
