// How many unsent bytes the station's sockets may hold: per socket, per token (all of one token's
// sockets together) and per station. Before each frame a socket asks; one past its share of a full
// budget is dropped (the caller closes it with 1013 and the reason; it reconnects for a fresh
// snapshot) and counted, so 64 slow sockets of one token cannot each hold 16 MB.
import type { Logger } from '../../core/platform/logger';

export interface SendCaps {
  /** One socket's unsent bytes. */
  perSocket: number;
  /** One token's sockets together (its share per socket: perToken / its open sockets). */
  perToken: number;
  /** Every socket of the station together (share per socket: perStation / open sockets). */
  perStation: number;
  /**
   * A dropped socket gets its close frame (behind what it has not read) this long, then is cut: a
   * client that does not read still holds its bytes until then, so the others may briefly exceed.
   */
  graceMs?: number;
}

export const DEFAULT_SEND_CAPS: SendCaps = { perSocket: 16 * 1024 * 1024, perToken: 32 * 1024 * 1024, perStation: 192 * 1024 * 1024, graceMs: 2000 };

/** RFC 6455 "try again later": the client reconnects and starts from a fresh snapshot. */
export const CLOSE_TOO_FAR_BEHIND = 1013;

export type Overflow = 'socket' | 'token' | 'station';

/** Close reasons (a WebSocket close reason is at most 123 bytes). */
export const OVERFLOW_REASON: Record<Overflow, string> = {
  socket: 'too far behind; reconnect for a fresh snapshot',
  token: 'too far behind: this token’s connections hold too much unsent data; reconnect for a fresh snapshot',
  station: 'too far behind: the station’s send buffers are full; reconnect for a fresh snapshot',
};

export interface SendSlot {
  /**
   * Before a frame of `bytes`: null when it may be sent, else why this socket must be dropped (the
   * drop is counted and logged; the caller closes the socket with CLOSE_TOO_FAR_BEHIND and
   * OVERFLOW_REASON[why]). A socket under its share still sends while others fill the budget:
   * those are refused at their next frame.
   */
  admit(bytes: number): Overflow | null;
  /** The socket closed: its bytes no longer count. */
  release(): void;
}

/** The socket calls the budget needs to drop one. */
export interface DroppableSocket {
  close(code: number, reason: string): void;
  terminate(): void;
  once(event: 'close', listener: () => void): unknown;
}

export interface SendBudget {
  /** Closes `ws` with 1013 and the reason, and cuts it after the grace if it does not finish closing. */
  drop(ws: DroppableSocket, why: Overflow): void;
  /** `key`: the token's limiter key (never the token); `label`: who, for the log; `buffered`: the socket's unsent bytes now. */
  open(key: string, label: string, buffered: () => number, perSocket?: number): SendSlot;
  /** Sockets dropped so far, by which cap. */
  dropped(): Record<Overflow, number>;
  /** Unsent bytes held by every open socket now (read afresh). */
  held(): number;
}

interface Slot {
  key: string;
  read: () => number;
  seen: number;
}

const LOG_EVERY_MS = 1000;

export function createSendBudget(caps: SendCaps = DEFAULT_SEND_CAPS, deps: { log?: Logger; now?: () => number } = {}): SendBudget {
  const now = deps.now ?? Date.now;
  const byKey = new Map<string, { slots: Set<Slot>; seen: number }>();
  let count = 0;
  let stationSeen = 0;
  const dropped: Record<Overflow, number> = { socket: 0, token: 0, station: 0 };
  let lastLog = -Infinity;
  let unlogged = 0;

  const observe = (slot: Slot, value: number) => {
    const group = byKey.get(slot.key);
    if (group) group.seen += value - slot.seen;
    stationSeen += value - slot.seen;
    slot.seen = value;
  };
  /** Last-seen figures go stale as sockets drain: re-read them before refusing anyone. */
  const refresh = (slots: Iterable<Slot>) => {
    for (const s of slots) observe(s, s.read());
  };
  const allSlots = function* () {
    for (const g of byKey.values()) yield* g.slots;
  };

  const drop = (why: Overflow, label: string, buffered: number): Overflow => {
    dropped[why] += 1;
    const t = now();
    // One line a second at most: a stalled room drops many sockets at once.
    if (t - lastLog >= LOG_EVERY_MS) {
      deps.log?.warn('slow socket dropped', { who: label, cap: why, bufferedBytes: buffered, alsoDropped: unlogged, dropped: { ...dropped } });
      lastLog = t;
      unlogged = 0;
    } else unlogged += 1;
    return why;
  };

  const graceMs = caps.graceMs ?? DEFAULT_SEND_CAPS.graceMs ?? 2000;
  return {
    drop(ws, why) {
      ws.close(CLOSE_TOO_FAR_BEHIND, OVERFLOW_REASON[why]);
      const cut = setTimeout(() => ws.terminate(), graceMs);
      cut.unref();
      ws.once('close', () => clearTimeout(cut));
    },
    open(key, label, buffered, perSocket = caps.perSocket) {
      const slot: Slot = { key, read: buffered, seen: 0 };
      const group = byKey.get(key) ?? { slots: new Set<Slot>(), seen: 0 };
      group.slots.add(slot);
      byKey.set(key, group);
      count += 1;
      let open = true;
      return {
        admit(bytes) {
          if (!open) return null;
          const mine = buffered();
          observe(slot, mine);
          if (mine > perSocket) return drop('socket', label, mine);
          if (group.seen + bytes > caps.perToken) {
            refresh(group.slots);
            if (group.seen + bytes > caps.perToken && mine > caps.perToken / group.slots.size) return drop('token', label, mine);
          }
          if (stationSeen + bytes > caps.perStation) {
            refresh(allSlots());
            if (stationSeen + bytes > caps.perStation && mine > caps.perStation / count) return drop('station', label, mine);
          }
          return null;
        },
        release() {
          if (!open) return;
          open = false;
          observe(slot, 0);
          group.slots.delete(slot);
          count -= 1;
          if (group.slots.size === 0) byKey.delete(key);
        },
      };
    },
    dropped: () => ({ ...dropped }),
    held() {
      refresh(allSlots());
      return stationSeen;
    },
  };
}
