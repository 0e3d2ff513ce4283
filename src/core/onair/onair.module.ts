// On air between producer and host: owns the `onair` slice — offer windows (driven through the
// offers' own pause/resume commands), talkback, the numbers shared with the host, the rundown as it ran.
import type { OfferView, OnAirState, StationState } from '../../shared/contract/index';
import type { CoreModule, ModuleContext } from '../module';
import type { Caller } from '../dispatch/handler';
import type { Timers } from '../platform/timers';
import { conflict } from '../dispatch/command-failure';
import { openWindow, stepWindow, type OfferFacts, type Step, type WindowEffect, type WindowInput, type WindowMachine } from './offer-window.machine';
import { capCtaOf, urgencyCuesOf } from './window.cues';
import { ackTalkback, newTalkback } from './talkback.rules';
import { nextRundown } from './rundown.track';

type OnAirCommand = 'offer.window' | 'offer.windowAdjust' | 'talkback.send' | 'talkback.ack' | 'onair.share';

const KEEP_WINDOWS = 10;
const MAX_WINDOW_MS = 24 * 3600_000;
/** Timers cannot wait longer than this; a later wake-up simply wakes again. */
const MAX_WAKE_MS = 2 ** 31 - 1;
/** Running windows survive a station restart: a window whose end passed while down ends at start. */
const WINDOWS_SETTING = 'onair.windows';
interface SavedWindows {
  showId: string;
  machines: WindowMachine[];
}
const SYSTEM: Caller = { actor: 'system:onair', role: 'producer', via: 'system' };

export function factsOf(o: OfferView): OfferFacts {
  return { state: o.state, intent: o.intent, capReached: o.cap?.reached ?? false, storeReachable: o.storeReachable };
}

export function createOnAirModule(ctx: ModuleContext, timers: Timers): CoreModule<OnAirCommand> {
  const { state, clock } = ctx;
  const machines = new Map<string, WindowMachine>();
  const wakes = new Map<string, () => void>();
  let unsubscribe: (() => void) | null = null;
  let closed = false;
  let talkSeq = 0;

  const setOnAir = (fn: (s: OnAirState) => OnAirState) => {
    if (!closed) state.update('onair', fn);
  };

  const save = () => {
    const showId = ctx.show.current()?.show.id ?? null;
    if (!showId || closed) return;
    const saved: SavedWindows = { showId, machines: [...machines.values()].filter((m) => m.view.phase !== 'ended') };
    try {
      ctx.settings.set(WINDOWS_SETTING, JSON.stringify(saved));
    } catch (error) {
      ctx.log.warn('onair: the running windows could not be saved', { error: String(error) });
    }
  };

  const restore = () => {
    const showId = ctx.show.current()?.show.id ?? null;
    const raw = ctx.settings.get(WINDOWS_SETTING);
    if (!raw || !showId) return;
    let saved: SavedWindows | null = null;
    try {
      saved = JSON.parse(raw) as SavedWindows;
    } catch {
      saved = null;
    }
    if (!saved || saved.showId !== showId || !Array.isArray(saved.machines)) return;
    for (const m of saved.machines) {
      if (m?.view?.offerId && m.view.phase !== 'ended') machines.set(m.view.offerId, m);
    }
    const items = state.get('offers').items;
    for (const offerId of [...machines.keys()]) {
      const m = machines.get(offerId);
      if (!m) continue;
      // An end that passed while the station was down is asked now; an ending one is asked again.
      if (m.view.phase === 'ending') effect(offerId, { type: 'pause', reason: 'Offer window ended while the station was down' });
      else feed(offerId, { type: 'tick', now: clock.now() });
      const o = items.find((i) => i.id === offerId);
      if (o) feed(offerId, { type: 'offer', now: clock.now(), facts: factsOf(o) });
    }
    publishWindows();
  };

  const publishWindows = () => {
    save();
    const live = [...machines.values()].map((m) => m.view);
    setOnAir((s) => {
      const others = s.windows.filter((w) => !machines.has(w.offerId));
      return { ...s, windows: [...live, ...others].sort((a, b) => b.openedAt - a.openedAt).slice(0, KEEP_WINDOWS) };
    });
  };

  const offerOf = (s: StationState, offerId: string): OfferView => {
    const o = s.offers.items.find((i) => i.id === offerId);
    if (!o) throw conflict(`The show has no offer "${offerId}" (it has: ${s.offers.items.map((i) => i.id).join(', ') || 'none'}).`);
    return o;
  };

  const run = (offerId: string, step: Step) => {
    machines.set(offerId, step.machine);
    for (const e of step.effects) effect(offerId, e);
    if (step.machine.view.phase === 'ended') {
      wakes.get(offerId)?.();
      wakes.delete(offerId);
    }
    publishWindows();
    if (step.machine.view.phase === 'ended') machines.delete(offerId);
  };

  const feed = (offerId: string, input: WindowInput) => {
    const m = machines.get(offerId);
    if (!m || closed) return;
    const step = stepWindow(m, input);
    // Most offer patches change nothing about a window: no publish, no write.
    if (step.machine === m && step.effects.length === 0) return;
    run(offerId, step);
  };

  const effect = (offerId: string, e: WindowEffect) => {
    switch (e.type) {
      case 'resume':
        void ctx.dispatch('offer.resume', { offerId }, SYSTEM).then((r) => {
          if (!r.ok) ctx.log.warn('onair: the window could not resume its offer yet', { offer: offerId, error: r.error.message });
          refeed(offerId);
        });
        return;
      case 'pause':
        // The same command a click runs: pending, retries and the store's confirmation included.
        void ctx.dispatch('offer.pause', { offerId, reason: e.reason }, SYSTEM).then((r) => {
          if (!r.ok) ctx.log.warn('onair: the window’s pause is not confirmed yet', { offer: offerId, error: r.error.message });
          refeed(offerId);
        });
        return;
      case 'audit':
        ctx.audit.event({ command: e.command, args: e.args });
        return;
      case 'wake': {
        wakes.get(offerId)?.();
        const delay = Math.min(MAX_WAKE_MS, Math.max(0, e.at - clock.now()));
        wakes.set(offerId, timers.after(delay, () => {
          wakes.delete(offerId);
          feed(offerId, { type: 'tick', now: clock.now() });
        }));
        return;
      }
    }
  };

  /** The offer's facts now: an offer already in the asked state sends no patch of its own. */
  const refeed = (offerId: string) => {
    const o = state.get('offers').items.find((i) => i.id === offerId);
    if (o) feed(offerId, { type: 'offer', now: clock.now(), facts: factsOf(o) });
  };

  const onOffers = (items: readonly OfferView[]) => {
    for (const offerId of [...machines.keys()]) {
      const o = items.find((i) => i.id === offerId);
      if (o) feed(offerId, { type: 'offer', now: clock.now(), facts: factsOf(o) });
    }
  };

  const clearWindows = () => {
    for (const cancel of wakes.values()) cancel();
    wakes.clear();
    machines.clear();
    setOnAir((s) => ({ ...s, windows: [] }));
  };

  // Another show drops the windows; the same show loaded again (a restart) keeps them.
  let windowsShow: string | null = null;
  ctx.show.onLoaded((loaded) => {
    if (closed) return;
    if (windowsShow !== null && windowsShow !== loaded.show.id) {
      clearWindows();
      save();
    }
    windowsShow = loaded.show.id;
  });

  return {
    handlers: {
      'offer.window': ({ offerId, minutes, until }, c) => {
        const s = state.snapshot().state;
        const o = offerOf(s, offerId);
        const running = machines.get(offerId);
        if (running) throw conflict(`${o.name} already has a window (${running.view.phase}); extend or cut it instead.`);
        const endsAt = until ?? c.now + Math.round((minutes ?? 0) * 60_000);
        if (endsAt <= c.now) throw conflict('That end time has already passed.');
        if (endsAt - c.now > MAX_WINDOW_MS) throw conflict('A window can last at most 24 hours.');
        const content = s.scripts.deck?.content ?? null;
        const step = openWindow({
          offerId,
          offerName: o.name,
          now: c.now,
          endsAt,
          by: c.caller.name ?? c.caller.actor,
          facts: factsOf(o),
          urgency: content ? urgencyCuesOf(content, offerId) : [],
          capCta: content ? capCtaOf(content, offerId) : null,
        });
        run(offerId, step);
        return { window: step.machine.view };
      },
      'offer.windowAdjust': ({ offerId, action, minutes, reason }, c) => {
        // snapshot(), not get(): it publishes the pending patches first, so this module's listener has
        // fed the window its offer's facts as they are now (a cap reached by the orders just answered
        // has ended it; onair.module.test "same breath"). A plain read would extend a capped window.
        const o = offerOf(state.snapshot().state, offerId);
        const m = machines.get(offerId);
        if (!m || m.view.phase === 'ending') throw conflict(`${o.name} has no open window to ${action}.`);
        feed(offerId, { type: 'adjust', now: c.now, action, minutes: minutes ?? 0, by: c.caller.name ?? c.caller.actor, reason });
        return { window: machines.get(offerId)?.view ?? state.get('onair').windows.find((w) => w.offerId === offerId) ?? m.view };
      },
      'talkback.send': ({ preset, text }, c) => {
        const s = state.snapshot().state;
        if (s.station.views.host === 0) throw conflict('No host view is open: nobody would see the message.');
        const message = newTalkback({ id: `tb${++talkSeq}-${c.now}`, preset: preset ?? null, text: text ?? null, now: c.now, by: c.caller.name ?? c.caller.actor });
        setOnAir((o) => ({ ...o, talkback: { current: message, history: [message, ...o.talkback.history].slice(0, 20) } }));
        return { message };
      },
      'talkback.ack': ({ id }, c) => {
        const current = state.get('onair').talkback.current;
        const acked = ackTalkback(current, id ?? null, c.now, c.caller.name ?? c.caller.actor);
        if (!acked.ok) throw conflict(acked.reason);
        setOnAir((o) => ({ ...o, talkback: { current: acked.message, history: o.talkback.history.map((h) => (h.id === acked.message.id ? acked.message : h)) } }));
        return { message: acked.message };
      },
      'onair.share': (args) => {
        setOnAir((o) => ({ ...o, share: { ...o.share, ...args } }));
        return { share: state.get('onair').share };
      },
    },
    start() {
      restore();
      unsubscribe = state.subscribe((msg) => {
        if (msg.t !== 'patch' || closed) return;
        if (msg.domain === 'offers' && machines.size > 0) onOffers(state.get('offers').items);
        if (msg.domain === 'cues') {
          const cues = state.get('cues');
          const before = state.get('onair').rundown;
          const after = nextRundown(before, cues);
          if (after !== before) setOnAir((o) => ({ ...o, rundown: after }));
        }
      });
    },
    close() {
      closed = true;
      unsubscribe?.();
      for (const cancel of wakes.values()) cancel();
      wakes.clear();
    },
  };
}
