// kill -9 of the headless station loses no acknowledged comment: comments are ingested over HTTP
// (some while the kill lands), the station is SIGKILLed, started again on the same data folder,
// and every acknowledged comment, claim and queue count is found as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort, type ManagedProcess } from '../../peers/process-control';
import { startTestStation, writeQuietShow, type TestStation } from '../../peers/headless-station';

const TOKEN = `producer-${Math.random().toString(36).slice(2)}-crash`;

type Station = TestStation;
const startStation = (dataDir: string, port: number, showFile: string, n: number) =>
  startTestStation({ dataDir, port, showFile, token: TOKEN, name: `station-${n}` });
const api = <T>(s: Station, name: string, args: unknown) => s.api<T>(name, args);

const batch = (prefix: string, from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    platform: 'webhook',
    id: `${prefix}-${from + i}`,
    author: `viewer${(from + i) % 97}`,
    text: (from + i) % 3 === 0 ? `+1 glow kit #${from + i}` : (from + i) % 3 === 1 ? `does the serum ship to Lima? ${from + i}` : `hi from Jakarta ${from + i}`,
  }));

describe('kill -9 of the station', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-crash-'));
  const procs: ManagedProcess[] = [];
  afterAll(async () => {
    for (const p of procs) await p.stop('SIGTERM', 5_000);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged comment and brings the queues back as they were', async () => {
    const showFile = writeQuietShow(dataDir, 'crash-test');
    const port = await findFreePort();

    const a = await startStation(dataDir, port, showFile, 1);
    procs.push(a.proc);
    const acked = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const r = await api<{ accepted: number }>(a, 'comments.ingest', { comments: batch('calm', i * 100, 100) });
      expect(r.status).toBe(200);
      expect(r.body.result?.accepted).toBe(100);
      for (const c of batch('calm', i * 100, 100)) acked.add(`webhook:${c.id}`);
    }
    const claim = await api<{ comment: { claimedBy: string } }>(a, 'comment.claim', { id: 'webhook:calm-1', by: 'Ana Reyes' });
    expect(claim.body.ok).toBe(true);
    const answer = await api(a, 'comment.answer', { id: 'webhook:calm-2', by: 'Dewi Santoso', macroId: 'shipping' });
    expect(answer.body.ok).toBe(true);

    // A burst in flight while the kill lands: only what was acknowledged must survive.
    let stop = false;
    let sent = 0;
    const senders = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const comments = batch(`burst${w}`, i * 50, 50);
        sent += 1;
        try {
          const r = await api<{ accepted: number }>(a, 'comments.ingest', { comments });
          if (r.status === 200) for (const c of comments) acked.add(`webhook:${c.id}`);
        } catch {
          return; // the station is gone
        }
      }
    });
    await new Promise((r) => setTimeout(r, 700));
    await a.proc.kill();
    stop = true;
    await Promise.all(senders);
    expect(a.proc.exitInfo()?.signal).toBe('SIGKILL');
    expect(acked.size).toBeGreaterThan(2_000);

    const b = await startStation(dataDir, port, showFile, 2);
    procs.push(b.proc);
    const all = async (filter: Record<string, unknown>) => {
      const out: { id: string; queue: string }[] = [];
      let after: string | undefined;
      for (;;) {
        const r = await api<{ comments: { id: string; queue: string }[] }>(b, 'comments.list', { ...filter, limit: 5000, ...(after ? { after } : {}) });
        const page = r.body.result?.comments ?? [];
        out.push(...page);
        if (page.length < 5000) return out;
        after = page.at(-1)?.id;
      }
    };
    const found = new Set((await all({})).map((c) => c.id));
    const missing = [...acked].filter((id) => !found.has(id));
    console.log(`crash: ${acked.size} acknowledged (${sent} burst requests sent), ${found.size} stored after restart, ${missing.length} missing`);
    expect(missing).toEqual([]);

    const c1 = await api<{ comments: { id: string; status: string; claimedBy: string | null }[] }>(b, 'comments.list', { status: 'claimed' });
    expect(c1.body.result?.comments.map((c) => [c.id, c.claimedBy])).toEqual([['webhook:calm-1', 'Ana Reyes']]);
    const again = await api(b, 'comment.claim', { id: 'webhook:calm-1', by: 'Dewi Santoso' });
    expect(again.status).toBe(409);
    expect(again.body.error?.message).toBe('Ana Reyes is replying to this comment.');

    // The restarted queues hold exactly the open comments on disk.
    await new Promise((r) => setTimeout(r, 300));
    const state = (await (await fetch(`${b.url}/api/state`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
      state: { comments: { total: number; byQueue: Record<string, number> } };
    };
    const expected: Record<string, number> = {};
    for (const c of await all({ open: true })) expected[c.queue] = (expected[c.queue] ?? 0) + 1;
    for (const [q, n] of Object.entries(state.state.comments.byQueue)) expect(n, q).toBe(expected[q] ?? 0);
    expect(state.state.comments.total).toBe(found.size);
  });
});
