// Same-run A/B of what the "about the product on screen" step costs: the shipped model with its step (B) against the
// same model with the step taken out (A: the rule cue decides), on the corpus comments *with their pinned product*
// (the comments bench's throughput figure classifies without one, so the step never runs there). Chunks of 1,000
// comments of one category (its catalog), the order of A and B alternating per chunk; CPU time per comment (one core),
// the paired per-chunk ratio beside the totals. Run it under the bench lock:
//   flock /tmp/baton-bench.lock node --import tsx bench/triage/onscreen-speed-ab.ts [comments]
import { loadavg } from 'node:os';
import { loadCorpus } from './datasets';
import { createTriage } from '../../src/core/comments/triage/triage.service';
import { loadTriageModelFile, SHIPPED_MODEL_PATH } from '../../src/core/comments/triage/triage.model-file';
import type { Triage } from '../../src/core/comments/triage/triage.types';

const N = Math.max(1000, Number(process.argv[2] ?? 60_000));
const model = loadTriageModelFile(SHIPPED_MODEL_PATH).model;
if (!model?.onScreen) throw new Error('onscreen-speed-ab: the shipped model has no on-screen step');
const sets = loadCorpus().filter((s) => s.rows.some((r) => r.pinnedSku));
const work = sets.map((s) => ({
  rows: s.rows.map((r) => ({ text: r.text, pinnedSku: r.pinnedSku ?? null })),
  A: createTriage({ catalog: s.catalog, model: { ...model, onScreen: null } }) as Triage,
  B: createTriage({ catalog: s.catalog, model }) as Triage,
}));
const pinnedShare = work.reduce((a, w) => a + w.rows.filter((r) => r.pinnedSku).length, 0) / work.reduce((a, w) => a + w.rows.length, 0);
const CHUNK = 1000;
const cpu = { A: 0, B: 0 };
const rates = { A: [] as number[], B: [] as number[] };
let sink = 0;
for (const w of work) for (const r of w.rows.slice(0, 200)) sink += w.A.classify(r).confidence + w.B.classify(r).confidence;
for (let at = 0, round = 0; at < N; at += CHUNK, round++) {
  const w = work[round % work.length]!;
  for (const k of round % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
    const t = w[k];
    const c0 = process.cpuUsage();
    for (let i = 0; i < CHUNK; i++) sink += t.classify(w.rows[(at + i) % w.rows.length]!).confidence;
    const c = process.cpuUsage(c0);
    const us = c.user + c.system;
    cpu[k] += us;
    rates[k].push(CHUNK / (us / 1e6));
  }
}
if (sink < 0) console.log(sink);
const q = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;
for (const k of ['A', 'B'] as const) {
  console.log(
    `${k === 'A' ? 'A: model without the step (rule cue)' : 'B: model with the step'}: ${Math.round(N / (cpu[k] / 1e6))} comments per CPU-second, ${(cpu[k] / N).toFixed(1)} µs each (chunks: median ${Math.round(q(rates[k], 0.5))}, p10 ${Math.round(q(rates[k], 0.1))}, p90 ${Math.round(q(rates[k], 0.9))})`,
  );
}
const paired = rates.B.map((v, i) => v / rates.A[i]!);
console.log(`B/A ${(cpu.A / cpu.B).toFixed(3)} (paired chunk ratio median ${q(paired, 0.5).toFixed(3)}, p10 ${q(paired, 0.1).toFixed(3)}, p90 ${q(paired, 0.9).toFixed(3)}); ${N} comments each, ${(pinnedShare * 100).toFixed(0)} % with a pinned product; load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
