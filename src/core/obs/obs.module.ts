// OBS link (obs-websocket v5): connection, resync, scenes, stream health and ingest switching.
// Owns the `obs` slice, the obs.* commands, the `obs.*` alerts and the stored health samples.
import type { HealthThresholds } from '../../shared/show/show.schema';
import { healthThresholdsSchema } from '../../shared/show/show.schema';
import type { obsCommands } from '../../shared/contract/index';
import type { CoreModule, ModuleContext } from '../module';
import type { SliceOf } from '../dispatch/handler';
import { conflict, failed } from '../dispatch/command-failure';
import type { ObsSession } from './obs.client';
import { ObsClosedError, ObsTimeoutError } from './obs.errors';
import { createObsLink, type LinkStatus } from './obs.link';
import { boundObsPassword, OBS_PASSWORD_SECRET, OBS_SETTINGS, obsHostOf, type ObsPorts } from './obs.ports';
import { isScopedSecret, OBS_SECRET_PREFIX } from '../../shared/show/secret-scope';
import { resync, type ObsSnapshot } from './obs.resync';
import { offline, pushHistory, resynced, toPoint } from './obs.state';
import { createHealthRepo } from './health.repo';
import { createHealthSampler } from './health.sampler';
import { createHealthAlerts } from './health.alerts';
import { createSceneControl } from './scene.control';
import { createStreamControl } from './stream.control';
import { nextStream, type StreamNote } from './stream.tracker';
import { createStreamWatch } from './stream.watch';
import { bindSessionEvents } from './obs.events';
import { createIngestBook } from './ingest.book';
import { ingestLabel } from './ingest-label';

type ObsCommand = SliceOf<typeof obsCommands>;

export { OBS_SETTINGS, OBS_PASSWORD_SECRET };
const DEFAULT_THRESHOLDS: HealthThresholds = healthThresholdsSchema.parse({});

export function createObsModule(ctx: ModuleContext, ports: ObsPorts): CoreModule<ObsCommand> {
  const { state, clock, log } = ctx;
  const { timing } = ports;
  const obs = () => state.get('obs');
  const update = (fn: (s: ReturnType<typeof obs>) => ReturnType<typeof obs>) => state.update('obs', fn);
  const thresholds = () => ctx.show.current()?.show.obs.thresholds ?? DEFAULT_THRESHOLDS;

  const repo = createHealthRepo(ctx.db, timing.storeBatch);
  const watch = createStreamWatch();
  const healthAlerts = createHealthAlerts(ctx.alerts, { clearHoldMs: () => thresholds().sustainSeconds * 1000, clock });
  const ingest = createIngestBook({ show: () => ctx.show.current()?.show ?? null, secrets: ctx.secrets });
  let lastStoppedAt: number | null = null;
  let lostReason: string | null = null;
  let wasUp = false;
  let pendingSnapshot: ObsSnapshot | null = null;

  const audit = (command: string, args: unknown, detail: string | null) =>
    ctx.audit.event({ command, args, detail });

  const onTimeout = (error: ObsTimeoutError) => link.drop(`OBS stopped answering (${error.message}); reconnecting to resync.`);

  const link = createObsLink({
    connect: ports.connect,
    timing,
    random: ports.random,
    log,
    onStatus: (status) => applyStatus(status),
    onSession: async (session) => {
      sampler.newSession();
      let changes = 0;
      bindSessionEvents(session, {
        changed: () => (changes += 1),
        live: () => link.session() === session,
        scenes: (scenes) => update((s) => ({ ...s, scenes })),
        program: (programScene) => update((s) => ({ ...s, programScene })),
        preview: (previewScene) => update((s) => ({ ...s, previewScene: s.studioMode ? previewScene : null })),
        renamed: (from, to) =>
          update((s) => {
            const swap = (name: string | null) => (name === from ? to : name);
            return { ...s, scenes: s.scenes.map((n) => (n === from ? to : n)), programScene: swap(s.programScene), previewScene: swap(s.previewScene) };
          }),
        studioMode: (studioMode, previewScene) => update((s) => ({ ...s, studioMode, previewScene: studioMode ? previewScene : null })),
        stream: (outputState) => onStreamState(outputState),
        record: (active) => update((s) => ({ ...s, record: { active } })),
        exiting: () => link.drop(`OBS at ${link.target()?.url ?? ''} is shutting down.`),
        fault: (error) => {
          if (error instanceof ObsTimeoutError) onTimeout(error);
          else if (!(error instanceof ObsClosedError)) log.warn('obs: scene list refresh failed', { error: String(error) });
        },
      });
      pendingSnapshot = await resync(session, () => changes);
    },
    onLost: (reason) => {
      lostReason = reason;
      watch.lost();
      healthAlerts.clearAll();
      audit('obs.link.lost', { url: link.target()?.url ?? null }, reason);
    },
  });

  const applyStatus = (status: LinkStatus) => {
    const now = clock.now();
    switch (status.link) {
      case 'connecting': {
        const error = status.error ?? lostReason;
        update((s) => offline(s, { link: 'connecting', error, attempt: status.attempt, now }));
        if (wasUp) ctx.alerts.raise({ source: 'obs', key: 'obs.link', level: 'critical', message: `OBS link lost — reconnecting. ${lostReason ?? ''}`.trim() });
        else if (error) ctx.alerts.raise({ source: 'obs', key: 'obs.link', level: 'warn', message: `OBS link not up: ${error}` });
        return;
      }
      case 'connected':
        update((s) => ({ ...offline(s, { link: 'connected', error: null, attempt: s.reconnectAttempt, now }), authDisabled: !status.session.hello.authRequired }));
        return;
      case 'synced': {
        const snap = pendingSnapshot;
        pendingSnapshot = null;
        if (!snap) return;
        if (!snap.stream.active) sampler.newStream();
        lastStoppedAt = null;
        update((s) => {
          const next = resynced(s, snap, { active: ingest.nameOf(snap.service.server) }, now);
          return { ...next, ingest: { ...next.ingest, hasBackup: ingest.hasBackup() } };
        });
        wasUp = true;
        lostReason = null;
        ctx.alerts.clear('obs.link');
        if (status.session.hello.authRequired) ctx.alerts.clear('obs.authDisabled');
        else {
          ctx.alerts.raise({
            source: 'obs',
            key: 'obs.authDisabled',
            level: 'warn',
            message: 'OBS WebSocket authentication is off: anyone on the network can control OBS. Turn it on in Tools → WebSocket Server Settings.',
          });
        }
        audit('obs.link.up', { url: link.target()?.url ?? null }, snap.version);
        void sampler.sampleNow();
        return;
      }
      case 'disconnected':
        wasUp = false;
        update((s) => offline(s, { link: 'disconnected', error: status.error, attempt: 0, now }));
        healthAlerts.clearAll();
        if (status.error) ctx.alerts.raise({ source: 'obs', key: 'obs.link', level: 'critical', message: status.error });
        else ctx.alerts.clear('obs.link');
        return;
    }
  };

  const onStreamState = (outputState: string) => {
    const now = clock.now();
    let note: StreamNote | null = null;
    update((s) => {
      const r = nextStream(s.stream, outputState, now, s.ingest.server);
      note = r.note;
      return r.note ? { ...s, stream: r.next } : s;
    });
    if (note) onStreamNote(note);
  };

  const onStreamNote = (note: StreamNote) => {
    const s = obs();
    if (note === 'stopped' || note === 'failed_start') lastStoppedAt = clock.monotonic();
    if (note === 'started') sampler.newStream();
    if (note === 'stopped') repo.flush();
    if (note === 'started' || note === 'stopped' || note === 'failed_start' || note === 'reconnected' || (note === 'reconnecting' && s.stream.retry === 1)) {
      audit(`obs.stream.${note}`, { server: s.ingest.server === null ? null : ingestLabel(s.ingest.server) }, note === 'failed_start' || note === 'reconnecting' ? s.stream.lastError : null);
    }
    watch.notify(note);
    // Re-rate at once: a reconnect or failed start must not wait for the next tick.
    void sampler.sampleNow();
  };

  const sampler = createHealthSampler({
    intervalMs: timing.sampleIntervalMs,
    now: () => clock.now(),
    monotonic: () => clock.monotonic(),
    session: () => link.session(),
    stream: () => obs().stream,
    thresholds,
    expectedFps: () => obs().health.expectedFps,
    onAirExpected: () => state.get('cues').showStartedAt !== null,
    onSample: (sample, verdict) => {
      repo.add(sample);
      update((s) => ({
        ...s,
        health: { ...s.health, level: verdict.level, reasons: verdict.findings.map((f) => f.message), sample, baselineKbps: verdict.baselineKbps },
        history: pushHistory(s.history, toPoint(sample)),
      }));
      healthAlerts.apply(verdict.findings);
    },
    onFault: (error) => {
      if (error instanceof ObsTimeoutError) onTimeout(error);
      else if (!(error instanceof ObsClosedError)) log.warn('obs: health reading failed', { error: String(error) });
    },
  });

  const requireSession = (): ObsSession => {
    const session = link.session();
    if (session) return session;
    const s = obs();
    if (s.link === 'connected') throw conflict('OBS link is resyncing — not sent. Try again in a moment.');
    const lost = s.lostAt === null ? '' : ` (lost ${Math.max(0, Math.round((clock.now() - s.lostAt) / 1000))} s ago)`;
    throw conflict(`OBS link is down${lost} — not sent.${s.linkError ? ` ${s.linkError}` : ''}`);
  };

  const scenes = createSceneControl({
    session: requireSession,
    view: () => obs(),
    confirmed: (change) => update((s) => ({ ...s, ...change })),
    onTimeout,
  });

  const stream = createStreamControl({
    session: requireSession,
    phase: () => obs().stream.phase,
    lastError: () => obs().stream.lastError,
    watch,
    timing,
    lastStoppedAt: () => lastStoppedAt,
    monotonic: () => clock.monotonic(),
    onTimeout,
    ingest: (name) => ingest.target(name),
    onIngest: (change) =>
      update((s) => ({ ...s, ingest: 'switching' in change ? { ...s.ingest, switching: change.switching } : { ...s.ingest, ...change } })),
    log,
  });

  // The producer re-targets or closes the link: what the old session was doing is over, and its
  // end is not a "loss" to alarm about.
  const forgetSession = () => {
    wasUp = false;
    lostReason = null;
    watch.lost();
    healthAlerts.clearAll();
    ctx.alerts.clear('obs.link');
  };

  // Only to the host the password was given for; the show's own (namespaced) password only to the show's OBS URL.
  const storedPassword = (url: string): string | null => {
    if (ctx.secrets.get(OBS_PASSWORD_SECRET) !== null) return boundObsPassword(ctx.secrets, ctx.settings, url);
    const obsConfig = ctx.show.current()?.show.obs;
    const named = obsConfig?.passwordSecret;
    if (!named || !isScopedSecret(named, OBS_SECRET_PREFIX) || !obsConfig?.url) return null;
    const host = obsHostOf(url);
    return host !== null && host === obsHostOf(obsConfig.url) ? ctx.secrets.get(named) : null;
  };

  const unsubscribeShow = ctx.show.onLoaded(() => {
    update((s) => ({ ...s, ingest: { ...s.ingest, hasBackup: ingest.hasBackup(), active: s.synced ? ingest.nameOf(s.ingest.server) : null } }));
  });

  return {
    handlers: {
      'obs.connect': async ({ url, password }, hctx) => {
        const target = url.replace(/\/$/, '');
        const pass = password === undefined ? storedPassword(target) : password === '' ? null : password;
        // The same OBS again is a reconnect ("Reconnect to OBS now"): a loss stays a loss, critical and
        // dated from when it began. Only a new target or a closed link ends the old session's story.
        const reconnect = link.target()?.url === target && obs().link === 'connecting';
        update((s) => ({ ...s, url: target }));
        if (!reconnect) forgetSession();
        const outcome = await link.open({ url: target, password: pass });
        if (outcome.link === 'disconnected') throw failed(outcome.error ?? `Could not connect to ${target}.`);
        // Remembered only once OBS accepted the password, or is not up yet to say otherwise.
        if (password !== undefined) ctx.secrets.set(OBS_PASSWORD_SECRET, password);
        hctx.write(() => {
          ctx.settings.set(OBS_SETTINGS.url, target);
          ctx.settings.set(OBS_SETTINGS.autoConnect, 'true');
          if (password !== undefined) ctx.settings.set(OBS_SETTINGS.passwordHost, obsHostOf(target) ?? '');
        });
        const s = obs();
        return { link: s.link, linkError: s.linkError };
      },
      'obs.disconnect': async (_args, hctx) => {
        forgetSession();
        await link.close();
        hctx.write(() => ctx.settings.set(OBS_SETTINGS.autoConnect, 'false'));
        return { link: obs().link };
      },
      'obs.switchScene': ({ scene }) => scenes.switchTo(scene),
      'obs.take': () => scenes.take(),
      'obs.startStream': async () => ({ phase: await stream.start() }),
      'obs.stopStream': async () => ({ phase: await stream.stop() }),
      'obs.switchIngest': ({ to }) => stream.switchIngest(to),
      'obs.history': ({ from, to }) => repo.range(from, to ?? clock.now()),
    },
    start() {
      update((s) => ({ ...s, ingest: { ...s.ingest, hasBackup: ingest.hasBackup() } }));
      sampler.start();
      const url = ctx.settings.get(OBS_SETTINGS.url);
      if (!url || ctx.settings.get(OBS_SETTINGS.autoConnect) === 'false') return;
      update((s) => ({ ...s, url }));
      // In the background: a missing OBS must never hold up the station's start.
      void link.open({ url, password: storedPassword(url) });
    },
    async close() {
      unsubscribeShow();
      sampler.stop();
      await link.close();
      repo.flush();
    },
  };
}
