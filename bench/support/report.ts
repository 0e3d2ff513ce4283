// Shared by the benchmarks: percentiles, a table printer, and the JSON report that
// `npm run bench` gathers (BATON_BENCH_OUT).
import { writeFileSync } from 'node:fs';

export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  target?: string;
  pass?: boolean;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarise(samples: number[]): { p50: number; p99: number; mean: number; n: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), mean: s.reduce((a, b) => a + b, 0) / s.length, n: s.length };
}

const fmt = (v: number | undefined) =>
  v === undefined ? '' : Math.abs(v) >= 1000 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(3);

export function report(name: string, rows: BenchRow[]): void {
  console.log(`\n== ${name} ==`);
  const lines = [['metric', 'value', 'unit', 'baseline', 'ratio', 'target', 'pass']];
  for (const r of rows) {
    lines.push([r.metric, fmt(r.value), r.unit, fmt(r.baseline), r.ratio === undefined ? '' : r.ratio.toFixed(2), r.target ?? '', r.pass === undefined ? '' : r.pass ? 'yes' : 'NO']);
  }
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  for (const l of lines) console.log(l.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  const out = process.env.BATON_BENCH_OUT;
  if (out) writeFileSync(out, JSON.stringify({ name, rows }, null, 2));
}
