// The show's comment sources: created when a show loads (the previous show's are stopped), started
// and stopped by id, and their health gathered for the snapshot. A source that throws while
// starting is reported as `error`, never allowed to take the station down.
import type { SourceHealth } from '../../../shared/contract/index';
import type { CommentSourceConfig } from '../../../shared/show/show.schema';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { SecretStore } from '../../platform/secret-store';
import type { SourceComment } from '../comment.model';
import type { BackoffOptions } from '../../../shared/time/backoff';
import type { CommentSource, SourceFactories, SourceFactory, SourceSink } from './source.types';
import { isScopedSecret, scopeMessage, sourceSecretPrefix } from '../../../shared/show/secret-scope';

/** Why a credential could not be stored, in words for the producer. */
export type CredentialOutcome = { ok: true; secret: string } | { ok: false; reason: 'unknown' | 'none' | 'scope'; message: string };

/** The secret a source's show entry names for it, if any. */
export function credentialNameOf(config: CommentSourceConfig): string | null {
  if (config.kind === 'twitch') return config.tokenSecret ?? null;
  if (config.kind === 'tiktok') return config.signApiKeySecret ?? null;
  return null;
}

export interface SourceEvents {
  comments(sourceId: string, rehearsal: boolean, batch: SourceComment[]): void;
  healthChanged(): void;
  viewers(sourceId: string, count: number): void;
  pinnedProduct(sourceId: string, title: string): void;
}

export interface SourceManager {
  configure(configs: readonly CommentSourceConfig[], baseDir: string): Promise<void>;
  start(id: string): void;
  stop(id: string): Promise<void>;
  startAll(filter: (config: CommentSourceConfig) => boolean): void;
  get(id: string): CommentSource | null;
  /** Stores the source's own secret and rebuilds the source so it logs in with it (restarted if it was running). */
  setCredential(id: string, value: string): Promise<CredentialOutcome>;
  health(): SourceHealth[];
  close(): Promise<void>;
}

export function createSourceManager(deps: {
  factories: SourceFactories;
  events: SourceEvents;
  clock: Clock;
  log: Logger;
  secrets: SecretStore;
  backoff: BackoffOptions;
}): SourceManager {
  // `running`: started and not stopped by a person since, so a rebuild knows whether to start again.
  let entries: { config: CommentSourceConfig; source: CommentSource; running: boolean }[] = [];
  let currentBaseDir = '';
  const { events, log } = deps;

  const broken = (config: CommentSourceConfig, message: string): CommentSource => {
    const h: SourceHealth = { id: config.id, kind: config.kind, label: config.id, status: 'error', detail: message, lastMessageAt: null, received: 0, rehearsal: config.kind === 'replay', canReply: false };
    return { id: config.id, kind: config.kind, start() {}, stop: async () => {}, health: () => h };
  };

  const create = (config: CommentSourceConfig, baseDir: string): CommentSource => {
    const rehearsal = config.kind === 'replay';
    const sink: SourceSink = {
      comments: (batch) => events.comments(config.id, rehearsal, batch),
      health: () => events.healthChanged(),
      viewers: (n) => events.viewers(config.id, n),
      pinnedProduct: (title) => events.pinnedProduct(config.id, title),
    };
    const factory = deps.factories[config.kind] as SourceFactory;
    try {
      return factory({ config, sink, clock: deps.clock, log, secrets: deps.secrets, baseDir, backoff: deps.backoff });
    } catch (error) {
      return broken(config, `cannot be set up: ${(error as Error).message}`);
    }
  };

  const stopAll = async () => {
    const old = entries;
    entries = [];
    await Promise.all(old.map((e) => e.source.stop().catch((error: unknown) => log.warn('source stop failed', { id: e.config.id, error: String(error) }))));
  };

  return {
    async configure(configs, baseDir) {
      await stopAll();
      currentBaseDir = baseDir;
      entries = configs.map((config) => ({ config, source: create(config, baseDir), running: false }));
      events.healthChanged();
    },
    start(id) {
      const e = entries.find((x) => x.config.id === id);
      if (!e) return;
      e.running = true;
      try {
        e.source.start();
      } catch (error) {
        log.error('source failed to start', { id, error: String(error) });
      }
    },
    async stop(id) {
      const e = entries.find((x) => x.config.id === id);
      if (!e) return;
      e.running = false;
      await e.source.stop();
    },
    async setCredential(id, value) {
      const e = entries.find((x) => x.config.id === id);
      if (!e) return { ok: false, reason: 'unknown', message: `There is no comment source "${id}" in this show.` };
      const name = credentialNameOf(e.config);
      if (!name) return { ok: false, reason: 'none', message: `The ${e.config.kind} source "${id}" names no secret in the show, so it has nothing to store.` };
      // The loader refuses such shows already; this keeps a station secret out of reach even if one slipped through.
      if (!isScopedSecret(name, sourceSecretPrefix(id))) return { ok: false, reason: 'scope', message: scopeMessage(name, sourceSecretPrefix(id)) };
      deps.secrets.set(name, value);
      // Sources read their secret when they are built (Twitch decides read-only vs. logged-in then): build it again.
      await e.source.stop().catch((error: unknown) => log.warn('source stop failed', { id, error: String(error) }));
      e.source = create(e.config, currentBaseDir);
      if (e.running) this.start(id);
      events.healthChanged();
      return { ok: true, secret: name };
    },
    startAll(filter) {
      for (const e of entries) if (filter(e.config)) this.start(e.config.id);
    },
    get: (id) => entries.find((x) => x.config.id === id)?.source ?? null,
    health: () =>
      entries.map((e) => {
        const name = credentialNameOf(e.config);
        return { ...e.source.health(), credential: name ? { secret: name, stored: deps.secrets.get(name) !== null } : null };
      }),
    close: stopAll,
  };
}
