// HQ's signed-in browsers. The printed link carries a token once; the browser then keeps a session
// id of HQ's making — never the token itself, which a stolen cookie would otherwise hand over for
// good (it cannot be revoked without re-issuing it to everyone). A session is fresh at every sign-in
// (an id someone planted in the browser signs nobody in), ends at sign-out on the server, and ends
// after a working day idle. Idle time is measured on the monotonic clock (a wall-clock step must
// neither end every session nor keep one alive for hours). In memory: HQ restarting signs everyone out.
import { createHash, randomBytes } from 'node:crypto';

export type HqRole = 'admin' | 'viewer';

export interface HqSession {
  role: HqRole;
}

export interface HqSessions {
  /** A new session for `role`; answers the id the browser keeps. */
  open(role: HqRole): string;
  /** The live session for an id from a cookie (its idle time starts over), or null. */
  get(id: string | null): HqSession | null;
  /** Ends a session (sign-out); an unknown id is nothing to end. */
  close(id: string | null): void;
}

export const SESSION_IDLE_MS = 12 * 3_600_000;
/** Sessions held at once; the longest idle goes first (a script signing in in a loop cannot grow HQ). */
export const MAX_SESSIONS = 1_000;

/** 32 random bytes, base64url: 43 characters. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;
/** Kept by digest: HQ's memory holds no cookie a browser could present. */
const digest = (id: string) => createHash('sha256').update(id).digest('hex');

export function createHqSessions(monotonic: () => number, idleMs = SESSION_IDLE_MS, max = MAX_SESSIONS): HqSessions {
  const live = new Map<string, { role: HqRole; seen: number }>();
  return {
    open(role) {
      const id = randomBytes(32).toString('base64url');
      live.set(digest(id), { role, seen: monotonic() });
      // Map order is last-touched order (get re-inserts): the first is the longest idle.
      while (live.size > max) live.delete(live.keys().next().value as string);
      return id;
    },
    get(id) {
      if (id === null || !SESSION_ID.test(id)) return null;
      const key = digest(id);
      const s = live.get(key);
      if (!s) return null;
      const now = monotonic();
      live.delete(key);
      if (now - s.seen > idleMs) return null;
      live.set(key, { role: s.role, seen: now });
      return { role: s.role };
    },
    close(id) {
      if (id !== null) live.delete(digest(id));
    },
  };
}
