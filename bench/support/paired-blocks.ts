// Two configurations measured in alternating blocks (ABBA order), so drift in the machine's load
// lands on both alike, and the ratio of their p99s reported with a bootstrap interval over the
// block pairs: on a shared machine the interval says how far the single figure can be trusted.
import { percentile } from './report';

export interface PairedBlocks {
  /** Per block pair: the samples of configuration A and of B. */
  a: number[][];
  b: number[][];
}

/** Runs `pairs` block pairs, A then B on even pairs and B then A on odd ones (ABBA order). */
export async function alternatePairs(pairs: number, runA: () => Promise<void>, runB: () => Promise<void>): Promise<void> {
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      await runA();
      await runB();
    } else {
      await runB();
      await runA();
    }
  }
}

/** Runs `pairs` block pairs in ABBA order, collecting each block's samples. */
export async function runPaired(pairs: number, runA: (into: number[]) => Promise<void>, runB: (into: number[]) => Promise<void>): Promise<PairedBlocks> {
  const out: PairedBlocks = { a: [], b: [] };
  // each pair runs one A block and one B block, so the i-th entries of `a` and `b` are the same pair
  await alternatePairs(
    pairs,
    async () => {
      const a: number[] = [];
      await runA(a);
      out.a.push(a);
    },
    async () => {
      const b: number[] = [];
      await runB(b);
      out.b.push(b);
    },
  );
  return out;
}

const p = (blocks: readonly number[][], idx: readonly number[], q: number) => {
  let n = 0;
  for (const i of idx) n += blocks[i]!.length;
  const all = new Float64Array(n);
  let at = 0;
  for (const i of idx) {
    all.set(blocks[i]!, at);
    at += blocks[i]!.length;
  }
  // A typed array sorts numerically without a comparator: the bootstrap's 800 sorts stay quick.
  all.sort();
  return percentile(all as unknown as readonly number[], q);
};

/** B's percentile over A's, pooled over every block, with a 90 % bootstrap interval over block pairs. */
export function pairedRatio(blocks: PairedBlocks, q: number, resamples = 400, seed = 7): { a: number; b: number; ratio: number; lo: number; hi: number } {
  const n = blocks.a.length;
  const every = Array.from({ length: n }, (_, i) => i);
  const a = p(blocks.a, every, q);
  const b = p(blocks.b, every, q);
  // A fixed-seed generator: the same samples give the same interval.
  let s = seed;
  const rand = () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const ratios: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const idx = Array.from({ length: n }, () => Math.floor(rand() * n));
    ratios.push(p(blocks.b, idx, q) / p(blocks.a, idx, q));
  }
  ratios.sort((x, y) => x - y);
  return { a, b, ratio: b / a, lo: percentile(ratios, 5), hi: percentile(ratios, 95) };
}
