// What a comment source is to the module: something that starts, stops, reports its health and
// hands over comments (and, for TikTok, viewer counts and the pinned product).
import type { SourceHealth, SourceStatus } from '../../../shared/contract/index';
import type { CommentSourceConfig } from '../../../shared/show/show.schema';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { SecretStore } from '../../platform/secret-store';
import type { SourceComment } from '../comment.model';
import type { BackoffOptions } from '../../../shared/time/backoff';

export interface SourceSink {
  comments(batch: SourceComment[]): void;
  /** The source's health changed (status, detail, counters). */
  health(): void;
  viewers(count: number): void;
  /** The platform says this product is pinned in the live (title as the platform names it). */
  pinnedProduct(title: string): void;
}

export interface CommentSource {
  readonly id: string;
  readonly kind: CommentSourceConfig['kind'];
  start(): void;
  stop(): Promise<void>;
  health(): SourceHealth;
  /** Posts a reply on the platform; absent when the platform (or this login) cannot. */
  reply?: (to: { room: string | null; messageId: string; author: string }, text: string) => Promise<void>;
}

export interface SourceDeps<C extends CommentSourceConfig = CommentSourceConfig> {
  config: C;
  sink: SourceSink;
  clock: Clock;
  log: Logger;
  secrets: SecretStore;
  /** Folder relative paths (replay files) are resolved against: the show file's folder. */
  baseDir: string;
  backoff: BackoffOptions;
}

export type SourceFactory<C extends CommentSourceConfig = CommentSourceConfig> = (deps: SourceDeps<C>) => CommentSource;

export type SourceFactories = {
  [K in CommentSourceConfig['kind']]: SourceFactory<Extract<CommentSourceConfig, { kind: K }>>;
};

/** Keeps one source's health and tells the sink when it changes. */
export interface HealthTracker {
  get(): SourceHealth;
  set(status: SourceStatus, detail: string | null): void;
  received(count: number, at: number): void;
}

export function createHealthTracker(
  init: { id: string; kind: string; label: string; rehearsal: boolean; canReply?: boolean },
  sink: SourceSink,
): HealthTracker {
  let h: SourceHealth = { canReply: false, ...init, status: 'stopped', detail: null, lastMessageAt: null, received: 0 };
  return {
    get: () => h,
    set(status, detail) {
      if (h.status === status && h.detail === detail) return;
      h = { ...h, status, detail };
      sink.health();
    },
    received(count, at) {
      h = { ...h, received: h.received + count, lastMessageAt: at };
      sink.health();
    },
  };
}
