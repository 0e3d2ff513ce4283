// The connection manager: keeps one obs-websocket session to the target, reconnecting with
// backoff after any drop, and runs the resync on every new session before declaring it usable.
import type { Logger } from '../platform/logger';
import { backoffDelay } from '../../shared/time/backoff';
import type { ObsConnector, ObsSession } from './obs.client';
import { ObsConnectError, describeClose } from './obs.errors';
import type { ObsTiming } from './obs.ports';

export interface LinkTarget {
  url: string;
  password: string | null;
}

export type LinkStatus =
  /** Trying; `attempt` is the try number since the link was last usable. */
  | { link: 'connecting'; attempt: number; error: string | null }
  /** Identified; the resync is running, controls stay off. */
  | { link: 'connected'; session: ObsSession }
  /** Resynced: the session may be used. */
  | { link: 'synced'; session: ObsSession }
  | { link: 'disconnected'; error: string | null };

/** How the first attempt after `open` ended. */
export interface FirstOutcome {
  link: 'connected' | 'connecting' | 'disconnected';
  error: string | null;
}

export interface ObsLinkDeps {
  connect: ObsConnector;
  timing: Pick<ObsTiming, 'connectTimeoutMs' | 'requestTimeoutMs' | 'backoffBaseMs' | 'backoffCapMs'>;
  random(): number;
  log: Logger;
  onStatus(status: LinkStatus): void;
  /** The resync, run on each new session. Throwing drops the session and retries with backoff. */
  onSession(session: ObsSession): Promise<void>;
  /** A usable (or resyncing) session ended; `reason` is a sentence for the producer. */
  onLost(reason: string): void;
}

export interface ObsLink {
  /** (Re)targets the link and resolves once the first attempt is decided. */
  open(target: LinkTarget): Promise<FirstOutcome>;
  /** Closes the session and stops reconnecting. */
  close(): Promise<void>;
  /** The resynced session, or null: nothing is sent to OBS on anything else. */
  session(): ObsSession | null;
  /** Drops the current session (a request went unanswered, OBS is exiting) and reconnects. */
  drop(reason: string): void;
  target(): LinkTarget | null;
}

export function createObsLink(deps: ObsLinkDeps): ObsLink {
  const { timing, log } = deps;
  let generation = 0;
  let target: LinkTarget | null = null;
  let current: ObsSession | null = null;
  let synced = false;
  let attempts = 0;
  let dropReason: string | null = null;
  let wake: (() => void) | null = null;
  let sleepTimer: NodeJS.Timeout | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) return resolve();
      wake = resolve;
      sleepTimer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
    });
  const cancelSleep = () => {
    clearTimeout(sleepTimer);
    const w = wake;
    wake = null;
    w?.();
  };

  const run = async (gen: number, settleFirst: ((o: FirstOutcome) => void) | null) => {
    let lastError: string | null = null;
    const first = (o: FirstOutcome) => {
      settleFirst?.(o);
      settleFirst = null;
    };
    while (gen === generation && target) {
      const tgt = target;
      // The first try after a drop is immediate; later ones back off with equal jitter.
      await sleep(attempts === 0 ? 0 : backoffDelay(attempts, { baseMs: timing.backoffBaseMs, maxMs: timing.backoffCapMs, jitter: 0.5 }, deps.random));
      if (gen !== generation) return;
      attempts += 1;
      deps.onStatus({ link: 'connecting', attempt: attempts, error: lastError });
      let session: ObsSession;
      try {
        session = await deps.connect({
          url: tgt.url,
          password: tgt.password,
          timeoutMs: timing.connectTimeoutMs,
          requestTimeoutMs: timing.requestTimeoutMs,
        });
      } catch (error) {
        if (gen !== generation) return;
        const failure = error instanceof ObsConnectError ? error : new ObsConnectError('closed', `Connecting to ${tgt.url} failed: ${String(error)}`);
        lastError = failure.message;
        if (failure.fatal) {
          // Retrying cannot fix a wrong password: wait for the producer to enter a new one.
          log.warn('obs link: giving up', { url: tgt.url, kind: failure.kind });
          deps.onStatus({ link: 'disconnected', error: failure.message });
          first({ link: 'disconnected', error: failure.message });
          return;
        }
        deps.onStatus({ link: 'connecting', attempt: attempts, error: failure.message });
        first({ link: 'connecting', error: failure.message });
        continue;
      }
      if (gen !== generation) {
        void session.close();
        return;
      }
      current = session;
      dropReason = null;
      session.onClose(({ code, reason }) => {
        if (current !== session) return;
        const why = dropReason ?? describeClose(tgt.url, code, reason, false);
        current = null;
        synced = false;
        dropReason = null;
        log.warn('obs link lost', { url: tgt.url, code, reason: why });
        deps.onLost(why);
        if (gen === generation && target) void run(gen, null);
      });
      deps.onStatus({ link: 'connected', session });
      try {
        await deps.onSession(session);
      } catch (error) {
        if (current === session) {
          const message = error instanceof Error ? error.message : String(error);
          dropReason = `Resync with OBS failed (${message}); reconnecting.`;
          first({ link: 'connecting', error: dropReason });
          void session.close();
        }
        return;
      }
      // Closed during the resync: the close handler has already restarted the loop.
      if (current !== session || gen !== generation) return;
      synced = true;
      attempts = 0;
      deps.onStatus({ link: 'synced', session });
      first({ link: 'connected', error: null });
      return;
    }
  };

  const stopCurrent = async () => {
    cancelSleep();
    const s = current;
    current = null;
    synced = false;
    await s?.close();
  };

  return {
    async open(next) {
      generation += 1;
      await stopCurrent();
      target = { ...next };
      attempts = 0;
      const gen = generation;
      return new Promise<FirstOutcome>((resolve) => void run(gen, resolve));
    },
    async close() {
      generation += 1;
      target = null;
      await stopCurrent();
      deps.onStatus({ link: 'disconnected', error: null });
    },
    session: () => (synced && current && !current.closed ? current : null),
    drop(reason) {
      const s = current;
      if (!s) return;
      dropReason = reason;
      void s.close();
    },
    target: () => (target ? { ...target } : null),
  };
}
