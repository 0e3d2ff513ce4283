// Starts the headless station from source (tsx) on a data folder, for the comments integration
// tests and the benchmark: a real process with real HTTP and WebSocket.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnManaged, waitHealthy, type ManagedProcess } from './process-control';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface TestStation {
  proc: ManagedProcess;
  url: string;
  token: string;
  api<T>(name: string, args: unknown): Promise<{ status: number; body: { ok: boolean; result?: T; error?: { code: string; message: string } } }>;
}

/** The demo show without its rehearsal replay or script, so only the test's comments arrive. */
export function writeQuietShow(dir: string, id: string): string {
  const demo = JSON.parse(readFileSync(join(ROOT, 'resources/demo-show/show.json'), 'utf8')) as Record<string, unknown> & { comments: Record<string, unknown> };
  const { script: _script, ...show } = demo;
  const file = join(dir, 'show.json');
  writeFileSync(file, JSON.stringify({ ...show, id, rehearsal: false, comments: { ...demo.comments, sources: [] } }));
  return file;
}

export async function startTestStation(options: { dataDir: string; port: number; showFile: string; token: string; name: string }): Promise<TestStation> {
  const proc = spawnManaged({
    name: options.name,
    command: process.execPath,
    // BATON_STATION_NODE_FLAGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the station itself; Node refuses those in NODE_OPTIONS.
    args: [...(process.env.BATON_STATION_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', join(ROOT, 'src/station/headless.cli.ts'), '--headless', '--port', String(options.port), '--data', options.dataDir, '--show', options.showFile],
    logPath: join(options.dataDir, `${options.name}.log`),
    cwd: ROOT,
    env: { ...process.env, BATON_PRODUCER_TOKEN: options.token, BATON_QUIET: '1' },
  });
  const url = `http://127.0.0.1:${options.port}`;
  await waitHealthy(url, { timeoutMs: 30_000, description: 'station health', process: proc });
  return {
    proc,
    url,
    token: options.token,
    async api(name, args) {
      const r = await fetch(`${url}/api/commands/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
        body: typeof args === 'string' ? args : JSON.stringify(args),
      });
      return { status: r.status, body: (await r.json()) as never };
    },
  };
}
