// On-air overlays: owns the `overlays` slice and the overlay.* commands (every show/hide audited
// by the dispatcher), and drives the native OBS sources from the same content the pages draw.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OverlaysState } from '../../shared/contract/index';
import type { CoreModule, ModuleContext } from '../module';
import { conflict, invalid } from '../dispatch/command-failure';
import { OBS_SETTINGS, boundObsPassword, type ObsPorts } from '../obs/obs.ports';
import { createOverlaySources, type NativeOverlay, type OverlaySources } from './overlay-sources';
import { offerText, overlayContent, plain } from './overlay.content';
import { solidPng } from './badge-png';

type OverlayCommand = 'overlay.show' | 'overlay.native';
export const OVERLAY_SETTINGS = { native: 'overlay.native.enabled', scene: 'overlay.native.scene' } as const;
/** Domains whose change can change what an overlay shows. */
const WATCHED = new Set(['offers', 'cues', 'scripts', 'show', 'overlays']);

export function createOverlayModule(ctx: ModuleContext, obsPorts: ObsPorts): CoreModule<OverlayCommand> {
  const { state, clock } = ctx;
  let sources: OverlaySources | null = null;
  let unsubscribe: (() => void) | null = null;
  const updateNative = (fn: (n: OverlaysState['native']) => OverlaysState['native']) =>
    state.update('overlays', (o) => ({ ...o, native: fn(o.native) }));

  const desiredNative = (): NativeOverlay => {
    const content = overlayContent(state.snapshot().state);
    return { text: offerText(content), textVisible: content.offer !== null, badgeVisible: content.offer?.paused === true };
  };

  const startSources = (scene: string) => {
    const badgeFile = join(tmpdir(), 'baton-overlay-paused.png');
    writeFileSync(badgeFile, solidPng(480, 96, [200, 0, 0, 230]));
    sources = createOverlaySources({
      connect: obsPorts.connect,
      timing: { connectTimeoutMs: obsPorts.timing.connectTimeoutMs, requestTimeoutMs: obsPorts.timing.requestTimeoutMs },
      target: () => {
        const url = ctx.settings.get(OBS_SETTINGS.url);
        return url ? { url, password: boundObsPassword(ctx.secrets, ctx.settings, url) } : null;
      },
      scene,
      badgeFile,
      now: () => clock.now(),
      onStatus: (status, error) => updateNative((n) => ({ ...n, status, error })),
      onApplied: (_applied, at) => updateNative((n) => ({ ...n, updatedAt: at })),
    });
    sources.apply(desiredNative());
  };
  const stopSources = async () => {
    const s = sources;
    sources = null;
    await s?.close();
  };

  return {
    handlers: {
      'overlay.show': ({ overlay, visible, offerId }) => {
        const s = state.snapshot().state;
        if (offerId !== undefined && !s.offers.items.some((o) => o.id === offerId))
          throw invalid(`The show has no offer ${offerId}.`);
        let question = s.overlays.question;
        if (overlay === 'question') {
          const pinned = s.comments.pinned;
          if (visible && !pinned) throw conflict('No question is pinned: a moderator pins one first.');
          // Copied now: a later pin does not reach the stream without another click.
          question = visible && pinned ? { author: plain(pinned.author, 60), text: plain(pinned.text) } : null;
        }
        state.update('overlays', (o) => ({
          ...o,
          shown: { ...o.shown, [overlay]: visible },
          question,
          offerId: overlay === 'offer' && offerId !== undefined ? offerId : o.offerId,
        }));
        return { shown: state.get('overlays').shown };
      },
      'overlay.native': async ({ enabled, scene }) => {
        const name = scene ?? state.get('overlays').native.scene;
        ctx.settings.set(OVERLAY_SETTINGS.native, enabled ? '1' : '0');
        ctx.settings.set(OVERLAY_SETTINGS.scene, name);
        await stopSources();
        updateNative((n) => ({ ...n, enabled, scene: name, status: enabled ? 'connecting' : 'off', error: null }));
        if (enabled) startSources(name);
        return { native: state.get('overlays').native };
      },
    },
    start() {
      unsubscribe = state.subscribe((m) => {
        if (sources && m.t === 'patch' && WATCHED.has(m.domain)) sources.apply(desiredNative());
      });
      if (ctx.settings.get(OVERLAY_SETTINGS.native) === '1') {
        const scene = ctx.settings.get(OVERLAY_SETTINGS.scene) ?? state.get('overlays').native.scene;
        updateNative((n) => ({ ...n, enabled: true, scene, status: 'connecting' }));
        startSources(scene);
      }
    },
    async close() {
      unsubscribe?.();
      await stopSources();
    },
  };
}
