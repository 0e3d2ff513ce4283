// Pause confirmed → overlay updated: how long after the store's read-back confirms a pause the
// browser overlay page (Debian Chromium, /overlay/offer) shows the paused text, and the native OBS
// text source (real OBS 29) holds it — beside the store confirmation time itself (pause sent →
// confirmed), all in one run against the demo show's sandbox store.
//
//   npm run bench -- overlay          (OVERLAY_BENCH_CYCLES=40 by default)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchRig, ROOT } from './support/browser-rig';
import { report, summarise } from './support/report';
import { startObsStudio } from '../test/peers/obs-studio';
import { randomSecret } from '../test/peers/process-control';

const CYCLES = Number(process.env.OVERLAY_BENCH_CYCLES ?? 40);
const OFFER = 'glow-kit-live';
const TOKEN = `bench-${randomSecret(9)}`;

async function main() {
  const workDir = mkdtempSync(join(tmpdir(), 'baton-bench-overlay-'));
  const password = randomSecret();
  const obs = await startObsStudio({ workDir, password, rtmpUrl: 'rtmp://127.0.0.1:1/live' });
  const rig = await startBenchRig({ name: 'overlay', showFile: join(ROOT, 'resources/demo-show/show.json'), producerToken: TOKEN });
  const { station } = rig;
  const api = async (name: string, args: unknown) => {
    const r = await fetch(`${station.url}/api/commands/${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    const body = (await r.json()) as { ok: boolean; error?: { message: string } };
    if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  };
  try {
    await api('obs.connect', { url: obs.url, password });
    await api('overlay.show', { overlay: 'offer', visible: true });
    await api('overlay.native', { enabled: true, scene: 'Baton Overlay Bench' });
    const overlayToken = station.devices.issued().find((t) => t.kind === 'overlay')!.token;
    const page = await rig.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${station.url}/overlay/offer?token=${overlayToken}`);
    await page.waitForSelector('#offer[data-state="live"]');
    await page.evaluate(`(() => {
      const el = document.getElementById('offer');
      window.__changes = [];
      new MutationObserver(() => window.__changes.push({ state: el.dataset.state, at: Date.now() })).observe(el, { attributes: true, attributeFilter: ['data-state'] });
    })()`);

    // The station's own moments, on the same wall clock as the page (one machine).
    let confirmedAt = 0;
    let nativeAt = 0;
    station.core.subscribe((m) => {
      if (m.t !== 'patch') return;
      if (m.domain === 'offers' && m.value.items.find((o) => o.id === OFFER)?.state === 'paused' && confirmedAt === 0) confirmedAt = Date.now();
      if (m.domain === 'overlays' && m.value.native.updatedAt !== null && confirmedAt !== 0 && m.value.native.updatedAt >= confirmedAt && nativeAt === 0) nativeAt = m.value.native.updatedAt;
    });
    const until = async (check: () => boolean | Promise<boolean>, what: string) => {
      const end = Date.now() + 10_000;
      while (!(await check())) {
        if (Date.now() > end) throw new Error(`timed out: ${what}`);
        await new Promise((r) => setTimeout(r, 2));
      }
    };

    const store: number[] = [];
    const browser: number[] = [];
    const native: number[] = [];
    for (let i = 0; i < CYCLES + 3; i++) {
      confirmedAt = 0;
      nativeAt = 0;
      await page.evaluate('window.__changes.length = 0');
      const sent = Date.now();
      await api('offer.pause', { offerId: OFFER, reason: 'bench' });
      await until(() => confirmedAt !== 0 && nativeAt !== 0, 'native update');
      await until(async () => (await page.evaluate<{ state: string }[]>('window.__changes')).some((c) => c.state === 'paused'), 'page paused');
      const seen = (await page.evaluate<{ state: string; at: number }[]>('window.__changes')).find((c) => c.state === 'paused')!;
      if (i >= 3) {
        store.push(confirmedAt - sent);
        browser.push(seen.at - confirmedAt);
        native.push(nativeAt - confirmedAt);
      }
      await api('offer.resume', { offerId: OFFER });
      await page.waitForSelector('#offer[data-state="live"]');
    }
    const s = summarise(store);
    const b = summarise(browser);
    const n = summarise(native);
    report(`pause confirmed → overlay updated (${CYCLES} pauses, sandbox store, Chromium page + real OBS 29 text source)`, [
      { metric: 'store confirmation (pause sent → read-back confirmed) p50', value: s.p50, unit: 'ms' },
      { metric: 'store confirmation p99', value: s.p99, unit: 'ms' },
      { metric: 'confirmed → browser overlay shows paused p50', value: b.p50, unit: 'ms' },
      { metric: 'confirmed → browser overlay shows paused p99', value: b.p99, unit: 'ms', baseline: s.p99, target: '< 250', pass: b.p99 < 250 },
      { metric: 'confirmed → OBS text source set (acknowledged) p50', value: n.p50, unit: 'ms' },
      { metric: 'confirmed → OBS text source set (acknowledged) p99', value: n.p99, unit: 'ms', baseline: s.p99, target: '< 250', pass: n.p99 < 250 },
      { metric: 'browser or OBS ever before confirmation', value: [...browser, ...native].filter((x) => x < 0).length, unit: 'count', target: '= 0', pass: [...browser, ...native].every((x) => x >= 0) },
    ]);
  } finally {
    await rig.close();
    await obs.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
