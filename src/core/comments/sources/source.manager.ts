// The show's comment sources: created when a show loads (the previous show's are stopped), started
// and stopped by id, and their health gathered for the snapshot. A source that throws while
// starting is reported as `error`, never allowed to take the station down.
import type { SourceHealth } from '../../../shared/contract/index';
import type { CommentSourceConfig } from '../../../shared/show/show.schema';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { SecretStore } from '../../platform/secret-store';
import type { SourceComment } from '../comment.model';
import type { BackoffOptions } from '../../platform/backoff';
import type { CommentSource, SourceFactories, SourceFactory, SourceSink } from './source.types';

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
  let entries: { config: CommentSourceConfig; source: CommentSource }[] = [];
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
      entries = configs.map((config) => ({ config, source: create(config, baseDir) }));
      events.healthChanged();
    },
    start(id) {
      const e = entries.find((x) => x.config.id === id);
      if (!e) return;
      try {
        e.source.start();
      } catch (error) {
        log.error('source failed to start', { id, error: String(error) });
      }
    },
    async stop(id) {
      await entries.find((x) => x.config.id === id)?.source.stop();
    },
    startAll(filter) {
      for (const e of entries) if (filter(e.config)) this.start(e.config.id);
    },
    get: (id) => entries.find((x) => x.config.id === id)?.source ?? null,
    health: () => entries.map((e) => e.source.health()),
    close: stopAll,
  };
}
