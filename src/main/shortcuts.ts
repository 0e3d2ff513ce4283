// Global shortcuts for the producer's hands-free moments (a foot pedal or Stream Deck sending
// keys): they go through the same dispatcher as a click, as the producer on this computer.
import { globalShortcut } from 'electron';
import type { Core } from '../core/core';

export function registerShortcuts(core: Core): void {
  const caller = { actor: 'producer (global shortcut)', role: 'producer' as const, via: 'ipc' as const };
  const bind = (accelerator: string, run: () => void) => {
    if (!globalShortcut.register(accelerator, run)) console.warn(`shortcut ${accelerator} is taken by another app`);
  };
  bind('CmdOrCtrl+Alt+Right', () => void core.dispatch('cue.next', {}, caller));
  bind('CmdOrCtrl+Alt+Left', () => void core.dispatch('cue.prev', {}, caller));
  bind('CmdOrCtrl+Alt+P', () => {
    const live = core.snapshot().state.offers.items.find((o) => o.state === 'live');
    if (live) void core.dispatch('offer.pause', { offerId: live.id, reason: 'global shortcut' }, caller);
  });
}
