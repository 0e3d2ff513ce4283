// The show's primary and backup ingests: which one OBS is set to (by server URL) and what to send
// for a switch. Stream keys stay in the secret store; the show only names them.
import { isScopedSecret, OBS_SECRET_PREFIX, scopeMessage } from '../../shared/show/secret-scope';
import type { IngestName } from '../../shared/contract/index';
import type { Show } from '../../shared/show/show.schema';
import { conflict } from '../dispatch/command-failure';
import type { SecretStore } from '../platform/secret-store';
import type { IngestTarget } from './stream.control';

export interface IngestBook {
  hasBackup(): boolean;
  /** Which show ingest a server URL is, or null. */
  nameOf(server: string | null): IngestName | null;
  /** What to send OBS for a switch; throws a conflict the producer can act on. */
  target(name: IngestName): IngestTarget;
}

const norm = (url: string) => url.trim().replace(/\/+$/, '');

export function createIngestBook(deps: { show(): Show | null; secrets: Pick<SecretStore, 'get'> }): IngestBook {
  const config = () => deps.show()?.obs.ingest ?? null;
  return {
    hasBackup: () => Boolean(config()?.backup),
    nameOf(server) {
      const cfg = config();
      if (!cfg || server === null) return null;
      if (norm(cfg.primary.server) === norm(server)) return 'primary';
      if (cfg.backup && norm(cfg.backup.server) === norm(server)) return 'backup';
      return null;
    },
    target(name) {
      const cfg = config();
      if (!cfg) throw conflict('The show lists no ingest servers (obs.ingest in the show file).');
      const entry = name === 'primary' ? cfg.primary : cfg.backup;
      if (!entry) throw conflict('The show lists no backup ingest (obs.ingest.backup in the show file).');
      if (!entry.keySecret) return { server: entry.server, key: null };
      // Only the show's own namespace: a show file cannot push a station secret into OBS.
      if (!isScopedSecret(entry.keySecret, OBS_SECRET_PREFIX)) throw conflict(scopeMessage(entry.keySecret, OBS_SECRET_PREFIX));
      const key = deps.secrets.get(entry.keySecret);
      if (key === null) throw conflict(`The stream key secret "${entry.keySecret}" for the ${name} ingest is not set on this station.`);
      return { server: entry.server, key };
    },
  };
}
