// `npm start -- --headless --port P --data D`, exactly as the README says, answers the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../peers/station-process';

let child: ChildProcess;
let out = '';
let base = '';
const dir = mkdtempSync(join(tmpdir(), 'baton-start-'));
const TOKEN = 'integration-producer-token';

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn('npm', ['start', '--', '--headless', '--port', String(port), '--data', dir], {
    env: { ...process.env, BATON_PRODUCER_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const end = Date.now() + 120_000;
  while (!out.includes(`http://127.0.0.1:${port}`)) {
    if (child.exitCode !== null) throw new Error(out);
    if (Date.now() > end) throw new Error(`no ready line:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
});

afterAll(async () => {
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start -- --headless', () => {
  it('prints one ready line with the URL and answers health', async () => {
    expect(out).toMatch(/headless station ready at http:\/\/127\.0\.0\.1:\d+/);
    const r = await fetch(`${base}/api/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ok: true, mode: 'headless' });
  });

  it('guards the state with tokens; BATON_PRODUCER_TOKEN is a producer token', async () => {
    expect((await fetch(`${base}/api/state`)).status).toBe(401);
    const ok = await fetch(`${base}/api/state`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    const unknown = await fetch(`${base}/api/commands/nope.nope`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: '{}' });
    expect(unknown.status).toBe(404);
    const bad = await fetch(`${base}/api/commands/alert.ack`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: '{"id":1}' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('id');
  });

  it('serves the UI and keeps its secrets file private', async () => {
    const page = await fetch(`${base}/producer`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('creates tokens on first start and shows them to the producer', () => {
    expect(out).toMatch(/producer:\s+http:\/\/127\.0\.0\.1:\d+\/producer\?token=/);
  });
});
