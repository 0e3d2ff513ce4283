// A real OBS Studio (Xvfb) streaming to a real nginx-rtmp, and an in-process Baton station driven
// over its HTTP API, for the OBS link's integration tests and benchmark. An independent
// obs-websocket-js client checks what OBS itself says.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import OBSWebSocket from 'obs-websocket-js/json';
import type { StationState } from '../../src/shared/contract/index';
import { startStation, type Station } from '../../src/station/station';
import { silentLogger } from '../../src/core/platform/logger';
import { startObsStudio, type ObsStudio } from './obs-studio';
import { startRtmpIngest, type RtmpIngest } from './rtmp-ingest';
import { randomSecret, stopAll } from './process-control';

export const ROOT = resolve(import.meta.dirname, '../..');
const TOKEN = `obs-it-${randomSecret(9)}`;

export interface ApiAnswer<T> {
  status: number;
  body: { ok: boolean; result?: T; error?: { code: string; message: string } };
}

export interface ObsRig {
  workDir: string;
  obs: ObsStudio;
  ingest: RtmpIngest;
  backup: RtmpIngest | null;
  station: Station;
  password: string;
  /** A producer token for the station's HTTP API. */
  token: string;
  api<T = unknown>(name: string, args?: unknown): Promise<ApiAnswer<T>>;
  obsState(): StationState['obs'];
  /** An obs-websocket-js client of our own, to check OBS independently of Baton. */
  observer(): Promise<OBSWebSocket>;
  /** Polls the station's snapshot; resolves with the elapsed ms, or throws with the last state. */
  waitFor(check: (s: StationState['obs']) => boolean, timeoutMs: number, what: string): Promise<number>;
  close(): Promise<void>;
}

/** The demo show, quiet: no script, no comment replay, no offers; the ingests are the rig's. */
function writeShow(dir: string, primary: string, backup: string | null): string {
  const demo = JSON.parse(readFileSync(join(ROOT, 'resources/demo-show/show.json'), 'utf8')) as Record<string, unknown> & {
    comments: Record<string, unknown>;
    obs: Record<string, unknown>;
  };
  const { script: _script, ...show } = demo;
  const file = join(dir, 'show.json');
  writeFileSync(
    file,
    JSON.stringify({
      ...show,
      id: 'obs-integration',
      offers: [],
      comments: { ...demo.comments, sources: [] },
      obs: { ...demo.obs, ingest: { primary: { server: primary }, ...(backup ? { backup: { server: backup } } : {}) } },
    }),
  );
  return file;
}

export async function startObsRig(options: { withBackup?: boolean; password?: string | null } = {}): Promise<ObsRig> {
  const workDir = mkdtempSync(join(tmpdir(), 'baton-obs-it-'));
  const password = options.password === undefined ? randomSecret() : options.password;
  const observers: OBSWebSocket[] = [];
  let ingest: RtmpIngest | null = null;
  let backup: RtmpIngest | null = null;
  let obs: ObsStudio | null = null;
  let station: Station | null = null;
  const cleanup = async () => {
    await Promise.allSettled(observers.map((o) => o.disconnect()));
    await station?.close();
    await stopAll([obs, ingest, backup]);
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    ingest = await startRtmpIngest({ workDir: join(workDir, 'primary') });
    backup = options.withBackup ? await startRtmpIngest({ workDir: join(workDir, 'backup') }) : null;
    obs = await startObsStudio({ workDir, password, rtmpUrl: ingest.rtmpUrl });
    const dataDir = join(workDir, 'data');
    station = await startStation({
      mode: 'headless',
      port: 0,
      lan: false,
      dataDir,
      showFile: writeShow(workDir, ingest.rtmpUrl, backup?.rtmpUrl ?? null),
      appRoot: ROOT,
      version: 'obs-it',
      log: silentLogger,
      secrets: null,
      envProducerToken: TOKEN,
      nativeBinding: null,
      clock: null,
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
  const st = station;
  const obsState = () => st.core.snapshot().state.obs;
  return {
    workDir,
    obs,
    ingest,
    backup,
    station: st,
    password: password ?? '',
    token: TOKEN,
    async api<T>(name: string, args: unknown = {}) {
      const r = await fetch(`${st.url}/api/commands/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
      return { status: r.status, body: (await r.json()) as ApiAnswer<T>['body'] };
    },
    obsState,
    async observer() {
      const o = new OBSWebSocket();
      observers.push(o);
      await o.connect((obs as ObsStudio).url, password ?? undefined, { rpcVersion: 1 });
      return o;
    },
    async waitFor(check, timeoutMs, what) {
      const t0 = performance.now();
      for (;;) {
        const s = obsState();
        if (check(s)) return performance.now() - t0;
        if (performance.now() - t0 > timeoutMs) {
          throw new Error(`${what}: not within ${timeoutMs} ms; obs state: ${JSON.stringify({ ...s, history: `${s.history.length} points` })}`);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: cleanup,
  };
}
