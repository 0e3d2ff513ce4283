// The real outside world of the comments module, as the station runs it.
import type { CommentsPorts } from './comments.ports';
import { createTriage } from './triage/triage.service';
import { DEFAULT_BACKOFF } from './sources/backoff';
import { createReplaySource } from './sources/replay.source';
import { createSsnSource } from './sources/ssn.source';
import { createTikTokSource, loadTikTokConnector } from './sources/tiktok.source';
import { createTwitchSource } from './sources/twitch.source';

export function createDefaultCommentsPorts(): CommentsPorts {
  return {
    createTriage,
    sources: {
      tiktok: (deps) => createTikTokSource({ ...deps, load: loadTikTokConnector }),
      twitch: createTwitchSource,
      ssn: createSsnSource,
      replay: createReplaySource,
    },
    backoff: DEFAULT_BACKOFF,
  };
}
