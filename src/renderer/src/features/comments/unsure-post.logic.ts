// What a desk says about a public reply whose outcome is unknown (the comments slice's
// `unsurePosts`): the station stopped while posting it, so it may already be in the room. The
// moderator must see which room and which text, and say what they found there.
import type { UnsurePost } from '../../../../shared/contract/index';

const PLATFORM: Record<string, string> = { twitch: 'Twitch', tiktok: 'TikTok', youtube: 'YouTube', shopee: 'Shopee' };

/** "May already be in #north on Twitch — posted for Ana at 23:41, the station stopped before it could confirm." */
export function unsurePostText(p: UnsurePost, me: string, when: string): string {
  const where = `${p.room ?? 'the chat'} on ${PLATFORM[p.platform] ?? p.platform}`;
  const whose = p.by === me ? 'your answer' : `${p.by}'s answer`;
  return `This reply may already be in ${where} (${whose}, ${when}): the station stopped while posting it and cannot tell whether it went out. Check the room.`;
}
