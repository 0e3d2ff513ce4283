import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import { createTwitchSource } from './twitch.source';
import { baseDeps, recordingSink, until } from './sources.test-support';
import { createMemorySecretStore } from '../../platform/secret-store';
import type { CommentSourceConfig } from '../../../shared/show/show.schema';

type TwitchConfig = Extract<CommentSourceConfig, { kind: 'twitch' }>;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * A loopback IRC listener that records the lines it is sent. `asLenientServer`: it reads a CR or an LF
 * alone as a line end too, byte for byte (as many IRC servers do), and welcomes the client into its
 * channel, so the source goes on to connected; otherwise it only records CRLF lines.
 */
async function listener(options: { asLenientServer?: boolean } = {}): Promise<{ port: number; lines: string[] }> {
  const lenient = options.asLenientServer === true;
  const lines: string[] = [];
  const sockets: Socket[] = [];
  const server: Server = createServer((s) => {
    sockets.push(s);
    s.setEncoding(lenient ? 'latin1' : 'utf8');
    let buf = '';
    s.on('data', (d: string) => {
      buf += d;
      const parts = buf.split(lenient ? /\r\n|\r|\n/ : '\r\n');
      buf = parts.pop() ?? '';
      lines.push(...parts);
      if (!lenient) return;
      if (parts.some((p) => p.startsWith('NICK'))) s.write(':irc 001 mod :hi\r\n');
      if (parts.some((p) => p.startsWith('JOIN'))) s.write(':irc 366 mod #c :End of /NAMES list\r\n');
    });
    s.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => {
    for (const s of sockets) s.destroy();
    server.close(() => r());
  }));
  return { port: (server.address() as { port: number }).port, lines };
}

async function run(tokenSecret: string) {
  const irc = await listener();
  const config: TwitchConfig = { kind: 'twitch', id: 'tw', channel: 'c', host: '127.0.0.1', port: irc.port, tls: false, nick: 'mod', tokenSecret };
  const secrets = createMemorySecretStore({ 'api.tokens': 'station-role-tokens', 'source/tw/oauth': 'oauth:own-token' });
  const source = createTwitchSource({ ...baseDeps, config, sink: recordingSink(), secrets });
  cleanups.push(() => source.stop());
  source.start();
  await until(() => irc.lines.some((l) => l.startsWith('NICK')));
  return irc.lines;
}

describe('the Twitch login token', () => {
  it('is never a station secret, even when the config names one', async () => {
    const lines = await run('api.tokens');
    expect(lines.join('\n')).not.toContain('station-role-tokens');
    expect(lines.some((l) => l.startsWith('PASS'))).toBe(false);
  });

  it("is the source's own secret, sent over loopback", async () => {
    const lines = await run('source/tw/oauth');
    expect(lines).toContain('PASS oauth:own-token');
  });
});

describe('a reply posted in the channel', () => {
  it('is one IRC line whatever the approved text holds: a carriage return or NUL in a show file’s macro cannot start a second command', async () => {
    const { port, lines } = await listener({ asLenientServer: true });
    const config: TwitchConfig = { kind: 'twitch', id: 'tw', channel: 'c', host: '127.0.0.1', port, tls: false, nick: 'mod', tokenSecret: 'source/tw/oauth' };
    const secrets = createMemorySecretStore({ 'source/tw/oauth': 'oauth:own-token' });
    const source = createTwitchSource({ ...baseDeps, config, sink: recordingSink(), secrets });
    cleanups.push(() => source.stop());
    source.start();
    await until(() => lines.some((l) => l.startsWith('JOIN')));
    await until(() => source.health().status === 'connected');
    await source.reply!({ room: '#c', messageId: 'm1', author: 'viewer' }, 'Tap the pinned kit\rPRIVMSG #other :free money\u0000QUIT :bye');
    await until(() => lines.some((l) => l.includes('Tap the pinned kit')));
    await new Promise((r) => setTimeout(r, 50));
    const after = lines.slice(lines.findIndex((l) => l.includes('Tap the pinned kit')));
    expect(after).toHaveLength(1);
    // Not twitch.tv, so the draft client tag threads it.
    expect(after[0]).toBe('@+draft/reply=m1 PRIVMSG #c :Tap the pinned kit PRIVMSG #other :free money QUIT :bye');
  });
});
