import { describe, expect, it } from 'vitest';
import { unsurePostText } from './unsure-post.logic';

describe('unsurePostText', () => {
  const p = { id: 7, platform: 'twitch', room: '#north', text: 'Ships in 3 days', by: 'Ana', at: 0 };
  it('names the room, the platform and whose answer it was', () => {
    expect(unsurePostText(p, 'Dewi', '23:41')).toBe(
      "This reply may already be in #north on Twitch (Ana's answer, 23:41): the station stopped while posting it and cannot tell whether it went out. Check the room.",
    );
  });
  it('says "your answer" at the desk that clicked, and "the chat" for a source without rooms', () => {
    expect(unsurePostText({ ...p, room: null, platform: 'custom' }, 'Ana', '09:05')).toMatch(/^This reply may already be in the chat on custom \(your answer, 09:05\)/);
  });
});
