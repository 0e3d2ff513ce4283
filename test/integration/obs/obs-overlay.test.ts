// Native OBS overlay sources against the real OBS 29: Baton creates its scene, text and image
// sources; an offer pause changes the text source (read back with GetInputSettings by an independent
// client, and seen in GetSourceScreenshot) within 1 s of the store's confirmation — and never before.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OBSWebSocket from 'obs-websocket-js/json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStation, type Station } from '../../../src/station/station';
import { silentLogger } from '../../../src/core/platform/logger';
import { offerText, overlayContent } from '../../../src/core/overlay/overlay.content';
import { BADGE_INPUT, TEXT_INPUT } from '../../../src/core/overlay/overlay-sources';
import { startObsStudio, type ObsStudio } from '../../peers/obs-studio';
import { randomSecret } from '../../peers/process-control';
import { decodePng } from '../../support/png-decode';
import { until } from '../../support/until';
import { ROOT } from '../../peers/obs-rig';

const TOKEN = `overlay-it-${randomSecret(9)}`;
const SCENE = 'Baton Overlay IT';
let workDir: string;
let obs: ObsStudio;
let station: Station;
let observer: OBSWebSocket;

async function api<T>(
  name: string,
  args: unknown = {},
): Promise<{ status: number; body: { ok: boolean; result?: T; error?: { message: string } } }> {
  const r = await fetch(`${station.url}/api/commands/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  return { status: r.status, body: (await r.json()) as never };
}

async function textNow(): Promise<string> {
  const r = await observer.call('GetInputSettings', { inputName: TEXT_INPUT });
  const text = (r.inputSettings as { text?: unknown }).text;
  return typeof text === 'string' ? text : '';
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'baton-obs-overlay-'));
  const password = randomSecret();
  mkdirSync(join(workDir, 'data'), { recursive: true });
  obs = await startObsStudio({ workDir, password, rtmpUrl: 'rtmp://127.0.0.1:1/live' });
  station = await startStation({
    mode: 'headless',
    port: 0,
    lan: false,
    dataDir: join(workDir, 'data'),
    showFile: join(ROOT, 'resources/demo-show/show.json'),
    appRoot: ROOT,
    version: 'overlay-it',
    log: silentLogger,
    secrets: null,
    envProducerToken: TOKEN,
    nativeBinding: null,
    clock: null,
  });
  observer = new OBSWebSocket();
  await observer.connect(obs.url, password, { rpcVersion: 1 });
  expect((await api('obs.connect', { url: obs.url, password })).status).toBe(200);
});

afterAll(async () => {
  await observer?.disconnect().catch(() => undefined);
  await station?.close();
  await obs?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

describe('native OBS overlay sources', () => {
  it('creates its scene with a text and an image source, and shows the approved offer', async () => {
    expect((await api('overlay.show', { overlay: 'offer', visible: true })).status).toBe(200);
    const on = await api<{ native: { status: string } }>('overlay.native', { enabled: true, scene: SCENE });
    expect(on.status).toBe(200);
    await until(
      () => station.core.snapshot().state.overlays.native.status === 'ready',
      15_000,
      () => `native ready (${JSON.stringify(station.core.snapshot().state.overlays.native)})`,
    );

    const scenes = (await observer.call('GetSceneList')).scenes.map((s) => s.sceneName);
    expect(scenes).toContain(SCENE);
    const items = (await observer.call('GetSceneItemList', { sceneName: SCENE })).sceneItems.map((i) => ({
      name: i.sourceName,
      enabled: i.sceneItemEnabled,
    }));
    expect(items.map((i) => i.name).sort()).toEqual([BADGE_INPUT, TEXT_INPUT].sort());

    const offer = station.core.snapshot().state.offers.items[0]!;
    await until(async () => (await textNow()).includes('$39.00'), 5_000, 'the approved price in the text source');
    expect(await textNow()).toContain(offer.code);
    await until(
      async () => {
        const list = (await observer.call('GetSceneItemList', { sceneName: SCENE })).sceneItems;
        return (
          list.find((i) => i.sourceName === TEXT_INPUT)?.sceneItemEnabled === true &&
          list.find((i) => i.sourceName === BADGE_INPUT)?.sceneItemEnabled === false
        );
      },
      5_000,
      'text shown, badge hidden',
    );
  });

  it('switches the text source to the paused text within 1 s of the store’s confirmation, never before', async () => {
    const offerId = station.core.snapshot().state.offers.items[0]!.id;
    let confirmedAt: number | null = null;
    let pausingSeen = false;
    const off = station.core.subscribe((m) => {
      if (m.t !== 'patch' || m.domain !== 'offers') return;
      const o = m.value.items.find((x) => x.id === offerId);
      if (o?.state === 'pausing') pausingSeen = true;
      if (o?.state === 'paused' && confirmedAt === null) confirmedAt = performance.now();
    });
    // Poll what OBS itself holds, from our own client, throughout the pause.
    const seen: { at: number; text: string }[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        seen.push({ at: performance.now(), text: await textNow() });
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const paused = await api<{ state: string }>('offer.pause', { offerId, reason: 'overlay integration test' });
    expect(paused.body.result?.state).toBe('paused');
    const expected = offerText(overlayContent(station.core.snapshot().state));
    expect(expected).not.toContain('$39.00');
    await until(() => seen.some((s) => s.text === expected), 3_000, 'the paused text in OBS');
    polling = false;
    await poller;
    off();

    expect(pausingSeen).toBe(true);
    expect(confirmedAt).not.toBeNull();
    const first = seen.find((s) => s.text === expected)!;
    const lastOld = [...seen].reverse().find((s) => s.text !== expected)!;
    // Never before: every reading taken before the confirmation still showed the offer.
    for (const s of seen) if (s.at < confirmedAt!) expect(s.text).not.toBe(expected);
    expect(first.at - confirmedAt!).toBeLessThan(1_000);
    expect(lastOld.text).toContain('$39.00');

    await until(
      async () => {
        const list = (await observer.call('GetSceneItemList', { sceneName: SCENE })).sceneItems;
        return list.find((i) => i.sourceName === BADGE_INPUT)?.sceneItemEnabled === true;
      },
      2_000,
      'the paused badge shown',
    );
    // And OBS renders it: the scene's screenshot now carries the badge's red.
    const shot = await observer.call('GetSourceScreenshot', { sourceName: SCENE, imageFormat: 'png', imageWidth: 480 });
    const img = decodePng(Buffer.from(shot.imageData.replace(/^data:image\/png;base64,/, ''), 'base64'));
    let red = 0;
    for (let y = 0; y < img.height; y++)
      for (let x = 0; x < img.width; x++) {
        const [r, g, b] = img.at(x, y);
        if (r > 150 && g < 60 && b < 60) red++;
      }
    expect(red).toBeGreaterThan(100);
  });

  it('a hidden offer overlay hides the text source; the show/hide is audited', async () => {
    expect((await api('overlay.show', { overlay: 'offer', visible: false })).status).toBe(200);
    await until(
      async () => {
        const list = (await observer.call('GetSceneItemList', { sceneName: SCENE })).sceneItems;
        return list.every((i) => i.sceneItemEnabled === false);
      },
      2_000,
      'both sources hidden',
    );
    const audit = await api<{ entries: { command: string; args: { overlay?: string; visible?: boolean } }[] }>('audit.list', {
      command: 'overlay.show',
      limit: 5,
    });
    expect(audit.body.result?.entries.map((e) => e.args)).toEqual([
      { overlay: 'offer', visible: false },
      { overlay: 'offer', visible: true },
    ]);
  });
});
