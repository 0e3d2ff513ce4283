// The real outside world of the comments module, as the station runs it.
import type { CommentsPorts } from './comments.ports';
import { createTriage } from './triage/triage.service';
import { createReplaySource } from './sources/replay.source';
import { createSsnSource } from './sources/ssn.source';
import { createTikTokSource, loadTikTokConnector } from './sources/tiktok.source';
import { createTwitchSource } from './sources/twitch.source';

/** Fragile peers (TikTok's signing service) are hit a few times a minute at most, never in a tight loop. */
const SOURCE_BACKOFF = { baseMs: 1_000, maxMs: 60_000, jitter: 0.2, random: Math.random };

export function createDefaultCommentsPorts(): CommentsPorts {
  return {
    createTriage,
    sources: {
      tiktok: (deps) => createTikTokSource({ ...deps, load: loadTikTokConnector }),
      twitch: createTwitchSource,
      ssn: createSsnSource,
      replay: createReplaySource,
    },
    backoff: SOURCE_BACKOFF,
  };
}
