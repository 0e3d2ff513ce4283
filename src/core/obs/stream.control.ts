// Start, stop and the move to the backup ingest, each confirmed by OBS's own StreamStateChanged
// events rather than by the request's answer (StartStream "succeeds" even when the ingest is down).
import type { IngestName, StreamPhase } from '../../shared/contract/index';
import { CommandFailure, conflict, failed, unavailable } from '../dispatch/command-failure';
import type { Logger } from '../platform/logger';
import type { ObsSession } from './obs.client';
import { OBS_STATUS, ObsRequestError, ObsTimeoutError, duration, requestFailure } from './obs.errors';
import type { ObsTiming } from './obs.ports';
import type { StreamWatch } from './stream.watch';
import { ingestLabel } from './ingest-label';

export interface IngestTarget {
  server: string;
  /** The stream key, or null to keep the one OBS has. */
  key: string | null;
}

export interface StreamControlDeps {
  /** The resynced session; throws a conflict when the link is not usable. */
  session(): ObsSession;
  phase(): StreamPhase;
  lastError(): string | null;
  watch: StreamWatch;
  timing: Pick<ObsTiming, 'confirmTimeoutMs' | 'settleMs' | 'startNoticeMs'>;
  /** When OBS last reported STOPPED (ms on `monotonic`), or null. */
  lastStoppedAt(): number | null;
  /** The monotonic clock the settle wait is timed on (a wall-clock step must not stretch it to hours). */
  monotonic(): number;
  /** A request went unanswered: the link is suspect. */
  onTimeout(error: ObsTimeoutError): void;
  /** Resolves the show's ingest by name (throws a conflict when the show has none). */
  ingest(name: IngestName): IngestTarget;
  onIngest(update: { server: string; active: IngestName } | { switching: boolean }): void;
  log: Logger;
}

export interface StreamControl {
  start(): Promise<StreamPhase>;
  stop(): Promise<StreamPhase>;
  switchIngest(to: IngestName): Promise<{ active: IngestName; phase: StreamPhase }>;
  readonly switching: boolean;
}

// A second StartStream answered "already running": the first one did take after all.
const TOOK = new CommandFailure('conflict', 'already running');

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createStreamControl(deps: StreamControlDeps): StreamControl {
  const { timing, watch } = deps;
  let switching = false;

  /** Runs a request; OBS status codes listed in `byCode` become those failures. */
  const call = async <T>(what: string, run: () => Promise<T>, byCode: Partial<Record<number, () => CommandFailure>> = {}): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ObsTimeoutError) deps.onTimeout(error);
      const mapped = error instanceof ObsRequestError ? byCode[error.code] : undefined;
      throw mapped ? mapped() : requestFailure(error, what);
    }
  };
  const alreadyRunning = { [OBS_STATUS.outputRunning]: () => conflict('OBS says the stream is already running.') };
  const notRunning = { [OBS_STATUS.outputNotRunning]: () => conflict('OBS says the stream is not running.') };

  const lostWhile = (what: string) =>
    unavailable(`The OBS link dropped while ${what}; the stream's state is unknown until the link is back (it reconnects by itself).`);

  // OBS 29 silently ignores some StartStreams sent right after STOPPED (4 of 13 in our tests).
  const settle = async () => {
    const stoppedAt = deps.lastStoppedAt();
    if (stoppedAt === null) return;
    const left = Math.min(timing.settleMs, stoppedAt + timing.settleMs - deps.monotonic());
    if (left > 0) await wait(left);
  };

  const startAndConfirm = async (session: ObsSession): Promise<StreamPhase> => {
    await settle();
    const notes = watch.record();
    try {
      await call('the stream start', () => session.call('StartStream'), alreadyRunning);
      let end = await notes.until(['starting', 'started', 'failed_start'], timing.startNoticeMs);
      if (end === 'timeout') {
        // Still nothing: the request was swallowed. Once more; "already running" means it took.
        deps.log.warn('obs: StartStream went unnoticed; sending it again');
        await call('the stream start', () => session.call('StartStream'), { [OBS_STATUS.outputRunning]: () => TOOK }).catch(
          (error: unknown) => {
            if (error !== TOOK) throw error;
          },
        );
        end = await notes.until(['starting', 'started', 'failed_start'], timing.confirmTimeoutMs);
      }
      if (end === 'starting') end = await notes.until(['started', 'failed_start', 'stopped'], timing.confirmTimeoutMs);
      switch (end) {
        case 'started':
          return 'live';
        case 'failed_start':
        case 'stopped':
          throw failed(deps.lastError() ?? 'OBS could not start the stream (STARTING → STOPPED).');
        case 'lost':
          throw lostWhile('the stream was starting');
        case 'timeout':
          // Honest: OBS has not said STARTED yet. The phase in the console keeps following it.
          return deps.phase();
        default:
          return deps.phase();
      }
    } finally {
      notes.dispose();
    }
  };

  const stopAndConfirm = async (session: ObsSession): Promise<StreamPhase> => {
    const notes = watch.record();
    try {
      await call('the stream stop', () => session.call('StopStream'), notRunning);
      const end = await notes.until(['stopped', 'failed_start'], timing.confirmTimeoutMs);
      if (end === 'lost') throw lostWhile('the stream was stopping');
      if (end === 'timeout') throw failed(`OBS did not report the stream stopped within ${duration(timing.confirmTimeoutMs)}.`);
      return 'idle';
    } finally {
      notes.dispose();
    }
  };

  const refuseBusy = () => {
    if (switching) throw conflict('Baton is moving the stream to another ingest; wait for it to finish.');
  };

  return {
    get switching() {
      return switching;
    },
    async start() {
      const session = deps.session();
      refuseBusy();
      const phase = deps.phase();
      if (phase === 'live' || phase === 'reconnecting') throw conflict('The stream is already live.');
      if (phase === 'starting') throw conflict('The stream is already starting.');
      if (phase === 'stopping') throw conflict('The stream is still stopping; start it again once OBS reports it stopped.');
      return startAndConfirm(session);
    },
    async stop() {
      const session = deps.session();
      refuseBusy();
      const phase = deps.phase();
      if (phase === 'idle' || phase === 'failed_start') throw conflict('The stream is not running.');
      if (phase === 'stopping') throw conflict('The stream is already stopping.');
      return stopAndConfirm(session);
    },
    async switchIngest(to) {
      const session = deps.session();
      refuseBusy();
      const target = deps.ingest(to);
      const phase = deps.phase();
      if (phase === 'starting' || phase === 'stopping') throw conflict(`The stream is ${phase}; switch the ingest once it has settled.`);
      const wasOnAir = phase === 'live' || phase === 'reconnecting';
      switching = true;
      deps.onIngest({ switching: true });
      try {
        if (wasOnAir) await stopAndConfirm(session);
        // OBS refuses service changes while the output runs; it is stopped now. The key is only
        // sent when the show names one, so an unset key never wipes the one OBS holds.
        await call(`the switch to the ${to} ingest`, () =>
          session.call('SetStreamServiceSettings', {
            streamServiceType: 'rtmp_custom',
            streamServiceSettings: target.key === null ? { server: target.server } : { server: target.server, key: target.key },
          }),
        );
        deps.onIngest({ server: target.server, active: to });
        if (!wasOnAir) return { active: to, phase: deps.phase() };
        try {
          return { active: to, phase: await startAndConfirm(session) };
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw failed(`The stream was moved to the ${to} ingest (${ingestLabel(target.server)}) but did not start there: ${reason}`);
        }
      } finally {
        switching = false;
        deps.onIngest({ switching: false });
      }
    },
  };
}
