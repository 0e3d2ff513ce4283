// The OBS password is bound to the host it was given for: re-targeting the link to another
// host never sends it there; the producer types it again for the new host.
import type { SecretStore } from '../platform/secret-store';
import type { SettingsRepo } from '../storage/settings.repo';
import { OBS_PASSWORD_SECRET, OBS_SETTINGS } from './obs.ports';

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
