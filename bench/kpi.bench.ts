// The KPI windows' cost, station and screen:
//  1. the station's KPI update cost per event (add + a view each simulated second) at 10k, 100k and
//     1M events — flat (O(1) amortised) means the 1M figure stays near the 10k one;
//  2. the KPI panel's chart in Debian Chromium for a 3-hour show at 200 events/s: each update (a new
//     per-minute series, as a station patch brings it) rendered, committed and laid out, p95 < 16 ms;
//     the hand-drawn chart the console ships, beside the recharts chart it replaced (same run, same
//     updates) as the baseline. The load average is printed with the figures: other work skews them.
//
//   npm run bench -- kpi            (KPI_BENCH_UPDATES=300 by default; KPI_BENCH_SHOT=x.png saves the chart)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import type { MinutePoint, SegmentMark } from '../src/shared/contract/index';
import { createKpiWindows, type WindowEvent } from '../src/core/showday/kpi.windows';
import { CHROMIUM_ARGS } from '../playwright.config';
import { percentile, report, type BenchRow } from './support/report';

/** What the bench page (src/renderer/bench/kpi-chart.bench-page.tsx) puts on `window`. */
type Variant = 'svg' | 'recharts';
interface BenchPage {
  benchLoad(input: { variant: Variant; goAt: number; series: MinutePoint[]; segments: SegmentMark[]; pauses: { t: number; kind: 'pause' | 'resume'; label: string }[]; targets: unknown[] }): void;
  benchUpdate(series: MinutePoint[]): number;
}
declare const window: BenchPage & { requestAnimationFrame(cb: () => void): number };
declare const requestAnimationFrame: (cb: () => void) => number;
declare const document: { querySelector(s: string): { getAttribute(n: string): string | null } | null };

const UPDATES = Number(process.env.KPI_BENCH_UPDATES ?? 300);
const SHOT = process.env.KPI_BENCH_SHOT;
const RATE = 200; // events per second
const HOURS = 3;
const OFFERS = [
  { id: 'a', currency: 'USD' },
  { id: 'b', currency: 'USD' },
];
const TYPES: WindowEvent['type'][] = ['view', 'view', 'view', 'view', 'view', 'view', 'add_to_cart', 'add_to_cart', 'checkout', 'order'];

/** The i-th event of a show starting at t0 at RATE per second: a fixed mix of types and offers. */
function eventAt(i: number, t0: number): WindowEvent {
  const type = TYPES[i % TYPES.length]!;
  return { id: `e${i}`, type, at: t0 + Math.floor((i * 1000) / RATE), offerId: OFFERS[i % 2]!.id, ...(type === 'order' ? { amount: 39, currency: 'USD' } : {}) };
}

function costPerEvent(n: number): number {
  const t0 = Date.UTC(2026, 0, 1);
  const w = createKpiWindows({ offers: OFFERS, startAt: t0, currency: 'USD' });
  const events = Array.from({ length: n }, (_, i) => eventAt(i, t0));
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    w.add(e, e.at);
    // The station reads the windows once a second of show time.
    if (i % RATE === RATE - 1) w.view(e.at);
  }
  return Number(process.hrtime.bigint() - start) / 1000 / n;
}

interface RenderFigures {
  p50: number;
  p95: number;
  max: number;
  points: number;
  n: number;
}

async function renderBench(): Promise<Record<Variant, RenderFigures>> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-kpi-'));
  try {
    await build({
      entryPoints: [join(import.meta.dirname, '..', 'src', 'renderer', 'bench', 'kpi-chart.bench-page.tsx')],
      bundle: true,
      // A classic script: Chromium refuses module scripts from file:// (origin null).
      format: 'iife',
      jsx: 'automatic',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      outfile: join(dir, 'page.js'),
      logLevel: 'warning',
    });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="page.css"><style>:root{--ok:#1a7f37;--accent:#0969da;--warn:#bf8700;--bad:#cf222e;--muted:#57606a;--border:#d0d7de;--text:#1f2328;--panel-2:#f6f8fa;--radius:6px}body{font:14px system-ui,sans-serif;margin:8px}</style></head><body><div id="root"></div><script src="page.js"></script></body></html>');

    // The show's state at 3 hours in, from the real KPI maths: 2.16 million events.
    const t0 = Date.UTC(2026, 0, 1);
    const total = RATE * 3600 * HOURS;
    const w = createKpiWindows({ offers: OFFERS, startAt: t0, currency: 'USD' });
    for (let i = 0; i < total - UPDATES * RATE; i++) {
      const e = eventAt(i, t0);
      w.add(e, e.at);
    }
    const segments: SegmentMark[] = Array.from({ length: 24 }, (_, k) => ({ at: t0 + k * 450_000, segmentId: `s${k}`, title: `Segment ${k}`, totals: { views: 0, addToCart: 0, checkouts: 0, orders: 0, revenue: 0, paymentErrors: 0 } }));
    const pauses = Array.from({ length: 6 }, (_, k) => ({ t: 20 + k * 25, kind: (k % 2 ? 'resume' : 'pause') as 'pause' | 'resume', label: 'offer' }));
    // Each update: the next second's 200 events, then the series as the station would send it.
    const updates: MinutePoint[][] = [];
    for (let u = 0; u < UPDATES; u++) {
      const base = total - (UPDATES - u) * RATE;
      for (let i = base; i < base + RATE; i++) {
        const e = eventAt(i, t0);
        w.add(e, e.at);
      }
      updates.push(w.series());
    }

    const browser = await chromium.launch({ executablePath: process.env.BATON_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const targets = [{ id: 'c2c', kpi: 'cartToCheckout', window: '5m', below: 0.3, minDenominator: 20, owner: 'commerce', cooldownSeconds: 300 }];
      const out = {} as Record<Variant, RenderFigures>;
      // The shipped chart first, then the baseline, each in a fresh page with the same updates.
      for (const variant of ['svg', 'recharts'] as const) {
        const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
        await page.goto(`file://${join(dir, 'index.html')}`);
        await page.waitForFunction(() => typeof window.benchLoad === 'function');
        await page.evaluate((input) => window.benchLoad(input), { variant, goAt: t0, series: updates[0]!, segments, pauses, targets });
        const samples: number[] = [];
        for (const series of updates.slice(1)) {
          // One update per animation frame, as the console would get at most one patch a frame.
          const ms = await page.evaluate(
            (s) => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(window.benchUpdate(s)))),
            series,
          );
          if (Number.isFinite(ms)) samples.push(ms);
        }
        const points = await page.evaluate(() => Number(document.querySelector('[data-points]')?.getAttribute('data-points')));
        // KPI_BENCH_SHOT=file.png: how the shipped chart looks at 3 hours, to look at, not to time.
        if (SHOT && variant === 'svg') await page.screenshot({ path: SHOT, clip: { x: 0, y: 0, width: 940, height: 300 } });
        await page.close();
        samples.splice(0, 10); // warm-up: the JIT and the first layouts
        const sorted = [...samples].sort((a, b) => a - b);
        out[variant] = { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1]!, points, n: sorted.length };
      }
      return out;
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  costPerEvent(10_000); // warm-up
  const c10k = costPerEvent(10_000);
  const c100k = costPerEvent(100_000);
  const c1m = costPerEvent(1_000_000);
  const ratio = c1m / c10k;
  const loadBefore = loadavg()[0]!;
  const r = await renderBench();
  const loadAfter = loadavg()[0]!;
  const { svg, recharts } = r;
  const rows: BenchRow[] = [
    { metric: 'KPI cost per event, 10k events', value: c10k, unit: 'µs' },
    { metric: 'KPI cost per event, 100k events', value: c100k, unit: 'µs', baseline: c10k, ratio: c100k / c10k },
    { metric: 'KPI cost per event, 1M events', value: c1m, unit: 'µs', baseline: c10k, ratio, target: '≤ 3× the 10k cost (flat)', pass: ratio <= 3 },
    { metric: `chart update p50 (${svg.points} minutes, ${HOURS} h at ${RATE}/s), hand-drawn SVG`, value: svg.p50, unit: 'ms', baseline: recharts.p50, ratio: svg.p50 / recharts.p50 },
    { metric: `chart update p95 (${svg.n} updates), hand-drawn SVG vs recharts`, value: svg.p95, unit: 'ms', baseline: recharts.p95, ratio: svg.p95 / recharts.p95, target: '< 16 ms', pass: svg.p95 < 16 },
    { metric: 'chart update max, hand-drawn SVG vs recharts', value: svg.max, unit: 'ms', baseline: recharts.max, ratio: svg.max / recharts.max },
    { metric: 'load average (1 min) before / after the render runs', value: loadBefore, unit: '', baseline: loadAfter },
  ];
  report('kpi', rows);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
