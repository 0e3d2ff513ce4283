// What the obs module needs from outside the core, injected so tests can substitute fakes: the
// obs-websocket connector, the link's timings and a random source for reconnect jitter.
import { connectObsWebSocket, type ObsConnector } from './obs.client';
import type { SettingsRepo } from '../storage/settings.repo';
import type { SecretStore } from '../platform/secret-store';

export interface ObsTiming {
  /** A connect attempt (TCP + Hello + Identify) that has not finished by then is abandoned. */
  connectTimeoutMs: number;
  /** Every request gets an answer or an error within this; a silent OBS is reconnected. */
  requestTimeoutMs: number;
  /** Reconnect backoff: base × 2^(try−1), capped, with equal jitter. */
  backoffBaseMs: number;
  backoffCapMs: number;
  /** The health sampler's period; 0 leaves the sampler off (unit tests drive it by hand). */
  sampleIntervalMs: number;
  /** How long start/stop wait for OBS to report STARTED/STOPPED before answering. */
  confirmTimeoutMs: number;
  /** OBS 29 sometimes ignores a StartStream sent right after STOPPED: wait this long first. */
  settleMs: number;
  /** If OBS has not said STARTING this long after StartStream, the request is sent again (once). */
  startNoticeMs: number;
  /** Health samples kept in memory before they are written to SQLite in one transaction. */
  storeBatch: number;
}

export const DEFAULT_OBS_TIMING: ObsTiming = {
  connectTimeoutMs: 3_000,
  requestTimeoutMs: 3_000,
  backoffBaseMs: 250,
  backoffCapMs: 2_000,
  sampleIntervalMs: 1_000,
  confirmTimeoutMs: 10_000,
  settleMs: 300,
  startNoticeMs: 1_500,
  storeBatch: 10,
};

/** Where the OBS link's address and password are kept; the native overlay sources open their own session to the same OBS. */
/** `passwordHost`: the `host:port` the stored password was given for (it is sent nowhere else). */
export const OBS_SETTINGS = { url: 'obs.url', autoConnect: 'obs.autoConnect', passwordHost: 'obs.passwordHost' } as const;
export const OBS_PASSWORD_SECRET = 'obs.password';

export interface ObsPorts {
  connect: ObsConnector;
  timing: ObsTiming;
  /** 0 ≤ x < 1; Math.random in the station, fixed in tests. */
  random(): number;
}

/** The station's real link: obs-websocket-js over the network, default timings, Math.random. */
export function defaultObsPorts(): ObsPorts {
  return { connect: connectObsWebSocket, timing: DEFAULT_OBS_TIMING, random: Math.random };
}

// The OBS password is bound to the host it was given for (here, beside the settings it reads, so
// other domains that drive OBS follow the same rule): re-targeting the link to another host never
// sends it there; the producer types it again for the new host.

/** `host:port` of an OBS URL, lower-cased; null when it is not a URL. */
export function obsHostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** The stored password when `url` is on the host it was given for, else null. */
export function boundObsPassword(secrets: SecretStore, settings: SettingsRepo, url: string): string | null {
  const stored = secrets.get(OBS_PASSWORD_SECRET);
  if (stored === null || stored === '') return null;
  // A password stored before binding existed belongs to the URL it was last used with.
  const bound = settings.get(OBS_SETTINGS.passwordHost) ?? obsHostOf(settings.get(OBS_SETTINGS.url) ?? '');
  const host = obsHostOf(url);
  return host !== null && host === bound ? stored : null;
}
