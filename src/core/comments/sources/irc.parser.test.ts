import { describe, expect, it } from 'vitest';
import { escapeTag, nickOf, parseIrcLine, unescapeTag } from './irc.parser';

describe('IRC parser', () => {
  it('parses Twitch-style tagged PRIVMSGs', () => {
    const m = parseIrcLine('@badge-info=;display-name=Ana\\sR;id=abc-1;tmi-sent-ts=1700000000000 :ana!ana@ana.tmi.twitch.tv PRIVMSG #lumen :is #2 in stock? ; yes');
    expect(m).toEqual({
      tags: { 'badge-info': '', 'display-name': 'Ana R', id: 'abc-1', 'tmi-sent-ts': '1700000000000' },
      prefix: 'ana!ana@ana.tmi.twitch.tv',
      command: 'PRIVMSG',
      params: ['#lumen', 'is #2 in stock? ; yes'],
    });
    expect(nickOf(m?.prefix ?? null)).toBe('ana');
    expect(parseIrcLine('PING :tmi.twitch.tv')).toMatchObject({ command: 'PING', params: ['tmi.twitch.tv'] });
    expect(parseIrcLine(':srv CAP * LS * :a b')).toMatchObject({ params: ['*', 'LS', '*', 'a b'] });
    expect(parseIrcLine('@broken')).toBeNull();
  });
  it('round-trips tag escapes', () => {
    const v = 'a;b c\\d\r\ne';
    expect(unescapeTag(escapeTag(v))).toBe(v);
  });
});
