// Process plumbing shared by the integration harnesses: free ports, children in their own process
// group with a log file, readiness polling with deadlines, and teardown that cannot leave orphans.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { isAbsolute } from 'node:path';

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface SpawnOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly logPath: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  // 'pipe' hands stdout to the caller (Xvfb reports its display there); otherwise it joins the log.
  readonly stdout?: 'log' | 'pipe';
}

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  readonly logPath: string;
  readonly exited: Promise<ExitInfo>;
  isRunning(): boolean;
  exitInfo(): ExitInfo | null;
  readLog(): string;
  // Signal, wait, and SIGKILL the whole group if it has not gone within the grace period.
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<ExitInfo>;
  kill(): Promise<ExitInfo>;
}

export interface Disposable {
  dispose(): Promise<void>;
}

const WATCHDOG_POLL_SECONDS = '0.5';

export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the ephemeral port'));
        return;
      }
      const { port } = address;
      server.close(() => resolve(port));
    });
  });
}

export function randomSecret(bytes = 12): string {
  return randomBytes(bytes).toString('base64url');
}

export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means it exists but belongs to someone else: still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

export function spawnManaged(options: SpawnOptions): ManagedProcess {
  if (isAbsolute(options.command) && !existsSync(options.command)) {
    throw new Error(
      `${options.name}: ${options.command} is not installed; run \`npm run setup\` (as root)`,
    );
  }
  const logFd = openSync(options.logPath, 'a');
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    // Own process group, so stop() reaches anything the child forks and a Ctrl-C aimed at the
    // test runner's group does not race our orderly shutdown.
    detached: true,
    stdio: ['ignore', options.stdout === 'pipe' ? 'pipe' : logFd, logFd],
  });
  closeSync(logFd);
  if (child.pid === undefined) {
    // The spawn error arrives as an event later; without a listener it would crash the runner.
    child.once('error', () => undefined);
    throw new Error(`${options.name}: spawn of ${options.command} failed (see ${options.logPath})`);
  }
  const pid = child.pid;
  let info: ExitInfo | null = null;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => {
      info = { code, signal };
      resolve(info);
    });
    child.once('error', () => {
      info ??= { code: null, signal: null };
      resolve(info);
    });
  });

  // process 'exit' handlers must be synchronous: a group SIGKILL is, and it covers a test run that
  // throws or calls process.exit before its afterAll.
  const onParentExit = (): void => signalGroup(pid, 'SIGKILL');
  process.once('exit', onParentExit);
  // A runner killed with SIGKILL runs no handlers at all; a detached shell watching our PID then
  // clears the group within half a second, and ends by itself once the group is gone.
  const watchdog = spawn(
    '/bin/sh',
    [
      '-c',
      `while kill -0 ${process.pid} 2>/dev/null && kill -0 -${pid} 2>/dev/null; do sleep ${WATCHDOG_POLL_SECONDS}; done; kill -KILL -${pid} 2>/dev/null; exit 0`,
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  void exited.then(() => {
    process.removeListener('exit', onParentExit);
    // The leader is gone but helpers it forked may not be; the group signal reaches them.
    signalGroup(pid, 'SIGKILL');
    if (watchdog.pid !== undefined && watchdog.exitCode === null) {
      try {
        process.kill(watchdog.pid, 'SIGKILL');
      } catch {
        // It noticed first.
      }
    }
  });

  const stop = async (signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<ExitInfo> => {
    if (info !== null) return info;
    signalGroup(pid, signal);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), graceMs);
    });
    const outcome = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (outcome !== 'timeout') return outcome;
    signalGroup(pid, 'SIGKILL');
    return exited;
  };

  return {
    name: options.name,
    pid,
    child,
    logPath: options.logPath,
    exited,
    isRunning: () => info === null,
    exitInfo: () => info,
    readLog: () => (existsSync(options.logPath) ? readFileSync(options.logPath, 'utf8') : ''),
    stop,
    kill: () => stop('SIGKILL', 5_000),
  };
}

export interface WaitOptions {
  readonly timeoutMs: number;
  readonly intervalMs?: number;
  readonly description: string;
  // Fails fast instead of waiting out the deadline when the server has already died.
  readonly process?: ManagedProcess;
}

export async function waitUntil(
  check: () => Promise<boolean>,
  options: WaitOptions,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 50;
  for (;;) {
    if (options.process !== undefined && !options.process.isRunning()) {
      const exit = options.process.exitInfo();
      const tail = options.process.readLog().split('\n').slice(-30).join('\n');
      throw new Error(
        `${options.description}: ${options.process.name} exited (code ${String(exit?.code)}, signal ${String(exit?.signal)}) before it was ready. Log tail:\n${tail}`,
      );
    }
    if (await check()) return;
    if (Date.now() >= deadline) {
      const tail = options.process?.readLog().split('\n').slice(-30).join('\n') ?? '';
      throw new Error(`${options.description}: not ready after ${options.timeoutMs} ms\n${tail}`);
    }
    await delay(interval);
  }
}

/** Waits until `${url}/api/health` answers OK (a Baton station or HQ started as its own process). */
export function waitHealthy(url: string, options: Omit<WaitOptions, 'description'> & { readonly description?: string }): Promise<void> {
  return waitUntil(
    async () => {
      try {
        return (await fetch(`${url}/api/health`)).ok;
      } catch {
        return false;
      }
    },
    { ...options, description: options.description ?? `${url} health` },
  );
}

export function waitForTcpPort(
  port: number,
  options: Omit<WaitOptions, 'description'> & {
    readonly host?: string;
    readonly description?: string;
  },
): Promise<void> {
  const host = options.host ?? '127.0.0.1';
  return waitUntil(() => tcpAccepts(port, host), {
    ...options,
    description: options.description ?? `TCP ${host}:${port}`,
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function tcpAccepts(port: number, host = '127.0.0.1', timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

export function httpOk(url: string, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
    req.end();
  });
}

// A bare HTTP Upgrade, so readiness does not depend on any WebSocket library or protocol.
export function webSocketUpgrades(
  port: number,
  host = '127.0.0.1',
  timeoutMs = 1_000,
): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({
      host,
      port,
      path: '/',
      timeout: timeoutMs,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
        // InspIRCd's websocket module refuses a handshake without an Origin; OBS ignores it.
        Origin: 'http://127.0.0.1',
      },
    });
    req.once('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode === 101);
    });
    req.once('response', (res) => {
      res.resume();
      resolve(false);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
    req.end();
  });
}

// Tears down every harness in parallel; one failing teardown must not keep the others alive.
export async function stopAll(
  handles: ReadonlyArray<Disposable | null | undefined>,
): Promise<void> {
  const results = await Promise.allSettled(
    handles.filter((h): h is Disposable => h !== null && h !== undefined).map((h) => h.dispose()),
  );
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length > 0) {
    throw new AggregateError(
      failures.map((f) => f.reason as unknown),
      'some harnesses did not stop cleanly',
    );
  }
}
