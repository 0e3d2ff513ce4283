// What the station keeps in memory per open comment, and what keeping it costs per comment: the
// queue and cluster indexes (src/core/comments) against the pre-compact ones kept as test oracles
// (the same-run baseline), in one process, with forced full collections, so the figure is bytes
// retained by the indexes alone. Two shows of 100,000 open comments nobody handles: the demo chat
// replayed (what the comments bench sends: a few hundred texts, so few big items) and the same chat
// with every text distinct (lone comments: what a real show's chatter looks like).
//   npx tsx bench/open-index.bench.ts        (BATON_BENCH_OPEN=<n> for another size)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { showSchema, type QueueName } from '../src/shared/show/show.schema';
import type { Intent } from '../src/shared/contract/index';
import { createTriage } from '../src/core/comments/triage/triage.service';
import { catalogOf } from '../src/core/comments/comments.catalog';
import { clusterKeyOf } from '../src/core/comments/cluster.key';
import { createClusterIndex, type ClusterInput } from '../src/core/comments/comments.clusters';
import { createQueueIndex } from '../src/core/comments/comments.queues';
import { createClusterIndex as createOracleClusters } from '../src/core/comments/comments.clusters.oracle';
import { createQueueIndex as createOracleQueues } from '../src/core/comments/comments.queues.oracle';
import { report, type BenchRow } from './support/report';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const N = Number(process.env.BATON_BENCH_OPEN ?? 100_000);

const show = showSchema.parse(JSON.parse(readFileSync('resources/demo-show/show.json', 'utf8')));
const chat = readFileSync('resources/demo-show/comments.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string; platform: string });
const triage = createTriage({ catalog: catalogOf(show), model: null });
const HOME: Record<Intent, QueueName> = { complaint: 'customer-service', question: 'moderators', order: 'commerce', other: 'other', spam: 'spam' };
const classified = chat.map((c) => {
  const r = triage.classify({ text: c.text });
  return { ...c, intent: r.intent, lang: r.lang, sku: r.sku, sub: r.sub ?? null };
});

/** The i-th comment of a show, built fresh (its id and key strings belong to whoever keeps them, as in the station). */
function comment(i: number, distinct: boolean): ClusterInput {
  const c = classified[i % classified.length]!;
  const text = distinct ? `${c.text} #${i}` : c.text;
  const base = { queue: HOME[c.intent], intent: c.intent, lang: c.lang, sku: c.sku, sub: c.sub, text };
  return { id: `${c.platform}:m${i}`, seq: i + 1, ...base, clusterKey: clusterKeyOf(base), status: 'new', claimedBy: null, receivedAt: 1_796_000_000_000 + i * 2, platform: c.platform };
}

type Make = () => { queues: { apply(r: ClusterInput): void; size(): number }; clusters: { apply(r: ClusterInput): void } };
const impls: Record<'compact' | 'before', Make> = {
  compact: () => ({ queues: createQueueIndex() as never, clusters: createClusterIndex(clusterKeyOf) }),
  before: () => ({ queues: createOracleQueues() as never, clusters: createOracleClusters(clusterKeyOf) }),
};

/** Full collections until the heap stops shrinking (sweeping finishes after a collection returns). */
async function settledHeap(): Promise<number> {
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 10; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 50));
    const h = process.memoryUsage().heapUsed;
    if (h >= last - 64 * 1024) return h;
    last = h;
  }
  return last;
}

/** Bytes the two indexes retain per open comment after a full collection. */
async function retained(make: Make, distinct: boolean): Promise<number> {
  const h0 = await settledHeap();
  const ix = make();
  for (let i = 0; i < N; i++) {
    const r = comment(i, distinct);
    ix.queues.apply(r);
    ix.clusters.apply(r);
  }
  const h1 = await settledHeap();
  if (ix.queues.size() !== N) throw new Error('not every comment is open');
  return (h1 - h0) / N;
}

/** CPU µs per comment to apply prepared records (keys computed beforehand, as the pipeline does). */
function applyCost(make: Make, inputs: readonly ClusterInput[]): number {
  const ix = make();
  const t0 = process.cpuUsage();
  for (const r of inputs) {
    ix.queues.apply(r);
    ix.clusters.apply(r);
  }
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / inputs.length;
}

/** One measurement in a fresh process, so nothing a previous one left behind is in its heap. */
function retainedApart(name: 'compact' | 'before', distinct: boolean): number {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/open-index.bench.ts', '--retained', name, distinct ? 'distinct' : 'demo'], { encoding: 'utf8', env: process.env });
  const m = /^retained (\S+)$/m.exec(r.stdout);
  if (r.status !== 0 || !m) throw new Error(`measurement failed: ${r.stderr}`);
  return Number(m[1]);
}

const measure = process.argv.indexOf('--retained');
if (measure >= 0) {
  const name = process.argv[measure + 1] as 'compact' | 'before';
  console.log(`retained ${await retained(impls[name], process.argv[measure + 2] === 'distinct')}`);
  process.exit(0);
}

const rows: BenchRow[] = [];
for (const distinct of [false, true]) {
  const show = distinct ? 'distinct chat' : 'demo chat';
  // Alternate the two (ABBA) so a neighbour's load falls on both.
  const bytes = { compact: [] as number[], before: [] as number[] };
  for (const name of ['compact', 'before', 'before', 'compact'] as const) bytes[name].push(retainedApart(name, distinct));
  const inputs = Array.from({ length: N }, (_, i) => comment(i, distinct));
  const cpu = { compact: [] as number[], before: [] as number[] };
  for (const name of ['compact', 'before', 'before', 'compact', 'compact', 'before'] as const) cpu[name].push(applyCost(impls[name], inputs));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const b = mean(bytes.compact);
  const b0 = mean(bytes.before);
  console.log(`${show}: retained B/comment compact ${bytes.compact.map((x) => x.toFixed(0)).join(', ')}; before ${bytes.before.map((x) => x.toFixed(0)).join(', ')}`);
  console.log(`${show}: apply CPU µs/comment compact ${cpu.compact.map((x) => x.toFixed(2)).join(', ')}; before ${cpu.before.map((x) => x.toFixed(2)).join(', ')}`);
  rows.push({ metric: `${show}: heap per open comment (${N.toLocaleString('en')} open)`, value: b, unit: 'B', baseline: b0, ratio: b / b0, target: '≤ 0.6× before', pass: b / b0 <= 0.6 });
  const c = Math.min(...cpu.compact);
  const c0 = Math.min(...cpu.before);
  rows.push({ metric: `${show}: apply per comment, CPU (best of 3)`, value: c, unit: 'µs', baseline: c0, ratio: c / c0, target: '≤ 1.2× before', pass: c / c0 <= 1.2 });
}
report('open-work indexes: memory and cost per open comment', rows);
