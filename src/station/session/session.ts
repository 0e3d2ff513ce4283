// One caller's session with the core, the same for every transport (Electron IPC, WebSocket,
// HTTP): hello, the role's view of the snapshot, its patches and events, and guarded dispatch.
import type { Domain, ServerMessage, StationEvent } from '../../shared/contract/index';
import { seesEverything, canSeeDomain, canSeeEvent, domainView, resultView, stateView } from '../../shared/contract/role-policy';
import type { DispatchResult } from '../../core/dispatch/dispatcher';
import type { Caller } from '../../core/dispatch/handler';
import type { Core } from '../../core/core';
import type { RoleViews } from './role-views';

/** The part of the core a session uses. */
export type SessionCore = Pick<Core, 'dispatch' | 'snapshot' | 'subscribe' | 'setViewCount' | 'now'> & { people?: Pick<Core['people'], 'viewOpened'> };

export interface Session {
  readonly caller: Caller;
  /** (Re)starts the stream to `send`: hello, a snapshot, then patches and events. */
  start(send: (m: ServerMessage) => void): void;
  /** A fresh snapshot on the running stream (after a gap in revs). */
  resync(): void;
  /** The role's view of the snapshot, for one-shot reads (`GET /api/state`). */
  snapshot(): { rev: number; state: ReturnType<Core['snapshot']>['state'] };
  /** Never rejects: a failure inside the core is answered as `internal` and reported once. */
  dispatch(name: unknown, args: unknown): Promise<DispatchResult>;
  close(): void;
}

export interface SessionOptions {
  /** Counted in the producer's "views connected" (a window or a socket, not an HTTP request). */
  view: boolean;
  onInternalError(error: unknown, where: string): void;
  /** Shared by a transport's sessions so each patch is redacted once per role, not once per view. */
  views?: RoleViews;
}

const MAX_NAME = 200;

export function openSession(core: SessionCore, caller: Caller, options: SessionOptions): Session {
  const { role } = caller;
  // A role that sees every domain keeps the core's revs; one that does not gets its own
  // numbering, so the patches it never receives do not look like a gap to its view.
  const renumber = !seesEverything(role);
  let send: ((m: ServerMessage) => void) | null = null;
  let off: (() => void) | null = null;
  let coreRev = 0;
  let localRev = 0;
  let closed = false;
  if (options.view) {
    core.setViewCount(role, +1);
    // The preflight roster asks that each person has opened their view with their own link.
    if (caller.personId) core.people?.viewOpened(caller.personId, role);
  }

  const sendSnapshot = () => {
    const snap = core.snapshot();
    coreRev = snap.rev;
    send?.({ t: 'snapshot', rev: renumber ? localRev : snap.rev, state: stateView(role, snap.state) });
  };

  const onMessage = (m: ServerMessage) => {
    if (!send) return;
    if (m.t === 'patch') {
      if (m.rev <= coreRev) return;
      coreRev = m.rev;
      const domain: Domain = m.domain;
      if (!canSeeDomain(role, domain)) return;
      localRev += 1;
      const value = options.views ? options.views.of(role, m) : domainView(role, domain, m.value);
      send({ t: 'patch', rev: renumber ? localRev : m.rev, domain, value } as ServerMessage);
      return;
    }
    if (m.t === 'event') {
      if (canSeeEvent(role, m.event as StationEvent)) send(m);
      return;
    }
    send(m);
  };

  return {
    caller,
    start(target) {
      if (closed) return;
      off?.();
      send = target;
      send({ t: 'hello', actor: caller.actor, role, roles: caller.roles ?? [role], at: core.now(), ...(caller.personId ? { person: { id: caller.personId, name: caller.name ?? caller.personId } } : {}) });
      sendSnapshot();
      off = core.subscribe(onMessage);
    },
    resync() {
      if (!closed) sendSnapshot();
    },
    snapshot() {
      const snap = core.snapshot();
      return { rev: snap.rev, state: stateView(role, snap.state) };
    },
    async dispatch(name, args) {
      if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME) {
        return { ok: false, error: { code: 'invalid_args', message: `name: a command name is a string of 1 to ${MAX_NAME} characters.`, issues: [{ path: 'name', message: 'expected a command name' }] } };
      }
      try {
        const r = await core.dispatch(name, args, caller);
        return r.ok ? { ok: true, result: resultView(role, name, r.result) } : r;
      } catch (error) {
        options.onInternalError(error, `command ${name.slice(0, 80)}`);
        return { ok: false, error: { code: 'internal', message: 'The station failed to answer; the failure is logged.' } };
      }
    },
    close() {
      if (closed) return;
      closed = true;
      off?.();
      off = null;
      send = null;
      if (options.view) core.setViewCount(role, -1);
    },
  };
}
