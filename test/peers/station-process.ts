// Starts the built headless station as a child process with a fresh data folder and known
// tokens (written into its secrets file, exactly as a first start would), for e2e tests and
// benchmarks that need a real station over real sockets.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { ROLES, type Role } from '../../src/shared/contract/roles';

export interface StationProcess {
  url: string;
  port: number;
  dataDir: string;
  tokens: Record<Role, string>;
  child: ChildProcess;
  output(): string;
  api<T = unknown>(name: string, args: unknown, role?: Role): Promise<{ status: number; body: { ok: boolean; result?: T; error?: { code: string; message: string } } }>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

const ROOT = resolve(import.meta.dirname, '../..');

export async function startStationProcess(
  options: { dataDir?: string; showFile?: string; port?: number; /** More secrets for the station's store (a store password named by the show). */ secrets?: Record<string, string>; env?: Record<string, string>; args?: string[]; /** Flags for Node itself (`--cpu-prof`). */ nodeArgs?: string[]; /** Another build's headless.js (an A/B against a saved build); this tree's by default. */ entry?: string } = {},
): Promise<StationProcess> {
  const entry = options.entry ?? join(ROOT, 'out/main/headless.js');
  if (!existsSync(entry)) throw new Error('The station is not built: run `npm run build` first.');
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'baton-e2e-'));
  const ownsDir = !options.dataDir;
  mkdirSync(dataDir, { recursive: true });
  const tokens = Object.fromEntries(ROLES.map((r) => [r, `${r}-${Math.random().toString(36).slice(2)}`])) as Record<Role, string>;
  const secretsFile = join(dataDir, 'secrets.json');
  if (!existsSync(secretsFile)) {
    const list = (Object.keys(tokens) as Role[]).map((role) => ({ role, label: `${role} (test)`, token: tokens[role] }));
    writeFileSync(secretsFile, JSON.stringify({ ...options.secrets, 'api.tokens': JSON.stringify(list) }), { mode: 0o600 });
  }
  const port = options.port ?? (await freePort());
  const args = [...(options.nodeArgs ?? []), entry, '--headless', '--port', String(port), '--data', dataDir];
  if (options.showFile) args.push('--show', options.showFile);
  if (options.args) args.push(...options.args);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, BATON_QUIET: '1', BATON_PRODUCER_TOKEN: tokens.producer, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (!out.includes('station ready at')) {
    if (child.exitCode !== null) throw new Error(`station exited (${child.exitCode}):\n${out}`);
    if (Date.now() > deadline) throw new Error(`station did not start in 20 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };
  return {
    url,
    port,
    dataDir,
    tokens,
    child,
    output: () => out,
    async api(name, body, role = 'producer') {
      const r = await fetch(`${url}/api/commands/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      return { status: r.status, body: (await r.json()) as never };
    },
    async stop() {
      await end('SIGTERM');
      if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      await end('SIGKILL');
    },
  };
}
