// The personal-token check's cost: HTTP command round-trips (POST alert.ack with a person's token,
// keep-alive, one at a time) against a station holding 200 issued personal tokens, and against one
// holding a single token, same run, in alternating ABBA blocks after a warm-up of both. Target: p99
// with 200 within 1.05× of 1, printed with a bootstrap interval over the block pairs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBenchCore, benchProducer } from './support/bench-core';
import { report, summarise } from './support/report';
import { createTokenService } from '../src/station/auth/token.service';
import { createMemorySecretStore } from '../src/core/platform/secret-store';
import { silentLogger } from '../src/core/platform/logger';
import { startApiServer, type ApiServer } from '../src/station/transport/api.server';
import type { Core } from '../src/core/core';
import { createAccessCheck } from '../src/station/auth/people-access';
import { pairedRatio, runPaired } from './support/paired-blocks';

/** Block pairs and requests per block: 40 × 250 = 10,000 round-trips per configuration. */
const PAIRS = Number(process.env.BATON_BENCH_PAIRS ?? 40);
const PER_BLOCK = Number(process.env.BATON_BENCH_N ?? 250);
const WARMUP_PAIRS = 5;

interface Rig {
  core: Core;
  api: ApiServer;
  url: string;
  token: string;
  alertId: string;
  dir: string;
}

async function rig(people: number): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-people-'));
  const core = createBenchCore(dir);
  let token = '';
  for (let i = 0; i < people; i++) {
    const id = `p${i}`;
    const added = await core.dispatch('people.add', { id, name: `Person ${i}`, roles: ['producer'] }, benchProducer);
    if (!added.ok) throw new Error(added.error.message);
    const inv = await core.dispatch('people.invite', { personId: id, standing: true }, benchProducer);
    if (!inv.ok) throw new Error(inv.error.message);
    // The caller is the last one issued: its hash is one of `people` in the map.
    token = new URL(inv.result.link, 'http://x').searchParams.get('token')!;
  }
  core.alerts.raise({ source: 'bench', key: 'k', level: 'warn', message: 'bitrate low' });
  const alertId = core.snapshot().state.alerts.items[0]!.id;
  const tokens = createTokenService({ secrets: createMemorySecretStore({}) });
  const api = await startApiServer({
    core,
    tokens,
    log: silentLogger,
    host: '127.0.0.1',
    port: 0,
    staticRoot: null,
    version: 'bench',
    routes: [],
    limits: { ratePerSecond: 1e9, burst: 1e9, connectionsPerToken: 64 },
  });
  return { core, api, url: `http://127.0.0.1:${api.port}/api/commands/alert.ack`, token, alertId, dir };
}

async function round(r: Rig, n: number, into: number[] | null): Promise<void> {
  const body = JSON.stringify({ id: r.alertId });
  for (let i = 0; i < n; i++) {
    const s = process.hrtime.bigint();
    const res = await fetch(r.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${r.token}` }, body });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    into?.push(Number(process.hrtime.bigint() - s) / 1e3);
  }
}

async function main() {
  const one = await rig(1);
  const many = await rig(200);
  try {
    // Warm-up: both servers' code paths, JIT and connection pools, in the same alternating order.
    await runPaired(WARMUP_PAIRS, (x) => round(one, PER_BLOCK, x), (x) => round(many, PER_BLOCK, x));
    const blocks = await runPaired(PAIRS, (x) => round(one, PER_BLOCK, x), (x) => round(many, PER_BLOCK, x));
    const r50 = pairedRatio(blocks, 50);
    const r99 = pairedRatio(blocks, 99);
    const ratio = r99.ratio;
    // The token check alone, in process: what the 200 tokens could add to every request.
    const checkOf = (r: Rig) => {
      const access = createAccessCheck(createTokenService({ secrets: createMemorySecretStore({}) }), r.core.people);
      const lat: number[] = [];
      for (let i = 0; i < 20_000; i++) {
        const s = process.hrtime.bigint();
        const out = access.check(r.token, '127.0.0.1');
        lat.push(Number(process.hrtime.bigint() - s) / 1e3);
        if (!('grant' in out)) throw new Error('refused');
      }
      return summarise(lat.slice(2_000));
    };
    const c1 = checkOf(one);
    const c200 = checkOf(many);
    report('personal tokens: the token check alone, 200 issued vs 1 (18,000 checks each)', [
      { metric: 'check p50, 200 tokens', value: c200.p50, unit: 'µs', baseline: c1.p50, ratio: c200.p50 / c1.p50 },
      { metric: 'check p99, 200 tokens', value: c200.p99, unit: 'µs', baseline: c1.p99, ratio: c200.p99 / c1.p99 },
    ]);
    console.log(`\np50 ratio ${r50.ratio.toFixed(3)} (90 % interval ${r50.lo.toFixed(3)}–${r50.hi.toFixed(3)}); p99 ratio ${ratio.toFixed(3)} (90 % interval ${r99.lo.toFixed(3)}–${r99.hi.toFixed(3)}) over ${PAIRS} ABBA block pairs`);
    report(`personal tokens: HTTP command round-trip, 200 issued vs 1 (${PAIRS} × ${PER_BLOCK} each, alternating blocks, keep-alive)`, [
      { metric: 'round-trip p50, 200 tokens', value: r50.b, unit: 'µs', baseline: r50.a, ratio: r50.ratio },
      { metric: 'round-trip p99, 200 tokens', value: r99.b, unit: 'µs', baseline: r99.a, ratio, target: '≤ 1.05× one token', pass: ratio <= 1.05 },
      { metric: 'p99 ratio, 90 % interval low', value: r99.lo, unit: '×' },
      { metric: 'p99 ratio, 90 % interval high', value: r99.hi, unit: '×' },
    ]);
  } finally {
    for (const r of [one, many]) {
      await r.api.close();
      await r.core.close();
      rmSync(r.dir, { recursive: true, force: true });
    }
  }
}

void main();
