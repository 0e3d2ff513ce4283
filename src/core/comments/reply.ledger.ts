// Which public replies already went out, and to which askers, so a retry posts nothing twice.
//
// A work item can be asked in several rooms (two Twitch channels, TikTok and Twitch): its reply is
// posted once per room. When one room's post fails the item stays open (it is answered whole or
// not at all), and the moderator retries — which, without this, posted again in every room that
// had already got it. The ledger remembers each post that went out by its room and text together
// with the askers it answered; a later post of the same text to the same room is skipped while any
// of those askers is still waiting (they saw it, and so did the room). Once they are answered they
// are no longer members of any work item, so a new asker of the same question gets a new post.
//
// In memory, per core: a station restart forgets it (the moderator's retry after a restart can
// post again once in a room that had the reply). Bounded: the oldest posts are forgotten first.

export interface ReplyLedger {
  /** Whether `text` already went out in this room (`postKey`) to any of these askers. */
  covers(postKey: string, askerIds: readonly string[]): boolean;
  /** Notes a post that went out, and the askers it answered. */
  note(postKey: string, askerIds: readonly string[]): void;
}

/** Askers remembered in all, across posts: a flood answered in one room is one post of thousands of askers. */
export const LEDGER_MAX_ASKERS = 50_000;

export function createReplyLedger(maxAskers = LEDGER_MAX_ASKERS): ReplyLedger {
  const posts = new Map<string, Set<string>>();
  let askers = 0;
  return {
    covers(postKey, askerIds) {
      const had = posts.get(postKey);
      return had !== undefined && askerIds.some((id) => had.has(id));
    },
    note(postKey, askerIds) {
      const had = posts.get(postKey) ?? new Set<string>();
      posts.delete(postKey);
      askers -= had.size;
      for (const id of askerIds) had.add(id);
      posts.set(postKey, had);
      askers += had.size;
      // Oldest first (a Map keeps insertion order; a post noted again moved to the end above).
      for (const [key, ids] of posts) {
        if (askers <= maxAskers || key === postKey) break;
        posts.delete(key);
        askers -= ids.size;
      }
    },
  };
}
