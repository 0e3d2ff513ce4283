// OBS link benchmark against a real OBS Studio 29 under Xvfb (the integration rig):
//  1. scene switch through Baton (`POST /api/commands/obs.switchScene`, answered when OBS confirms)
//     against a direct obs-websocket-js SetCurrentProgramScene on the same OBS, interleaved in
//     the same run: median and p99, target ratio ≤ 1.10;
//  2. the CPU cost of the 1 Hz health sampler: two station cores in two processes, linked to the
//     same live-streaming OBS, one sampling and one not, each reading its own process.cpuUsage().
//   npx tsx bench/obs.bench.ts        (BATON_BENCH_SECONDS=20 for a shorter CPU window)
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src/core/core';
import { createDefaultPorts } from '../src/station/default-ports';
import { silentLogger } from '../src/core/platform/logger';
import { createMemorySecretStore } from '../src/core/platform/secret-store';
import { DEFAULT_OBS_TIMING } from '../src/core/obs/obs.ports';
import { connectObsWebSocket } from '../src/core/obs/obs.client';
import { startObsRig } from '../test/peers/obs-rig';
import { report, summarise, type BenchRow } from './support/report';

const CPU_SECONDS = Number(process.env.BATON_BENCH_SECONDS ?? 60);
const SWITCHES = 200;
const WARMUP = 10;
const TARGET_RATIO = 1.1;

const childFlag = process.argv.indexOf('--sampler-child');
if (childFlag >= 0) {
  await samplerChild(process.argv[childFlag + 1] === 'on');
} else {
  await main();
}

async function main(): Promise<void> {
  const rig = await startObsRig();
  const rows: BenchRow[] = [];
  try {
    const up = await rig.api('obs.connect', { url: rig.obs.url, password: rig.password });
    if (up.status !== 200) throw new Error(`Baton could not connect: ${JSON.stringify(up.body)}`);
    const direct = await rig.observer();
    // A lean keep-alive HTTP client, as a Stream Deck plugin or Companion would hold: the figure
    // is what Baton adds, not what a heavyweight client library costs.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const base = new URL(rig.station.url);
    const post = (name: string, args: unknown) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const body = JSON.stringify(args);
        const req = request(
          { agent, host: base.hostname, port: base.port, method: 'POST', path: `/api/commands/${name}`, headers: { authorization: `Bearer ${rig.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.once('error', reject);
        req.end(body);
      });
    const scenes = rig.obs.scenes;
    const viaBaton: number[] = [];
    const viaDirect: number[] = [];
    let i = 0;
    const next = () => scenes[++i % scenes.length] as string;
    for (let n = 0; n < WARMUP + SWITCHES; n++) {
      // Alternate which goes first, so neither arm always follows the other's frame.
      for (const arm of n % 2 === 0 ? (['baton', 'direct'] as const) : (['direct', 'baton'] as const)) {
        const scene = next();
        const t0 = performance.now();
        if (arm === 'baton') {
          const r = await post('obs.switchScene', { scene });
          if (r.status !== 200) throw new Error(`switch failed: ${r.body}`);
        } else {
          await direct.call('SetCurrentProgramScene', { sceneName: scene });
        }
        const ms = performance.now() - t0;
        if (n >= WARMUP) (arm === 'baton' ? viaBaton : viaDirect).push(ms);
      }
    }
    agent.destroy();
    const b = summarise(viaBaton);
    const d = summarise(viaDirect);
    rows.push(
      { metric: `scene switch via Baton HTTP, median (n=${b.n})`, value: b.p50, unit: 'ms', baseline: d.p50, ratio: b.p50 / d.p50, target: `ratio ≤ ${TARGET_RATIO}`, pass: b.p50 / d.p50 <= TARGET_RATIO },
      { metric: 'scene switch via Baton HTTP, p99', value: b.p99, unit: 'ms', baseline: d.p99, ratio: b.p99 / d.p99, target: `ratio ≤ ${TARGET_RATIO}`, pass: b.p99 / d.p99 <= TARGET_RATIO },
    );

    // The sampler's cost is measured while OBS streams, as it would during a show.
    const live = await rig.api('obs.startStream');
    if (live.status !== 200) throw new Error(`stream did not start: ${JSON.stringify(live.body)}`);
    const [on, off] = await Promise.all([runChild('on', rig.obs.url, rig.password), runChild('off', rig.obs.url, rig.password)]);
    await rig.api('obs.stopStream');
    const extraMs = on.cpuMs - off.cpuMs;
    const perSample = on.samples > 0 ? extraMs / on.samples : Number.NaN;
    const share = (extraMs / (on.seconds * 1000)) * 100;
    rows.push(
      { metric: `station CPU over ${on.seconds.toFixed(0)} s, sampler on (${on.samples} samples)`, value: on.cpuMs, unit: 'ms', baseline: off.cpuMs, ratio: on.cpuMs / off.cpuMs },
      { metric: 'health sampler cost per sample', value: perSample, unit: 'ms CPU' },
      { metric: 'health sampler cost, share of one core', value: share, unit: '%', target: '≤ 1 %', pass: share <= 1 },
    );
  } finally {
    await rig.close();
  }
  report('obs', rows);
}

interface ChildFigures {
  cpuMs: number;
  seconds: number;
  samples: number;
}

function runChild(mode: 'on' | 'off', url: string, password: string): Promise<ChildFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--sampler-child', mode], {
      env: { ...process.env, BATON_BENCH_OBS_URL: url, BATON_BENCH_OBS_PASSWORD: password, BATON_BENCH_OUT: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`sampler child (${mode}) exited ${code}: ${out}`));
      resolve(JSON.parse(line) as ChildFigures);
    });
  });
}

/** One station core linked to the OBS, with or without its sampler; prints its own CPU time. */
async function samplerChild(on: boolean): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-obs-bench-'));
  const core = createCore({
    dataDir,
    clock: { now: () => Date.now(), monotonic: () => performance.now() },
    log: silentLogger,
    secrets: createMemorySecretStore(),
    station: { version: 'bench', mode: 'headless', url: 'http://127.0.0.1:0', lan: false },
    cwd: process.cwd(),
    showFolders: () => ['resources/demo-show'],
    nativeBinding: null,
    ports: {
      ...createDefaultPorts(),
      obs: { connect: connectObsWebSocket, timing: { ...DEFAULT_OBS_TIMING, sampleIntervalMs: on ? 1_000 : 0 }, random: Math.random },
    },
  });
  try {
    await core.start();
    const r = await core.dispatch('obs.connect', { url: process.env.BATON_BENCH_OBS_URL, password: process.env.BATON_BENCH_OBS_PASSWORD }, { actor: 'bench', role: 'producer', via: 'test' });
    if (!r.ok || core.snapshot().state.obs.link !== 'connected') throw new Error(`child could not connect: ${JSON.stringify(r)}`);
    await new Promise((res) => setTimeout(res, 3_000));
    const from = Date.now();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await new Promise((res) => setTimeout(res, CPU_SECONDS * 1000));
    const cpu = process.cpuUsage(cpu0);
    const seconds = (performance.now() - t0) / 1000;
    const stored = await core.dispatch('obs.history', { from }, { actor: 'bench', role: 'producer', via: 'test' });
    const samples = stored.ok ? (stored.result as { samples: unknown[] }).samples.length : 0;
    console.log(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, seconds, samples } satisfies ChildFigures));
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
