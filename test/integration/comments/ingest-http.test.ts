// The generic ingest over the station's real HTTP and WebSocket: bad payloads get clear errors and
// cost nothing else; RTL, emoji and HTML arrive as the exact text; a sustained load over both
// transports is stored and pushed to a subscribed view without losing one comment.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../peers/process-control';
import type { ServerMessage } from '../../../src/shared/contract/index';
import { startTestStation, writeQuietShow, type TestStation } from '../../peers/headless-station';

const TOKEN = `producer-${Math.random().toString(36).slice(2)}-http`;

describe('comments.ingest over HTTP and WebSocket', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-ingest-'));
  let s: TestStation;
  beforeAll(async () => {
    s = await startTestStation({ dataDir, port: await findFreePort(), showFile: writeQuietShow(dataDir, 'ingest-test'), token: TOKEN, name: 'station' });
  });
  afterAll(async () => {
    await s?.proc.stop('SIGTERM', 5_000);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers malformed, oversized and partly bad batches clearly, and loses nothing else', async () => {
    const notJson = await s.api('comments.ingest', '{"comments": [ {"platform": "tiktok",');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error?.message).toMatch(/not valid JSON/);
    const noArray = await s.api('comments.ingest', { comments: 'hello' });
    expect(noArray.status).toBe(400);
    expect(noArray.body.error?.message).toMatch(/comments/);
    const huge = await s.api('comments.ingest', { comments: [{ platform: 'tiktok', id: 'big', author: 'a', text: 'x'.repeat(10 * 1024) }] });
    expect(huge.status).toBe(400);
    expect(huge.body.error?.message).toMatch(/at most 2,000 characters/);
    // Over the 4 MB body limit: a readable 413, none of it stored, and the station carries on.
    const tooBig = await s
      .api('comments.ingest', { comments: Array.from({ length: 1000 }, (_, i) => ({ platform: 'tiktok', id: `z${i}`, author: 'a', text: '€'.repeat(2000) })) })
      .then((r) => ({ status: r.status, message: r.body.error?.message }));
    expect(tooBig.status).toBe(413);
    expect(tooBig.message).toMatch(/limit is 4194304 bytes/);
    const z = await s.api<{ comments: unknown[] }>('comments.list', { platform: 'tiktok' });
    expect(z.body.result?.comments).toEqual([]);

    const texts = {
      rtl: 'هل يتوفر أحمر الشفاه باللون الأحمر؟ \u202Etxt.exe',
      emoji: '😍🔥🛒 +1 👩🏽‍🦱 kit!!',
      html: '<img src=x onerror=alert(1)><script>alert(2)</script> is #2 vegan?',
      newline: 'line one\nline two',
    };
    const mixed = await s.api<{ accepted: number; duplicates: number; rejected: { index: number; message: string }[] }>('comments.ingest', {
      comments: [
        ...Object.entries(texts).map(([id, text]) => ({ platform: 'tiktok', id, author: 'Ana <b>', text })),
        { platform: 'tiktok', id: 'big', author: 'a', text: 'x'.repeat(10 * 1024) },
        { platform: 'tik tok!', id: 'bad-platform', author: 'a', text: 'hi' },
        { platform: 'tiktok', id: 'rtl', author: 'again', text: 'dup' },
      ],
    });
    expect(mixed.status).toBe(200);
    expect(mixed.body.result).toMatchObject({ accepted: 4, duplicates: 1 });
    expect(mixed.body.result?.rejected.map((r) => r.index)).toEqual([4, 5]);
    const list = await s.api<{ comments: { id: string; text: string; author: string }[] }>('comments.list', { platform: 'tiktok' });
    const byId = new Map(list.body.result?.comments.map((c) => [c.id, c]));
    for (const [id, text] of Object.entries(texts)) expect(byId.get(`tiktok:${id}`)?.text).toBe(text);
    expect(byId.get('tiktok:html')?.author).toBe('Ana <b>');
    expect((await fetch(`${s.url}/api/health`)).ok).toBe(true);
  });

  it('stores and pushes 20,000 comments sent over HTTP and WebSocket at once, none lost', async () => {
    const ws = new WebSocket(`${s.url.replace('http', 'ws')}/api/events?token=${TOKEN}`);
    const pushed = new Set<string>();
    const results = new Map<string, (r: { ok: boolean; result?: unknown }) => void>();
    ws.on('message', (data) => {
      const m = JSON.parse((data as Buffer).toString('utf8')) as ServerMessage;
      if (m.t === 'event' && m.event.name === 'comments.changed') for (const c of m.event.comments) pushed.add(c.id);
      if (m.t === 'result') results.get(m.id)?.(m);
    });
    await new Promise<void>((r, j) => {
      ws.once('open', () => r());
      ws.once('error', j);
    });
    const sendWs = (id: string, comments: unknown[]) =>
      new Promise<{ ok: boolean; result?: unknown }>((resolve) => {
        results.set(id, resolve);
        ws.send(JSON.stringify({ t: 'command', id, name: 'comments.ingest', args: { comments } }));
      });
    const mk = (prefix: string, b: number) =>
      Array.from({ length: 100 }, (_, i) => ({ platform: 'load', id: `${prefix}-${b}-${i}`, author: `v${i}`, text: i % 2 ? `+1 red tint ${b}` : `envío a Lima? ${b}` }));
    let accepted = 0;
    const t0 = performance.now();
    await Promise.all([
      (async () => {
        for (let b = 0; b < 100; b++) {
          const r = await s.api<{ accepted: number }>('comments.ingest', { comments: mk('http', b) });
          if (!r.body.ok) console.log(JSON.stringify(r.body));
          accepted += r.body.result?.accepted ?? 0;
        }
      })(),
      (async () => {
        for (let b = 0; b < 100; b++) {
          const r = await sendWs(`w${b}`, mk('ws', b));
          if (!r.ok) console.log(JSON.stringify(r));
          accepted += (r.result as { accepted: number } | undefined)?.accepted ?? 0;
        }
      })(),
    ]);
    const ms = performance.now() - t0;
    const deadline = Date.now() + 10_000;
    while (pushed.size < 20_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    ws.close();
    console.log(`ingest load: 20,000 comments acknowledged in ${ms.toFixed(0)} ms (${((20_000 / ms) * 1000).toFixed(0)}/s), ${pushed.size} pushed`);
    expect(accepted).toBe(20_000);
    expect([...pushed].filter((id) => id.startsWith('load:')).length).toBe(20_000);
  });
});
