// Starts the throwaway Vendure store of test/vendure for integration tests and benchmarks.
// Only node: builtins and global fetch.
//
//   const store = await startVendureStore({ workDir });
//   await store.adminGraphql(`mutation { updatePromotion(input: { id: "1", enabled: false }) { __typename } }`);
//   await store.stop();
//
// - installs test/vendure's dependencies if needed (test/vendure/install.mjs, cached),
// - runs test/vendure/server.mjs on a free 127.0.0.1 port with SQLite at <workDir>/vendure.sqlite,
// - waits for GET /health, seeds through the Admin API (test/vendure/seed.mjs, first start only),
// - appends the server's output to <workDir>/vendure.log,
// - never leaves a process behind: stop()/kill() wait for the exit, a process 'exit' hook SIGKILLs
//   whatever is still running, and the server itself exits when its stdin closes or its parent dies.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VENDURE_DIR = join(REPO_ROOT, 'test', 'vendure');

export interface VendureSeed {
  promotionId: string;
  promotionName: string;
  couponCode: 'LIVEGLOW';
  bundleSku: 'BNDL-GLOW-KIT';
  /** GLW-SER-30, GLW-SER-50, LIP-TINT-RED, LIP-TINT-NUDE, LIP-TINT-BERRY, BNDL-GLOW-KIT → variant id */
  variantIdsBySku: Record<string, string>;
  /** glow-serum, lip-tint, glow-kit → product id */
  productIdsBySlug: Record<string, string>;
  shippingMethodId: string;
  paymentMethodCode: string;
  countryCode: string;
  channelId: string;
  /** true when this start created the data, false when it was already there */
  seeded: boolean;
}

export interface VendureStoreTimings {
  /** install check (or install) */
  installMs: number;
  /** spawn → /health answers, last (re)start */
  startMs: number;
  /** login + seed (or read-back) */
  seedMs: number;
}

export interface VendureStore {
  readonly adminApiUrl: string;
  readonly shopApiUrl: string;
  readonly baseUrl: string;
  readonly port: number;
  readonly username: string;
  readonly password: string;
  readonly seed: VendureSeed;
  /** pid of the running server, undefined while stopped */
  readonly pid: number | undefined;
  readonly workDir: string;
  readonly dbFile: string;
  readonly logFile: string;
  readonly timings: VendureStoreTimings;
  /** SIGTERM, waits for the exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
  /** SIGKILL (simulates a crash), waits for the exit. */
  kill(): Promise<void>;
  /** Stops if running, then starts on the same port with the same DB and waits for /health. */
  restart(): Promise<void>;
  /** Logged-in Admin API call; throws AdminGraphqlError on GraphQL errors. */
  adminGraphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export interface StartVendureStoreOptions {
  workDir: string;
  port?: number;
  username?: string;
  password?: string;
  /** /health wait per start, default 60 s */
  startTimeoutMs?: number;
}

export class AdminGraphqlError extends Error {
  constructor(
    message: string,
    readonly codes: string[],
  ) {
    super(message);
    this.name = 'AdminGraphqlError';
  }
}

// ---- process bookkeeping -------------------------------------------------------------------

const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of liveChildren) {
      try {
        child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }
  });
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((res) => child.once('exit', () => res()));
}

function runNode(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((res, rej) => {
    execFile(
      process.execPath,
      args,
      { cwd: VENDURE_DIR, env, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err) rej(new Error(`node ${args.join(' ')} failed: ${err.message}\n${stdout}\n${stderr}`));
        else res({ stdout, stderr });
      },
    );
  });
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? res(port) : rej(new Error('no free port'))));
    });
  });
}

/** Runs test/vendure/install.mjs (a no-op when up to date). Returns the elapsed ms. */
export async function ensureVendureInstalled(): Promise<number> {
  const t0 = performance.now();
  await runNode([join(VENDURE_DIR, 'install.mjs')], process.env, 15 * 60_000);
  return performance.now() - t0;
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ---- the store -----------------------------------------------------------------------------

export async function startVendureStore(opts: StartVendureStoreOptions): Promise<VendureStore> {
  installExitHook();
  const workDir = resolve(opts.workDir);
  mkdirSync(workDir, { recursive: true });
  const dbFile = join(workDir, 'vendure.sqlite');
  const logFile = join(workDir, 'vendure.log');
  const seedFile = join(workDir, 'seed.json');
  const credFile = join(workDir, 'credentials.json');

  // Keep the superadmin stable for a reused workDir (Vendure creates it on the first start only).
  let creds: { username: string; password: string };
  if (existsSync(credFile) && existsSync(dbFile)) {
    creds = JSON.parse(readFileSync(credFile, 'utf8')) as { username: string; password: string };
  } else {
    creds = {
      username: opts.username ?? 'baton-admin',
      password: opts.password ?? `t-${randomBytes(12).toString('hex')}`,
    };
    writeFileSync(credFile, JSON.stringify(creds), { mode: 0o600 });
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    VENDURE_SUPERADMIN_USERNAME: creds.username,
    VENDURE_SUPERADMIN_PASSWORD: creds.password,
    VENDURE_DISABLE_TELEMETRY: 'true',
  };

  const installMs = await ensureVendureInstalled();
  const port = opts.port ?? (await freePort());
  const baseUrl = `http://${HOST}:${port}`;
  const adminApiUrl = `${baseUrl}/admin-api`;
  const shopApiUrl = `${baseUrl}/shop-api`;
  const startTimeoutMs = opts.startTimeoutMs ?? 60_000;
  let child: ChildProcess | undefined;
  let adminToken: string | undefined;
  const timings: VendureStoreTimings = { installMs, startMs: 0, seedMs: 0 };

  const isRunning = (): boolean => !!child && child.exitCode === null && child.signalCode === null;

  async function spawnServer(): Promise<void> {
    appendFileSync(logFile, `\n[harness] ${new Date().toISOString()} starting server.mjs on ${baseUrl}\n`);
    const fd = openSync(logFile, 'a');
    const t0 = performance.now();
    let c: ChildProcess;
    try {
      c = spawn(
        process.execPath,
        [join(VENDURE_DIR, 'server.mjs'), '--port', String(port), '--host', HOST, '--db', dbFile, '--exit-with-parent'],
        { cwd: VENDURE_DIR, env, stdio: ['pipe', fd, fd] },
      );
    } finally {
      closeSync(fd);
    }
    child = c;
    liveChildren.add(c);
    c.once('exit', (code, signal) => {
      liveChildren.delete(c);
      try {
        appendFileSync(logFile, `[harness] server pid ${c.pid ?? '?'} exited code=${code} signal=${signal}\n`);
      } catch {
        /* workDir may be gone */
      }
    });
    c.stdin?.on('error', () => undefined);
    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
      if (c.exitCode !== null || c.signalCode !== null) {
        throw new Error(`Vendure exited during start (code ${c.exitCode}, signal ${c.signalCode}). Log:\n${tail(logFile)}`);
      }
      try {
        const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) {
          await res.text();
          break;
        }
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline) {
        c.kill('SIGKILL');
        await waitForExit(c);
        throw new Error(`Vendure did not answer ${baseUrl}/health within ${startTimeoutMs} ms. Log:\n${tail(logFile)}`);
      }
      await sleep(100);
    }
    timings.startMs = performance.now() - t0;
  }

  async function stopWith(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    const c = child;
    if (!c || !isRunning()) return;
    c.kill(signal);
    const exited = waitForExit(c);
    if (signal === 'SIGTERM') {
      const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
      if (timedOut) c.kill('SIGKILL');
    }
    await exited;
  }

  async function login(): Promise<void> {
    const res = await fetch(adminApiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on ErrorResult { errorCode message } } }`,
        variables: { u: creds.username, p: creds.password },
      }),
    });
    const body = (await res.json()) as { data?: { login: { __typename: string; message?: string } } };
    const token = res.headers.get('vendure-auth-token');
    if (body.data?.login.__typename !== 'CurrentUser' || !token) {
      throw new AdminGraphqlError(`admin login failed: ${JSON.stringify(body)}`, ['LOGIN_FAILED']);
    }
    adminToken = token;
  }

  async function adminGraphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      if (!adminToken) await login();
      const res = await fetch(adminApiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken ?? ''}` },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        throw new AdminGraphqlError(`Admin API HTTP ${res.status}: ${text.slice(0, 300)}`, ['HTTP_ERROR']);
      }
      if (body.errors?.length) {
        const codes = body.errors.map((e) => e.extensions?.code ?? 'UNKNOWN');
        if (attempt === 0 && codes.includes('FORBIDDEN')) {
          adminToken = undefined; // session gone: log in again once
          continue;
        }
        throw new AdminGraphqlError(body.errors.map((e) => e.message).join('; '), codes);
      }
      if (!body.data) throw new AdminGraphqlError(`Admin API HTTP ${res.status}: no data`, ['HTTP_ERROR']);
      return body.data;
    }
  }

  await spawnServer();
  let seed: VendureSeed;
  try {
    const t0 = performance.now();
    const { stdout } = await runNode(
      [join(VENDURE_DIR, 'seed.mjs'), '--admin-api-url', adminApiUrl, '--out', seedFile],
      env,
      120_000,
    );
    seed = JSON.parse(stdout) as VendureSeed;
    timings.seedMs = performance.now() - t0;
  } catch (e) {
    await stopWith('SIGKILL');
    throw e;
  }

  const store: VendureStore = {
    adminApiUrl,
    shopApiUrl,
    baseUrl,
    port,
    username: creds.username,
    password: creds.password,
    seed,
    get pid(): number | undefined {
      return isRunning() ? child?.pid : undefined;
    },
    workDir,
    dbFile,
    logFile,
    timings,
    stop: () => stopWith('SIGTERM'),
    kill: () => stopWith('SIGKILL'),
    async restart(): Promise<void> {
      await stopWith('SIGTERM');
      await spawnServer();
    },
    adminGraphql,
  };
  return store;
}
