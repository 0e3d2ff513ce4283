// A real headless station process (from source, under tsx) for the hostile-input suite: known
// role tokens, every log line captured, and raw-socket helpers for requests a browser or fetch
// would never send. BATON_STATION_ROOT runs another checkout (to show a hole on the old code).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { ROLES, type Role } from '../../../src/shared/contract/roles';
import { freePort } from '../../peers/station-process';

export const ROOT = process.env.BATON_STATION_ROOT ?? resolve(import.meta.dirname, '../../..');

export interface HostileStation {
  url: string;
  port: number;
  dataDir: string;
  tokens: Record<Role, string>;
  eventSecret: string;
  child: ChildProcess;
  /** Everything the process printed (stdout and stderr). */
  output(): string;
  alive(): boolean;
  api(name: string, args: unknown, role?: Role): Promise<{ status: number; body: { ok: boolean; result?: unknown; error?: { code: string; message: string; issues?: { path: string }[] } } }>;
  /** Sends raw bytes and returns the raw answer (until the server closes or `ms` passes). */
  raw(text: string, ms?: number): Promise<string>;
  ws(role: Role | null, options?: { token?: string; headers?: Record<string, string> }): Promise<HostileSocket>;
  stop(): Promise<void>;
}

export interface HostileSocket {
  socket: WebSocket;
  messages: Record<string, unknown>[];
  /** Waits for the first message matching `test`. */
  next(test: (m: Record<string, unknown>) => boolean, ms?: number): Promise<Record<string, unknown>>;
  close(): void;
}

export function secret(prefix: string): string {
  return `${prefix}-${randomBytes(12).toString('hex')}`;
}

export async function startHostileStation(options: { args?: string[]; env?: Record<string, string>; dataDir?: string; tokens?: Record<Role, string> | null; waitFor?: string } = {}): Promise<HostileStation> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'baton-hostile-'));
  mkdirSync(dataDir, { recursive: true });
  const tokens: Record<Role, string> = options.tokens ?? (Object.fromEntries(ROLES.map((r) => [r, secret(r)])) as Record<Role, string>);
  const eventSecret = secret('event-hmac');
  const secretsFile = join(dataDir, 'secrets.json');
  if (options.tokens !== null && !existsSync(secretsFile)) {
    const list = (Object.keys(tokens) as Role[]).map((role) => ({ role, label: `${role} (test)`, token: tokens[role] }));
    writeFileSync(secretsFile, JSON.stringify({ 'api.tokens': JSON.stringify(list), 'commerce.events.hmac': eventSecret }), { mode: 0o600 });
  }
  const port = await freePort();
  const args = ['--import', 'tsx', join(ROOT, 'src/station/headless.cli.ts'), '--headless', '--port', String(port), '--data', dataDir, ...(options.args ?? [])];
  const env: Record<string, string | undefined> = { ...process.env, BATON_QUIET: '0', ...options.env };
  delete env.BATON_PRODUCER_TOKEN;
  if (options.env?.BATON_PRODUCER_TOKEN) env.BATON_PRODUCER_TOKEN = options.env.BATON_PRODUCER_TOKEN;
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const ready = options.waitFor ?? 'station ready at';
  const deadline = Date.now() + 60_000;
  while (!out.includes(ready)) {
    if (child.exitCode !== null) throw new StationExit(child.exitCode, out);
    if (Date.now() > deadline) throw new Error(`station did not start in 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const scheme = out.includes('https://127.0.0.1') ? 'https' : 'http';
  const url = `${scheme}://127.0.0.1:${port}`;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    url,
    port,
    dataDir,
    tokens,
    eventSecret,
    child,
    output: () => out,
    alive: () => child.exitCode === null && child.signalCode === null,
    async api(name, body, role = 'producer') {
      const r = await fetch(`${url}/api/commands/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body ?? {}),
      });
      return { status: r.status, body: (await r.json()) as never };
    },
    raw(text, ms = 3000) {
      return new Promise((resolveRaw) => {
        let got = '';
        const s = connect(port, '127.0.0.1', () => s.write(text));
        const done = () => {
          clearTimeout(timer);
          s.destroy();
          resolveRaw(got);
        };
        const timer = setTimeout(done, ms);
        s.on('data', (d: Buffer) => {
          got += d.toString('latin1');
          // One complete answer is enough: headers plus the announced body.
          const head = got.indexOf('\r\n\r\n');
          const len = /content-length:\s*(\d+)/i.exec(got)?.[1];
          if (head >= 0 && len !== undefined && got.length >= head + 4 + Number(len)) done();
        });
        s.on('error', done);
        s.on('close', done);
      });
    },
    async ws(role, o = {}) {
      const token = o.token ?? (role ? tokens[role] : '');
      const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/events?token=${encodeURIComponent(token)}`, { headers: o.headers ?? {}, rejectUnauthorized: false });
      const messages: Record<string, unknown>[] = [];
      const waiters: { test: (m: Record<string, unknown>) => boolean; resolve: (m: Record<string, unknown>) => void }[] = [];
      socket.on('message', (d: Buffer) => {
        const m = JSON.parse(d.toString('utf8')) as Record<string, unknown>;
        messages.push(m);
        for (const w of [...waiters]) if (w.test(m)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
        }
      });
      await new Promise<void>((res, rej) => {
        socket.once('open', () => res());
        socket.once('error', rej);
        socket.once('unexpected-response', (_req, r) => rej(new SocketRefused(r.statusCode ?? 0, r.headers)));
      });
      return {
        socket,
        messages,
        next(test, ms = 5000) {
          const found = messages.find(test);
          if (found) return Promise.resolve(found);
          return new Promise((res, rej) => {
            const w = { test, resolve: res };
            waiters.push(w);
            setTimeout(() => rej(new Error(`no matching message in ${ms} ms; got ${JSON.stringify(messages.map((m) => m.t)).slice(0, 300)}`)), ms);
          });
        },
        close: () => socket.close(),
      };
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export class StationExit extends Error {
  constructor(
    readonly code: number,
    readonly output: string,
  ) {
    super(`station exited (${code}):\n${output}`);
  }
}

export class SocketRefused extends Error {
  constructor(
    readonly status: number,
    readonly headers: Record<string, unknown>,
  ) {
    super(`WebSocket refused with ${status}`);
  }
}

export function readFile(path: string): string {
  return readFileSync(path, 'utf8');
}
