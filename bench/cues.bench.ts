// Cue advance → host card updated, measured in Chromium: the page itself sends
// `POST /api/commands/cue.next` (as a Stream Deck or clicker would) and times until the host
// card's DOM shows the new cue (and until the next frame after it). Baseline, same run: the same
// HTTP command's own round trip from Node, with no browser. Target: p99 < 50 ms over 200 advances.
import { report, summarise } from './support/report';
import { startBenchRig } from './support/browser-rig';

const N = Number(process.env.BATON_BENCH_N ?? 200);
const WARMUP = 10;
const SYSTEM = { actor: 'bench', role: 'producer' as const, via: 'test' as const };

// A long deck of realistic cue lengths, so 200 advances never hit the end.
function benchScript(cues: number): string {
  const lines = ['# Bench deck', ''];
  for (let s = 0; s < Math.ceil(cues / 10); s++) {
    lines.push(`## Segment ${s + 1} {time=2:00}`, '');
    for (let c = 0; c < 10; c++) {
      lines.push(`- demo: Cue ${s * 10 + c + 1}. Watch the texture: one pump, pat it in, and it sinks in within seconds — no sticky finish under makeup, even on a warm studio day.`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

const must = <T>(r: { ok: true; result: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.result;
};

async function main() {
  const producerToken = `bench-${Math.random().toString(36).slice(2)}`;
  const rig = await startBenchRig({ name: 'cues', showFile: null, producerToken });
  const { station, browser } = rig;
  try {
    const { core } = station;
    const total = N + WARMUP + 5;
    const saved = must(await core.dispatch('script.save', { format: 'markdown', source: benchScript(total) }, SYSTEM));
    must(await core.dispatch('script.approve', { versionId: saved.version.id, hash: saved.version.hash, approver: 'Priya Shah', note: 'bench', given: 'email' }, SYSTEM));
    must(await core.dispatch('script.load', { versionId: saved.version.id }, SYSTEM));
    const first = core.snapshot().state.cues.current?.id;
    if (!first) throw new Error('bench deck did not load');

    // Baseline: the HTTP command alone, from Node (keep-alive, like a Stream Deck plugin).
    const http: number[] = [];
    for (let i = 0; i < N + WARMUP; i++) {
      const t = performance.now();
      const res = await fetch(`${station.url}/api/commands/cue.next`, {
        method: 'POST',
        headers: { authorization: `Bearer ${producerToken}`, 'content-type': 'application/json' },
        body: '{}',
      });
      await res.json();
      if (res.status !== 200) throw new Error(`cue.next answered ${res.status}`);
      if (i >= WARMUP) http.push(performance.now() - t);
    }
    must(await core.dispatch('cue.goto', { cueId: first }, SYSTEM));

    const hostToken = station.tokens.issued().find((t) => t.role === 'host')?.token;
    if (!hostToken) throw new Error('no host token');
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await page.goto(`${station.url}/host?token=${hostToken}`);
    await page.getByTestId('host-cue-text').and(page.locator(`[data-cue^="cue:${first}:"]`)).waitFor();

    // In the page: start watching, send, and time until the card's DOM carries the next cue
    // (MutationObserver: after React's commit and the text-fit layout effect), then until the
    // next frame. The HTTP answer is awaited too before the next advance, but not timed into it.
    const order = (core.snapshot().state.scripts.deck?.content.segments ?? []).flatMap((s) => s.cues.map((c) => c.id));
    const inPage = (await page.evaluate(`(async () => {
      const token = ${JSON.stringify(producerToken)};
      const order = ${JSON.stringify(order)};
      const text = () => document.querySelector('[data-testid="host-cue-text"]');
      const waitCue = (id) => new Promise((resolve) => {
        const done = () => { const el = text(); return el && el.getAttribute('data-cue').startsWith('cue:' + id + ':'); };
        if (done()) return resolve(performance.now());
        const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); resolve(performance.now()); } });
        mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      const dom = [], frame = [], http = [];
      for (let i = 0; i < ${N + WARMUP}; i++) {
        const expected = order[i + 1];
        const t0 = performance.now();
        const shown = waitCue(expected).then((t) => new Promise((r) => requestAnimationFrame(() => r([t, performance.now()]))));
        const answered = fetch('/api/commands/cue.next', { method: 'POST', headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' }, body: '{}' })
          .then(async (r) => { const b = await r.json(); if (!b.ok || b.result.cueId !== expected) throw new Error(JSON.stringify(b)); return performance.now(); });
        const [[tDom, tFrame], tHttp] = await Promise.all([shown, answered]);
        if (i >= ${WARMUP}) { dom.push(tDom - t0); frame.push(tFrame - t0); http.push(tHttp - t0); }
      }
      return { dom, frame, http };
    })()`)) as { dom: number[]; frame: number[]; http: number[] };

    const base = summarise(http);
    const dom = summarise(inPage.dom);
    const frame = summarise(inPage.frame);
    const pageHttp = summarise(inPage.http);
    report(`cue advance (HTTP cue.next) → host card updated in Chromium (${N} advances)`, [
      { metric: 'advance → host DOM updated p50', value: dom.p50, unit: 'ms', baseline: base.p50, ratio: dom.p50 / base.p50 },
      { metric: 'advance → host DOM updated p99', value: dom.p99, unit: 'ms', baseline: base.p99, ratio: dom.p99 / base.p99, target: '< 50', pass: dom.p99 < 50 },
      { metric: 'advance → next frame p50', value: frame.p50, unit: 'ms' },
      { metric: 'advance → next frame p99', value: frame.p99, unit: 'ms', target: '< 50', pass: frame.p99 < 50 },
      { metric: 'HTTP round trip from the page p50', value: pageHttp.p50, unit: 'ms', baseline: base.p50 },
      { metric: 'HTTP round trip from Node (baseline) p50', value: base.p50, unit: 'ms' },
      { metric: 'HTTP round trip from Node (baseline) p99', value: base.p99, unit: 'ms' },
    ]);
  } finally {
    await rig.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
