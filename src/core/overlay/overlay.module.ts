// On-air overlays: owns the `overlays` slice and the overlay.* commands (every show/hide audited
// by the dispatcher), and drives the native OBS sources from the same content the pages draw.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OverlaysState, ScriptContent } from '../../shared/contract/index';
import type { CoreModule, ModuleContext } from '../module';
import { conflict, invalid } from '../dispatch/command-failure';
import { OBS_SETTINGS, boundObsPassword, type ObsPorts } from '../obs/obs.ports';
import { createOverlaySources, type NativeOverlay, type OverlaySources } from './overlay-sources';
import { approvedPrice, formatPrice, offerText, overlayContent, plain } from './overlay.content';
import { solidPng } from './badge-png';

type OverlayCommand = 'overlay.show' | 'overlay.native' | 'overlay.stock';
export const OVERLAY_SETTINGS = { native: 'overlay.native.enabled', scene: 'overlay.native.scene', shown: 'overlay.shown' } as const;
/** Domains whose change can change what an overlay shows. */
const WATCHED = new Set(['offers', 'cues', 'scripts', 'show', 'overlays', 'onair']);
/** Domains whose change can make a show price differ from the approved script's. */
const PRICE_WATCHED = new Set(['offers', 'scripts']);

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

  /** One alert per offer whose show price is not the one the loaded approved script states. */
  let priceAlerts = new Set<string>();
  /** What the last check read: the same deck and the same offers' names and prices give the same alerts. */
  let checked: { deck: ScriptContent | null; offers: readonly PriceInput[] } | null = null;
  const checkPrices = () => {
    const s = state.snapshot().state;
    const deck = s.scripts.deck?.content ?? null;
    // Every offers patch lands here (two per pause: pending, then confirmed), and re-reading every
    // cue of the approved script for its prices was the largest part of the work a click leaves
    // after its reply. A pause changes no price: nothing to look at again.
    if (checked && checked.deck === deck && samePrices(checked.offers, s.offers.items)) return;
    checked = { deck, offers: s.offers.items.map(priceInput) };
    const now = new Set<string>();
    for (const o of s.offers.items) {
      const approved = deck ? approvedPrice(deck, o.id, o.price.amount) : null;
      if (!approved) continue;
      const key = `overlay.price-changed.${o.id}`;
      now.add(key);
      if (!priceAlerts.has(key)) {
        ctx.alerts.raise({
          source: 'overlay',
          key,
          level: 'critical',
          message: `${o.name}: the price is now ${formatPrice(o.price)} but the approved script says ${formatPrice({ amount: approved.amount, currency: o.price.currency })}. The overlay keeps the approved price; get the new one approved.`,
        });
      }
    }
    for (const key of priceAlerts) if (!now.has(key)) ctx.alerts.clear(key);
    priceAlerts = now;
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

  // What is on air survives a station restart: OBS keeps its browser sources open and they
  // reconnect, so they must come back showing what the producer last chose, not blank.
  const saveShown = () => {
    const o = state.get('overlays');
    ctx.settings.set(OVERLAY_SETTINGS.shown, JSON.stringify({ shown: o.shown, offerId: o.offerId, question: o.question, stock: o.stock }));
  };
  const restoreShown = () => {
    const raw = ctx.settings.get(OVERLAY_SETTINGS.shown);
    if (!raw) return;
    let saved: { shown?: Record<string, unknown>; offerId?: unknown; question?: { author?: unknown; text?: unknown } | null; stock?: unknown };
    try {
      saved = JSON.parse(raw) as typeof saved;
    } catch {
      return;
    }
    state.update('overlays', (o) => {
      const shown = { ...o.shown };
      for (const k of Object.keys(shown) as (keyof typeof shown)[]) if (typeof saved.shown?.[k] === 'boolean') shown[k] = saved.shown[k] as boolean;
      const q = saved.question;
      const question = q && typeof q.author === 'string' && typeof q.text === 'string' ? { author: plain(q.author, 60), text: plain(q.text) } : null;
      return { ...o, shown: { ...shown, question: shown.question && question !== null }, question, offerId: typeof saved.offerId === 'string' ? saved.offerId : o.offerId, stock: saved.stock === true };
    });
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
        saveShown();
        return { shown: state.get('overlays').shown };
      },
      'overlay.stock': ({ visible }) => {
        state.update('overlays', (o) => ({ ...o, stock: visible }));
        saveShown();
        return { stock: visible };
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
      restoreShown();
      unsubscribe = state.subscribe((m) => {
        if (m.t !== 'patch') return;
        if (sources && WATCHED.has(m.domain)) sources.apply(desiredNative());
        if (PRICE_WATCHED.has(m.domain)) checkPrices();
      });
      checkPrices();
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

/** The part of an offer the price check reads. */
interface PriceInput {
  id: string;
  name: string;
  amount: number;
  currency: string;
}

const priceInput = (o: { id: string; name: string; price: { amount: number; currency: string } }): PriceInput => ({
  id: o.id,
  name: o.name,
  amount: o.price.amount,
  currency: o.price.currency,
});

function samePrices(before: readonly PriceInput[], now: readonly { id: string; name: string; price: { amount: number; currency: string } }[]): boolean {
  if (before.length !== now.length) return false;
  return before.every((b, i) => {
    const o = now[i];
    return o !== undefined && b.id === o.id && b.name === o.name && b.amount === o.price.amount && b.currency === o.price.currency;
  });
}
