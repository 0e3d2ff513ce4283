// The demo show's replay source swapped for a live chat that can post, for tests of what the station
// posts when a moderator answers: the test decides what a post does (keep it, wait, refuse), and gets
// the sink to push comments in once the show's sources are built.
import { createDefaultCommentsPorts } from '../../src/core/comments/comments.default-ports';
import type { CommentsPorts } from '../../src/core/comments/comments.ports';
import type { SourceSink } from '../../src/core/comments/sources/source.types';

/** Where a post goes, as the source is told it. */
export type ReplyTarget = { room: string | null; messageId: string; author: string };

export interface ReplyingChat {
  ports: CommentsPorts;
  /** The sink the station gave the source; null until the show's sources are built. */
  sink: () => SourceSink | null;
}

export function replyingChat(reply: (to: ReplyTarget, text: string) => Promise<void>): ReplyingChat {
  let sink: SourceSink | null = null;
  const real = createDefaultCommentsPorts();
  const ports: CommentsPorts = {
    ...real,
    sources: {
      ...real.sources,
      replay: (deps) => {
        sink = deps.sink;
        return {
          id: deps.config.id,
          kind: 'replay',
          start() {},
          stop: async () => {},
          health: () => ({ id: deps.config.id, kind: 'replay', label: 'chat', status: 'connected', detail: null, lastMessageAt: null, received: 0, rehearsal: false, canReply: true }),
          reply,
        };
      },
    },
  };
  return { ports, sink: () => sink };
}
