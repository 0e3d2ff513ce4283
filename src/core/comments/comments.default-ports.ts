// The real outside world of the comments module, as the station runs it.
import type { CommentsPorts } from './comments.ports';
import { createTriage } from './triage/triage.service';
import { loadTriageModelFile, shippedModelPath } from './triage/triage.model-file';
import type { TriageModel } from './triage/triage.model';
import { createReplaySource } from './sources/replay.source';
import { createSsnSource } from './sources/ssn.source';
import { createTikTokSource, loadTikTokConnector } from './sources/tiktok.source';
import { createTwitchSource } from './sources/twitch.source';

/** Fragile peers (TikTok's signing service) are hit a few times a minute at most, never in a tight loop. */
const SOURCE_BACKOFF = { baseMs: 1_000, maxMs: 60_000, jitter: 0.2, random: Math.random };

export function createDefaultCommentsPorts(): CommentsPorts {
  // the shipped learned model, read once per ports (on the first show), shared by every show's classifier
  let model: TriageModel | null | undefined;
  return {
    createTriage: (options) => {
      if (options.model === undefined && model === undefined) {
        const loaded = loadTriageModelFile(shippedModelPath());
        model = loaded.model;
        if (loaded.problem) console.warn(`comments: ${loaded.problem}`);
      }
      return createTriage(options.model === undefined ? { ...options, model } : options);
    },
    sources: {
      tiktok: (deps) => createTikTokSource({ ...deps, load: loadTikTokConnector }),
      twitch: createTwitchSource,
      ssn: createSsnSource,
      replay: createReplaySource,
    },
    backoff: SOURCE_BACKOFF,
  };
}
