// The hq domain: which HQ this station reports to and the one running report. The producer sets
// or clears it (`hq.configure`, `hq.disconnect`); `--hq` at start wins for that run and is not stored.
import type { hqCommands, HqSyncState } from '../../shared/contract/index';
import type { CoreModule, ModuleContext } from '../module';
import type { SliceOf } from '../dispatch/handler';
import { invalid } from '../dispatch/command-failure';
import { createHttpHqPost, type HqTarget } from './hq-http.post';
import { startHqReporting } from './hq-reporting';
import type { HqPost, HqSender } from './hq-sender';
import { insecureHqReason } from './hq-url';

export const HQ_TOKEN_SECRET = 'hq.token';
export const HQ_SETTINGS = { url: 'hq.url', stationId: 'hq.station', tokenOrigin: 'hq.tokenOrigin' } as const;

export interface HqPorts {
  /** The transport per target; HTTP unless a test gives another. */
  makePost?: (target: HqTarget) => HqPost;
  /** From `--hq` (token from the environment): used for this run instead of the stored setting. */
  boot?: HqTarget | null;
  /** `--allow-insecure-hq` (labs only): plain http to an HQ off this machine. */
  allowInsecure?: boolean;
}

export const NOT_CONFIGURED: HqSyncState = { configured: false, state: 'offline', behind: 0, since: null, lastError: null, url: null, stationId: null, source: null };

/** The origin a stored token may be sent to: the token HQ issued goes to that HQ only. */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export interface HqModule extends CoreModule<SliceOf<typeof hqCommands>> {
  /** The running report, if any (tests and shutdown wait on it). */
  current(): HqSender | null;
}

export function createHqModule(ctx: ModuleContext, ports: HqPorts = {}): HqModule {
  const makePost = ports.makePost ?? createHttpHqPost;
  let running: HqSender | null = null;

  const start = (t: HqTarget, source: 'cli' | 'setting') => {
    running = startHqReporting({ db: ctx.db, state: ctx.state, now: () => ctx.clock.now(), stationId: t.stationId, post: makePost(t), label: { url: t.url, stationId: t.stationId, source } });
  };
  const stop = async () => {
    const r = running;
    running = null;
    await r?.close();
  };
  const stored = (): HqTarget | null => {
    const url = ctx.settings.get(HQ_SETTINGS.url);
    const stationId = ctx.settings.get(HQ_SETTINGS.stationId);
    const token = ctx.secrets.get(HQ_TOKEN_SECRET);
    if (!url || !stationId || !token || ctx.settings.get(HQ_SETTINGS.tokenOrigin) !== originOf(url)) return null;
    return { url, stationId, token };
  };

  return {
    current: () => running,
    handlers: {
      'hq.configure': async ({ url, stationId, token }, hctx) => {
        // Checked before anything is stored: a refused URL keeps no token and starts nothing.
        const insecure = insecureHqReason(url, ports.allowInsecure === true);
        if (insecure) throw invalid(insecure, [{ path: 'url', message: 'https:// (or http:// to this machine)' }]);
        const origin = originOf(url);
        const kept = token === undefined && ctx.settings.get(HQ_SETTINGS.tokenOrigin) === origin ? ctx.secrets.get(HQ_TOKEN_SECRET) : null;
        const secret = token ?? kept;
        if (!secret) {
          throw invalid('Give the station token HQ issued for this station (the stored one belongs to another HQ, or none is stored).', [{ path: 'token', message: 'required for this HQ' }]);
        }
        if (token !== undefined) ctx.secrets.set(HQ_TOKEN_SECRET, token);
        hctx.write(() => {
          ctx.settings.set(HQ_SETTINGS.url, url);
          ctx.settings.set(HQ_SETTINGS.stationId, stationId);
          ctx.settings.set(HQ_SETTINGS.tokenOrigin, origin ?? '');
        });
        await stop();
        start({ url, stationId, token: secret }, 'setting');
        return { url, stationId };
      },
      'hq.disconnect': async (_args, hctx) => {
        await stop();
        ctx.secrets.delete(HQ_TOKEN_SECRET);
        hctx.write(() => {
          for (const key of Object.values(HQ_SETTINGS)) ctx.settings.set(key, '');
        });
        ctx.state.set('hq', NOT_CONFIGURED);
        return { configured: false as const };
      },
    },
    start() {
      const t = ports.boot ?? stored();
      if (!t) return;
      // A setting stored before plain http was refused (or a boot URL that skipped the CLI's check).
      const insecure = insecureHqReason(t.url, ports.allowInsecure === true);
      if (insecure) {
        ctx.log.warn('HQ reporting not started', { reason: insecure });
        ctx.state.set('hq', { ...NOT_CONFIGURED, lastError: `${insecure} Set HQ again with an https:// address.` });
        return;
      }
      start(t, ports.boot ? 'cli' : 'setting');
    },
    close: stop,
  };
}
