// A sign-off link works once. Its check (unused?) and its mark (used) were a turn apart: the
// decision's handler awaited between them, so decisions dispatched in one turn all passed the check,
// and one link both returned and approved the same version (each audited as the approver's own).
// Two frames of a producer's WebSocket read from one packet are one turn; HTTP requests, each read
// in a turn of its own, did not race (the HTTP test stays as a guard).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { WebSocket } from 'ws';
import { createTestCore, DEMO_SHOW, producer } from '../../support/test-core';
import { startTestApi, TEST_PRODUCER_TOKEN, type TestApi } from '../../support/test-api';
import { createSignoffRoutes } from '../../../src/station/routes/signoff.route';
import type { Core } from '../../../src/core/core';

let core: Core;
let t: TestApi;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-signoff-'));
  core = createTestCore({ dataDir: dir, clock: { now: () => Date.now(), monotonic: () => performance.now() } });
  core.show.loadFile(DEMO_SHOW);
  await core.start();
  t = await startTestApi(core, { routes: createSignoffRoutes({ dispatch: core.dispatch }) });
});
afterAll(async () => {
  await t.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function freshLink(): Promise<{ code: string; versionId: string }> {
  const source = readFileSync('resources/demo-show/script.md', 'utf8').replace('Hi everyone', `Hello everyone ${Math.random()}`);
  const saved = await core.dispatch('script.save', { format: 'markdown', source }, producer);
  if (!saved.ok) throw new Error(saved.error.message);
  const versionId = (saved.result as { version: { id: string } }).version.id;
  const link = await core.dispatch('script.signoffLink', { versionId, approver: 'priya' }, producer);
  if (!link.ok) throw new Error(link.error.message);
  return { code: new URL(link.result.path, 'http://x').searchParams.get('link')!, versionId };
}

describe('a sign-off link under decisions sent together', () => {
  it('takes one decision, in the core, when two arrive in the same turn', async () => {
    const { code } = await freshLink();
    const caller = { actor: 'Priya Shah (own sign-off link)', role: 'producer' as const, via: 'http' as const };
    const answers = await Promise.all([
      core.dispatch('script.signoff', { link: code, decision: 'return', comments: [{ cueId: 'opening.1', comment: 'say hello' }] }, caller),
      core.dispatch('script.signoff', { link: code, decision: 'approve', note: 'fine' }, caller),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    const refused = answers.find((a) => !a.ok);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('takes one decision when a producer’s socket sends two in one packet', async () => {
    const { code } = await freshLink();
    const ws = new WebSocket(`${t.events}?token=${TEST_PRODUCER_TOKEN}`);
    const results: { id: string; ok: boolean; error?: { code: string } }[] = [];
    ws.on('message', (d: Buffer) => {
      const m = JSON.parse(d.toString('utf8')) as { t: string; id: string; ok: boolean };
      if (m.t === 'result') results.push(m);
    });
    await new Promise((r) => ws.once('open', r));
    // Both frames in one write: the station reads them in one turn.
    const raw = (ws as unknown as { _socket: Socket })._socket;
    raw.cork();
    ws.send(JSON.stringify({ t: 'command', id: 'ret', name: 'script.signoff', args: { link: code, decision: 'return', comments: [{ cueId: 'opening.1', comment: 'say hello' }] } }));
    ws.send(JSON.stringify({ t: 'command', id: 'app', name: 'script.signoff', args: { link: code, decision: 'approve', note: 'fine' } }));
    raw.uncork();
    const t0 = Date.now();
    while (results.length < 2 && Date.now() - t0 < 5_000) await new Promise((r) => setTimeout(r, 10));
    ws.close();
    expect(results).toHaveLength(2);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)?.error?.code).toBe('conflict');
  });

  it('takes one decision over HTTP when several are posted at once', async () => {
    const { code, versionId } = await freshLink();
    const post = (body: unknown) => fetch(`${t.base}/api/signoff`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        post(i % 2 ? { link: code, decision: 'approve', note: 'fine' } : { link: code, decision: 'return', comments: [{ cueId: 'opening.1', comment: 'say hello' }] }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    // The audit names one decision on that version by the link.
    const rows = core.audit.list({ limit: 200 }).filter((r) => r.command === 'script.signoff' && r.outcome === 'ok' && JSON.stringify(r).includes(versionId.slice(0, 8)));
    expect(rows.length).toBeLessThanOrEqual(1);
  });
});
