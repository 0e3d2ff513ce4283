// Same-run A/B of the classifier's speed: this checkout (B) against another one (A, e.g. a base commit exported with
// `git archive <commit> src resources/triage | tar -x -C /tmp/base`), rules alone and rules + the shipped model, in
// chunks of 1,000 comments whose order rotates, so both see the same machine; CPU time per comment (one core), the
// paired per-chunk ratio beside the totals. On a shared machine report the load average and the spread it prints.
//   node --import tsx bench/triage/speed-ab.ts /tmp/base [comments]
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCorpus } from './datasets';
import { createTriage as createB } from '../../src/core/comments/triage/triage.service';
import { loadTriageModelFile as loadB, SHIPPED_MODEL_PATH } from '../../src/core/comments/triage/triage.model-file';
import type { Triage } from '../../src/core/comments/triage/triage.types';

const other = process.argv[2];
if (!other) throw new Error('usage: speed-ab.ts <other checkout> [comments]');
const N = Math.max(1000, Number(process.argv[3] ?? 60_000));
const triageA = (await import(resolve(other, 'src/core/comments/triage/triage.service.ts'))) as { createTriage: typeof createB };
const fileA = (await import(resolve(other, 'src/core/comments/triage/triage.model-file.ts'))) as { loadTriageModelFile: typeof loadB };
const sets = loadCorpus();
const texts = sets.flatMap((s) => s.rows.map((r) => r.text));
const catalog = sets[0]!.catalog;
const modelA = fileA.loadTriageModelFile(join(resolve(other), SHIPPED_MODEL_PATH)).model;
const modelB = loadB(SHIPPED_MODEL_PATH).model;
if (!modelA || !modelB) throw new Error('speed-ab: a shipped model is missing');
const variants: Record<string, Triage> = {
  'rules A': triageA.createTriage({ catalog }),
  'model A': triageA.createTriage({ catalog, model: modelA }),
  'rules B': createB({ catalog }),
  'model B': createB({ catalog, model: modelB }),
};
const CHUNK = 1000;
const cpu: Record<string, number> = {};
const rates: Record<string, number[]> = {};
let sink = 0;
for (const t of Object.values(variants)) for (let i = 0; i < 3000; i++) sink += t.classify({ text: texts[i % texts.length]! }).confidence;
const names = Object.keys(variants);
for (let at = 0, round = 0; at < N; at += CHUNK, round++) {
  const order = names.map((_, i) => names[(i + round) % names.length]!);
  if (round % 2) order.reverse();
  for (const k of order) {
    const t = variants[k]!;
    const c0 = process.cpuUsage();
    for (let i = at; i < at + CHUNK; i++) sink += t.classify({ text: texts[i % texts.length]! }).confidence;
    const c = process.cpuUsage(c0);
    const us = c.user + c.system;
    cpu[k] = (cpu[k] ?? 0) + us;
    (rates[k] ??= []).push(CHUNK / (us / 1e6));
  }
}
if (sink < 0) console.log(sink);
const q = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;
const total = (k: string): number => N / (cpu[k]! / 1e6);
for (const k of names) {
  const r = rates[k]!;
  console.log(`${k}: ${Math.round(total(k))} comments per CPU-second (chunks: median ${Math.round(q(r, 0.5))}, p10 ${Math.round(q(r, 0.1))}, p90 ${Math.round(q(r, 0.9))})`);
}
const paired = (b: string, a: string): number => q(rates[b]!.map((v, i) => v / rates[a]![i]!), 0.5);
console.log(`model B/A ${(total('model B') / total('model A')).toFixed(3)} (paired chunk median ${paired('model B', 'model A').toFixed(3)}); rules B/A ${(total('rules B') / total('rules A')).toFixed(3)} (paired ${paired('rules B', 'rules A').toFixed(3)})`);
console.log(`rules + model / rules alone: A ${(total('model A') / total('rules A')).toFixed(3)}, B ${(total('model B') / total('rules B')).toFixed(3)}; ${N} comments per variant; load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
